// TokenValidator against tokens minted with the fake identity provider's keys: the genuine token passes, and every
// forgery or mismatch is refused with its own reason (401, or 403 for a key not endorsed for the channel).
#include "tests/teams_auth/auth_fixture.hpp"

#include <boost/json/serialize.hpp>

using namespace advocacy;
using namespace advocacy::testing;
using teams::AuthFailure;
namespace json = boost::json;

TEST_CASE_METHOD(AuthFixture, "a genuine Bot Connector token is accepted") {
    CHECK_FALSE(check(valid_bearer()).has_value());
    CHECK(keys.refresh_count() == 1);
    CHECK_FALSE(check(valid_bearer()).has_value());
    CHECK(idp.jwks_requests() == 1);  // the key set is cached
}

TEST_CASE_METHOD(AuthFixture, "RS384 and RS512 are accepted, and aud may be an array holding the app id") {
    CHECK_FALSE(check("Bearer " + idp.mint(claims(), FakeIdentity::default_kid, "RS384")).has_value());
    CHECK_FALSE(check("Bearer " + idp.mint(claims(), FakeIdentity::default_kid, "RS512")).has_value());
    auto c = claims();
    c["aud"] = json::array{"someone-else", app_id};
    CHECK_FALSE(check(bearer(c)).has_value());
}

TEST_CASE_METHOD(AuthFixture, "a request without a token is refused") {
    require_refused(check(""), AuthFailure::missing_token);
}

TEST_CASE_METHOD(AuthFixture, "the scheme must be exactly Bearer") {
    const std::string token = idp.activity_token(app_id, service_url, clock.now());
    for (const std::string& header : {"Basic " + token, "bearer " + token, "BEARER " + token, token,
                                      std::string("Bearer"), std::string("Bearer ")}) {
        CAPTURE(header.substr(0, 10));
        require_refused(check(header), AuthFailure::bad_scheme, header);
    }
}

TEST_CASE_METHOD(AuthFixture, "garbage in place of a JWT is malformed") {
    const std::string valid = idp.activity_token(app_id, service_url, clock.now());
    const auto first_dot = valid.find('.');
    for (const std::string& token : {std::string("garbage"), std::string("a.b"), valid + ".extra", "x" + valid,
                                    std::string("..."), valid.substr(0, first_dot) + "=" + valid.substr(first_dot),
                                    " " + valid, assemble_jwt("not json", "{}", "sig"),
                                    assemble_jwt(R"({"alg":"RS256","kid":"key-1"})", "[1,2]", "sig"),
                                    std::string(20000, 'a')}) {
        CAPTURE(token.substr(0, 20));
        require_refused(check("Bearer " + token), AuthFailure::malformed, "Bearer " + token);
    }
    CHECK(idp.jwks_requests() == 0);  // refused before any key lookup
}

TEST_CASE_METHOD(AuthFixture, "expiry honours the 300 s clock skew, and exp is required") {
    const std::string header = valid_bearer();
    clock.advance(std::chrono::hours(1) + std::chrono::seconds(299));  // 299 s past exp
    CHECK_FALSE(check(header).has_value());
    clock.advance(std::chrono::seconds(2));  // 301 s past exp
    require_refused(check(header), AuthFailure::expired, header);

    auto c = claims();
    c.erase("exp");
    require_refused(check(bearer(c)), AuthFailure::expired);
    c["exp"] = "tomorrow";
    require_refused(check(bearer(c)), AuthFailure::expired);
}

TEST_CASE_METHOD(AuthFixture, "a token not valid yet is refused beyond the clock skew") {
    auto c = claims();
    const auto now = clock.now().time_since_epoch().count();
    c["nbf"] = now + 299;
    CHECK_FALSE(check(bearer(c)).has_value());
    c["nbf"] = now + 301;
    require_refused(check(bearer(c)), AuthFailure::not_yet_valid);
    c["nbf"] = "soon";
    require_refused(check(bearer(c)), AuthFailure::not_yet_valid);
}

TEST_CASE_METHOD(AuthFixture, "a token for another bot is refused") {
    auto c = claims();
    c["aud"] = "another-app-id";
    require_refused(check(bearer(c)), AuthFailure::wrong_audience);
    c["aud"] = json::array{"another-app-id"};
    require_refused(check(bearer(c)), AuthFailure::wrong_audience);
    c.erase("aud");
    require_refused(check(bearer(c)), AuthFailure::wrong_audience);
}

TEST_CASE_METHOD(AuthFixture, "a token from another issuer is refused") {
    auto c = claims();
    c["iss"] = "https://api.botframework.us";
    require_refused(check(bearer(c)), AuthFailure::wrong_issuer);
    c["iss"] = "https://api.botframework.com/";
    require_refused(check(bearer(c)), AuthFailure::wrong_issuer);
    c.erase("iss");
    require_refused(check(bearer(c)), AuthFailure::wrong_issuer);
}

TEST_CASE_METHOD(AuthFixture, "a kid the JWKS does not hold is refused") {
    const auto stranger = RsaTestKey::pooled(1);
    require_refused(check("Bearer " + mint(claims(), {"RS256", "kid-of-nobody", stranger})), AuthFailure::unknown_key);
    require_refused(check("Bearer " + mint(claims(), {"RS256", "", RsaTestKey::pooled(0)})), AuthFailure::unknown_key);
}

TEST_CASE_METHOD(AuthFixture, "a signature by another key under a known kid is refused") {
    const auto header = "Bearer " + mint(claims(), {"RS256", FakeIdentity::default_kid, RsaTestKey::pooled(1)});
    require_refused(check(header), AuthFailure::bad_signature, header);
}

TEST_CASE_METHOD(AuthFixture, "a tampered payload breaks the signature") {
    const std::string token = idp.activity_token(app_id, service_url, clock.now());
    auto c = claims();
    c["serviceurl"] = "https://attacker.example/";
    require_refused(check("Bearer " + with_payload(token, json::serialize(c))), AuthFailure::bad_signature);
    c = claims();
    c["exp"] = c["exp"].as_int64() + 86400;  // a longer life, same everything else
    require_refused(check("Bearer " + with_payload(token, json::serialize(c))), AuthFailure::bad_signature);
    // An emptied signature is no signature.
    const std::string unsigned_token = token.substr(0, token.rfind('.') + 1);
    require_refused(check("Bearer " + unsigned_token), AuthFailure::bad_signature);
}

TEST_CASE_METHOD(AuthFixture, "alg none is refused whatever the kid, without fetching keys") {
    for (const char* alg : {"none", "None", "NONE", ""}) {
        CAPTURE(alg);
        require_refused(check("Bearer " + mint(claims(), {alg, FakeIdentity::default_kid, nullptr})),
                        AuthFailure::unsupported_algorithm);
        require_refused(check("Bearer " + mint(claims(), {alg, "unknown-kid", nullptr})),
                        AuthFailure::unsupported_algorithm);
    }
    MintOptions no_alg{"none", FakeIdentity::default_kid, nullptr};
    no_alg.extra_header = {{"alg", nullptr}};
    require_refused(check("Bearer " + mint(claims(), no_alg)), AuthFailure::unsupported_algorithm);
    CHECK(idp.jwks_requests() == 0);
}

TEST_CASE_METHOD(AuthFixture, "HS256 keyed with the RSA public key (key confusion) is refused") {
    const auto key = idp.key(FakeIdentity::default_kid);
    REQUIRE(key);
    for (const char* alg : {"HS256", "HS384", "HS512"}) {
        for (const std::string& secret : {key->public_pem(), key->public_der()}) {
            CAPTURE(alg);
            MintOptions forged{alg, FakeIdentity::default_kid, nullptr, secret};
            require_refused(check("Bearer " + mint(claims(), forged)), AuthFailure::unsupported_algorithm);
        }
    }
}

TEST_CASE_METHOD(AuthFixture, "other asymmetric algorithms are refused too") {
    for (const char* alg : {"PS256", "ES256", "EdDSA", "rs256"}) {
        CAPTURE(alg);
        MintOptions options{"RS256", FakeIdentity::default_kid, RsaTestKey::pooled(0)};
        options.extra_header = {{"alg", alg}};  // signed like RS256, labelled otherwise
        require_refused(check("Bearer " + mint(claims(), options)), AuthFailure::unsupported_algorithm);
    }
}

TEST_CASE_METHOD(AuthFixture, "a key endorsed for other channels is refused with 403") {
    idp.set_keys({{FakeIdentity::default_kid, RsaTestKey::pooled(0), {"skype", "webchat"}}});
    const std::string header = valid_bearer();
    require_refused(check(header, "msteams"), AuthFailure::endorsement_missing, header);
    CHECK_FALSE(check(header, "webchat").has_value());
}

TEST_CASE_METHOD(AuthFixture, "a key without endorsements is not checked for the channel") {
    idp.set_keys({{FakeIdentity::default_kid, RsaTestKey::pooled(0), {}}});
    CHECK_FALSE(check(valid_bearer(), "msteams").has_value());
}

TEST_CASE_METHOD(AuthFixture, "the serviceurl claim must equal the activity's serviceUrl exactly") {
    const std::string header = valid_bearer();
    for (const char* other : {"https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/amer/",
                              "HTTPS://smba.trafficmanager.net/emea/", ""}) {
        CAPTURE(other);
        require_refused(validator.validate(header, "msteams", other), AuthFailure::service_url_mismatch, header);
    }
    auto c = claims();
    c.erase("serviceurl");
    require_refused(check(bearer(c)), AuthFailure::service_url_mismatch);
    c["serviceUrl"] = service_url;  // the claim name is lowercase
    require_refused(check(bearer(c)), AuthFailure::service_url_mismatch);
}

TEST_CASE_METHOD(AuthFixture, "an unconfigured app id or issuer accepts nothing") {
    const std::string url = service_url;
    teams::TokenValidator no_app(keys, validator_options(idp.issuer(), ""), clock);
    auto claims = connector_claims("", url, clock.now());
    require_refused(no_app.validate("Bearer " + idp.mint(claims), "msteams", url), AuthFailure::wrong_audience);
    teams::TokenValidator no_issuer(keys, validator_options("", "app"), clock);
    claims = connector_claims("app", url, clock.now(), "");
    require_refused(no_issuer.validate("Bearer " + idp.mint(claims), "msteams", url), AuthFailure::wrong_issuer);
}

TEST_CASE_METHOD(AuthFixture, "a token signed with a rotated-in key passes once the key is fetched") {
    CHECK_FALSE(check(valid_bearer()).has_value());
    idp.add_key({"key-2", RsaTestKey::pooled(1), {"msteams"}});
    clock.advance(std::chrono::minutes(61));
    const std::string rotated = idp.authorization(app_id, service_url, clock.now(), "key-2");
    CHECK_FALSE(check(rotated).has_value());
    CHECK_FALSE(check(rotated).has_value());
    CHECK(idp.jwks_requests() == 2);
    idp.remove_key(FakeIdentity::default_kid);  // retired upstream; still cached here until the daily refresh
    const auto retired = [&] {
        return "Bearer " + mint(claims(), {"RS256", FakeIdentity::default_kid, RsaTestKey::pooled(0)});
    };
    CHECK_FALSE(check(retired()).has_value());
    clock.advance(std::chrono::hours(24));
    require_refused(check(retired()), AuthFailure::unknown_key);
}
