#pragma once
// Parsing the OpenID metadata document and the JWKS into signing keys. RSA public keys are rebuilt from the JWK's
// n/e (base64url big-endian integers) with OpenSSL 3's OSSL_PARAM_BLD + EVP_PKEY_fromdata.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/teams/auth/openid_keys.hpp"

namespace advocacy::teams {

struct OpenIdMetadata {
    std::string issuer;
    std::string jwks_uri;
};

// nullopt unless the body is a JSON object with a string http(s) `jwks_uri`.
std::optional<OpenIdMetadata> parse_openid_metadata(std::string_view body);

// The usable keys of a JWKS body (RSA, "use" absent or "sig", with a kid and a modulus of at least 2048 bits);
// others are skipped. nullopt when the body is not a JWKS at all ({"keys":[...]}).
std::optional<std::vector<std::shared_ptr<const SigningKey>>> parse_jwks(std::string_view body);

// An EVP_PKEY (as SigningKey::public_key) from the raw big-endian modulus and exponent; nullptr when OpenSSL
// refuses them.
std::shared_ptr<void> rsa_public_key(std::string_view modulus, std::string_view exponent);

}  // namespace advocacy::teams
