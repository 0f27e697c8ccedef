#pragma once
// The compact JWS form of a JWT, taken apart (not trusted yet), and RSA signature verification with OpenSSL.
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace advocacy::teams {

struct ParsedJwt {
    boost::json::object header;
    boost::json::object claims;
    std::string_view signing_input;  // "<header>.<payload>" as received (points into the token)
    std::string signature;           // raw bytes
};

// nullopt unless `token` is exactly three canonical base64url parts whose first two are JSON objects.
std::optional<ParsedJwt> parse_jwt(std::string_view token);

// The digest of an RSA JWS algorithm ("RS256" / "RS384" / "RS512"); nullptr for anything else (none, HS*, PS*, ES*).
const void* rsa_jws_digest(std::string_view alg);

// RSASSA-PKCS1-v1_5 verification via EVP_DigestVerify; `public_key` is an RSA EVP_PKEY*.
bool verify_rsa_signature(std::string_view alg, void* public_key, std::string_view signing_input,
                          std::string_view signature);

}  // namespace advocacy::teams
