// libFuzzer target: Bot Connector token checking (adapters/teams/auth) against a fixed key set: one RS256 key,
// kid "fuzz-key", endorsed for "msteams", loaded by the real OpenIdKeys from in-memory metadata and JWKS documents.
// The first byte picks what the rest is:
//   0: the Authorization header as received (Bearer scheme, base64url parts, header JSON, algorithm, kid, signature);
//      also base64url decoding on its own, and its round trip;
//   1: "<header JSON>\n<claims JSON>", signed with the key, so the checks after the signature (iss, aud, exp, nbf,
//      endorsement, serviceurl) see fuzzed claims;
//   2: a JWKS or OpenID metadata document, as the identity endpoints would send it.
#include <boost/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/teams/auth/base64url.hpp"
#include "adapters/teams/auth/jwks.hpp"
#include "adapters/teams/auth/jwt.hpp"
#include "adapters/teams/auth/openid_keys.hpp"
#include "adapters/teams/auth/token_validator.hpp"
#include "bot/clock.hpp"
#include "bot/net/http_client.hpp"
#include "fuzz/in_memory_http_client.hpp"
#include "tests/teams_support/test_rsa_key.hpp"

namespace {

namespace json = boost::json;
using namespace advocacy;

constexpr const char* kMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
constexpr const char* kJwksUrl = "https://login.botframework.com/v1/.well-known/keys";
constexpr const char* kIssuer = "https://api.botframework.com";
constexpr const char* kKid = "fuzz-key";
constexpr std::string_view kServiceUrl = "https://smba.trafficmanager.net/emea/";

struct Keys {
    std::shared_ptr<const testing::RsaTestKey> key = testing::RsaTestKey::pooled(0);
    ManualClock clock{std::chrono::sys_seconds(std::chrono::seconds(1'764'000'000))};
    net::HttpClient http;
    std::unique_ptr<teams::OpenIdKeys> keys;
    std::unique_ptr<teams::TokenValidator> validator;

    Keys() {
        fuzz::serve(kMetadataUrl, json::serialize(json::object{{"issuer", kIssuer}, {"jwks_uri", kJwksUrl}}));
        const json::object jwk{{"kty", "RSA"},       {"use", "sig"},
                               {"kid", kKid},        {"n", key->modulus_b64url()},
                               {"e", key->exponent_b64url()}, {"endorsements", json::array{"msteams"}}};
        fuzz::serve(kJwksUrl, json::serialize(json::object{{"keys", json::array{jwk}}}));
        keys = std::make_unique<teams::OpenIdKeys>(http, kMetadataUrl, clock);
        if (!keys->refresh()) __builtin_trap();  // the fixed key set must load, or nothing past the kid is fuzzed
        teams::ValidatorOptions options;
        options.issuer = kIssuer;
        options.app_id = "fuzz-app-id";
        validator = std::make_unique<teams::TokenValidator>(*keys, options, clock);
    }
};

Keys& fixture() {
    static Keys keys;
    return keys;
}

void raw_header(std::string_view header) {
    (void)fixture().validator->validate(header, "msteams", kServiceUrl);
    (void)teams::parse_jwt(header);
    if (const auto bytes = teams::base64url_decode(header)) {
        if (teams::base64url_encode(*bytes) != header) __builtin_trap();  // canonical: one spelling per value
    }
    if (teams::base64url_decode(teams::base64url_encode(header)) != std::string(header)) __builtin_trap();
}

void signed_claims(std::string_view rest) {
    const auto nl = rest.find('\n');
    const auto header = rest.substr(0, nl);
    const auto claims = nl == std::string_view::npos ? std::string_view("{}") : rest.substr(nl + 1);
    const std::string input = teams::base64url_encode(header) + "." + teams::base64url_encode(claims);
    const std::string token = input + "." + teams::base64url_encode(fixture().key->sign("RS256", input));
    (void)fixture().validator->validate("Bearer " + token, "msteams", kServiceUrl);
}

void documents(std::string_view body) {
    (void)teams::parse_jwks(body);
    (void)teams::parse_openid_metadata(body);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
        case 0: raw_header(rest); break;
        case 1: signed_claims(rest); break;
        default: documents(rest); break;
    }
    return 0;
}
