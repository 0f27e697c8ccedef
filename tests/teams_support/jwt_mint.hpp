#pragma once
// Minting JWTs for the Teams tests: genuine RS256 tokens and the attack tokens a validator must refuse
// (alg "none", HS256 keyed with the RSA public key, tampered payloads, malformed parts).
#include <boost/json/object.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "tests/teams_support/test_rsa_key.hpp"

namespace advocacy::testing {

struct MintOptions {
    // Positional, so that mint(claims, {"RS256", kid, key}) reads like the header it makes.
    MintOptions(std::string alg = "RS256", std::string kid = {}, std::shared_ptr<const RsaTestKey> key = nullptr,
                std::string hmac_secret = {}, boost::json::object extra_header = {})
        : alg(std::move(alg)), kid(std::move(kid)), key(std::move(key)), hmac_secret(std::move(hmac_secret)),
          extra_header(std::move(extra_header)) {}

    // RS256/RS384/RS512: signed with `key`. HS256/HS384/HS512: HMAC keyed with `hmac_secret`.
    // "none" (or anything else): an empty signature part.
    std::string alg;
    std::string kid;                          // header "kid"; empty: left out
    std::shared_ptr<const RsaTestKey> key;
    std::string hmac_secret;                  // e.g. key->public_pem() or public_der(): the key-confusion attack
    boost::json::object extra_header;         // added to (or overriding) {"alg","kid","typ":"JWT"}
};

// base64url(header).base64url(claims).base64url(signature over the first two parts).
std::string mint(std::string_view claims_json, const MintOptions& options);
std::string mint(const boost::json::object& claims, const MintOptions& options);

// Raw parts, for malformed tokens (non-JSON header, wrong types...): each part is base64url-encoded as given.
std::string assemble_jwt(std::string_view header_json, std::string_view payload_json, std::string_view signature);

// The same token with the payload replaced by `claims_json` and the original header and signature kept.
std::string with_payload(std::string_view token, std::string_view claims_json);

// The claims of a genuine Bot Connector token: iss, aud = app id, serviceurl, nbf = now, exp = now + lifetime.
boost::json::object connector_claims(std::string_view app_id, std::string_view service_url,
                                     std::chrono::sys_seconds now,
                                     std::string_view issuer = "https://api.botframework.com",
                                     std::chrono::seconds lifetime = std::chrono::hours(1));

}  // namespace advocacy::testing
