// Parsing JWKS and OpenID metadata documents: which keys are usable, and what is not a document at all.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "adapters/teams/auth/jwks.hpp"
#include "adapters/teams/auth/jwt.hpp"
#include "tests/teams_support/test_rsa_key.hpp"

using namespace advocacy;
using advocacy::testing::RsaTestKey;
namespace json = boost::json;

namespace {

json::object rsa_jwk(const std::string& kid, const RsaTestKey& key) {
    return {{"kty", "RSA"}, {"kid", kid}, {"n", key.modulus_b64url()}, {"e", key.exponent_b64url()}};
}

std::vector<std::string> kids(const std::string& body) {
    const auto keys = teams::parse_jwks(body);
    REQUIRE(keys);
    std::vector<std::string> out;
    for (const auto& k : *keys) out.push_back(k->kid);
    return out;
}

}  // namespace

TEST_CASE("JWKS: RSA signing keys are kept with their endorsements; anything else is skipped") {
    const auto good = RsaTestKey::pooled(0);
    auto endorsed = rsa_jwk("endorsed", *good);
    endorsed["use"] = "sig";
    endorsed["endorsements"] = json::array{"msteams", 7, "skype"};
    endorsed["x5c"] = json::array{"MIIB..."};
    auto encryption = rsa_jwk("enc", *good);
    encryption["use"] = "enc";
    auto no_kid = rsa_jwk("", *good);
    auto bad_n = rsa_jwk("bad-n", *good);
    bad_n["n"] = "not base64url!";
    auto padded_e = rsa_jwk("padded-e", *good);
    padded_e["e"] = "AQAB==";
    const auto weak = RsaTestKey::generate(1024);
    json::array list{endorsed,    rsa_jwk("plain", *good), encryption, no_kid, bad_n, padded_e, rsa_jwk("weak", *weak),
                     json::object{{"kty", "EC"}, {"kid", "ec"}, {"crv", "P-256"}, {"x", "AA"}, {"y", "AA"}}, 42};
    const std::string body = json::serialize(json::object{{"keys", list}});

    CHECK(kids(body) == std::vector<std::string>{"endorsed", "plain"});
    const auto keys = teams::parse_jwks(body);
    CHECK((*keys)[0]->endorsements == std::vector<std::string>{"msteams", "skype"});
    CHECK((*keys)[1]->endorsements.empty());
}

TEST_CASE("JWKS: bodies that are not a key set are refused") {
    for (const char* body : {"", "<html>", "[]", R"({"keys":7})", R"({"nokeys":[]})", "{\"keys\":[}"}) {
        CAPTURE(body);
        CHECK_FALSE(teams::parse_jwks(body).has_value());
    }
    CHECK(kids(R"({"keys":[]})").empty());
}

TEST_CASE("OpenID metadata: a jwks_uri over http(s) is required") {
    const auto ok = teams::parse_openid_metadata(
        R"({"issuer":"https://api.botframework.com","jwks_uri":"https://login.botframework.com/v1/.well-known/keys"})");
    REQUIRE(ok);
    CHECK(ok->issuer == "https://api.botframework.com");
    CHECK(ok->jwks_uri == "https://login.botframework.com/v1/.well-known/keys");
    for (const char* body : {R"({"issuer":"x"})", R"({"jwks_uri":42})", R"({"jwks_uri":"file:///etc/passwd"})",
                             R"(["jwks_uri"])", "not json"}) {
        CAPTURE(body);
        CHECK_FALSE(teams::parse_openid_metadata(body).has_value());
    }
}

TEST_CASE("an RSA key is rebuilt from n and e and verifies what the private key signed") {
    const auto key = RsaTestKey::pooled(0);
    const auto jwk = rsa_jwk("k", *key);
    const auto keys = teams::parse_jwks(json::serialize(json::object{{"keys", json::array{jwk}}}));
    REQUIRE(keys);
    REQUIRE(keys->size() == 1);
    void* rebuilt = (*keys)[0]->public_key.get();
    const std::string data = "header.payload";
    CHECK(teams::verify_rsa_signature("RS256", rebuilt, data, key->sign("RS256", data)));
    CHECK(teams::verify_rsa_signature("RS512", rebuilt, data, key->sign("RS512", data)));
    CHECK_FALSE(teams::verify_rsa_signature("RS256", rebuilt, data, key->sign("RS512", data)));
    CHECK_FALSE(teams::verify_rsa_signature("RS256", rebuilt, "header.payloaD", key->sign("RS256", data)));
    CHECK_FALSE(teams::verify_rsa_signature("RS256", rebuilt, data, RsaTestKey::pooled(1)->sign("RS256", data)));
    CHECK_FALSE(teams::verify_rsa_signature("HS256", rebuilt, data, key->sign("RS256", data)));
}
