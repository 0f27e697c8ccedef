// Every forged or misdirected request to POST /api/messages is refused (401, or 403 for a missing endorsement) with
// nothing written to the database and nothing sent to the connector; and a rotated signing key is fetched once.
#include <catch2/catch.hpp>

#include "tests/teams/teams_fixture.hpp"

using namespace advocacy;
using namespace advocacy::teams_test;
using testing::FakeIdentity;
using testing::MintOptions;
using testing::RsaTestKey;

namespace {

// A message that would write (a new user, a conversation reference, an answer) if it were accepted.
json::object tempting(TeamsFixture& f) { return f.text("29:intruder", "me"); }

json::object claims(TeamsFixture& f) {
    return testing::connector_claims(f.config.teams.app_id, f.connector.service_url(), f.clock.now(), f.idp.issuer());
}

std::string bearer(const std::string& token) { return "Bearer " + token; }

std::string signed_with(TeamsFixture& f, const json::object& c) { return bearer(f.idp.mint(c)); }

// Posts with `authorization` and checks the refusal left no trace.
void refused(TeamsFixture& f, const std::string& authorization, int status = 401) {
    const auto rows = f.total_rows();
    const auto r = f.post(tempting(f), authorization);
    CHECK(r.status == status);
    f.adapter->drain(seconds(10));
    CHECK(f.total_rows() == rows);
    CHECK(f.connector.calls().empty());
    CHECK(f.idp.token_requests().empty());
}

}  // namespace

TEST_CASE("the genuine request is accepted (the attacks below differ from it in one thing)", "[teams][auth]") {
    TeamsFixture f;
    const auto rows = f.total_rows();
    CHECK(f.post(tempting(f), signed_with(f, claims(f))).status == 200);
    CHECK(f.total_rows() > rows);
}

TEST_CASE("attacks on POST /api/messages are refused with nothing written", "[teams][auth]") {
    TeamsFixture f;
    SECTION("no token") { refused(f, ""); }
    SECTION("wrong scheme") { refused(f, "Basic " + f.idp.mint(claims(f))); }
    SECTION("lower-case scheme") { refused(f, "bearer " + f.idp.mint(claims(f))); }
    SECTION("expired") {
        auto c = claims(f);
        c["nbf"] = (f.clock.now() - hours(3)).time_since_epoch().count();
        c["exp"] = (f.clock.now() - hours(1)).time_since_epoch().count();
        refused(f, signed_with(f, c));
    }
    SECTION("not yet valid") {
        auto c = claims(f);
        c["nbf"] = (f.clock.now() + hours(1)).time_since_epoch().count();
        c["exp"] = (f.clock.now() + hours(2)).time_since_epoch().count();
        refused(f, signed_with(f, c));
    }
    SECTION("wrong audience") {
        auto c = claims(f);
        c["aud"] = "11111111-2222-3333-4444-555555555555";
        refused(f, signed_with(f, c));
    }
    SECTION("wrong issuer") {
        auto c = claims(f);
        c["iss"] = "https://evil.example";
        refused(f, signed_with(f, c));
    }
    SECTION("unknown kid") {
        refused(f, bearer(testing::mint(claims(f), MintOptions{"RS256", "key-unknown", RsaTestKey::pooled(1), {}, {}})));
    }
    SECTION("tampered payload") {
        const std::string genuine = f.idp.mint(claims(f));
        auto c = claims(f);
        c["aud"] = f.config.teams.app_id;
        c["serviceurl"] = f.connector.service_url();
        c["exp"] = (f.clock.now() + hours(24)).time_since_epoch().count();
        refused(f, bearer(testing::with_payload(genuine, json::serialize(c))));
    }
    SECTION("alg none") {
        refused(f, bearer(testing::mint(claims(f), MintOptions{"none", FakeIdentity::default_kid, nullptr, {}, {}})));
    }
    SECTION("HS256 signed with the public key") {
        const auto key = f.idp.key(FakeIdentity::default_kid);
        REQUIRE(key);
        refused(f, bearer(testing::mint(claims(f), MintOptions{"HS256", FakeIdentity::default_kid, nullptr,
                                                               key->public_pem(), {}})));
    }
    SECTION("missing endorsement") {
        f.idp.set_keys({{FakeIdentity::default_kid, RsaTestKey::pooled(0), {"skype"}}});
        refused(f, signed_with(f, claims(f)), 403);
    }
    SECTION("serviceUrl mismatch") {
        auto c = claims(f);
        c["serviceurl"] = "https://smba.evil.example/amer/";
        refused(f, signed_with(f, c));
    }
}

TEST_CASE("a malformed body from an authentic sender is a 400 with nothing written", "[teams][auth]") {
    TeamsFixture f;
    const auto rows = f.total_rows();
    json::object not_activity{{"serviceUrl", f.connector.service_url()}, {"channelId", "msteams"}};
    CHECK(f.post(not_activity).status == 400);
    CHECK(f.total_rows() == rows);
}

TEST_CASE("key rotation: a new kid is fetched once, then served from the cache", "[teams][auth]") {
    TeamsFixture f;
    REQUIRE(f.post(f.text("29:u1", "me")).status == 200);
    const int fetched = f.idp.jwks_requests();
    CHECK(fetched >= 1);
    f.idp.add_key({"key-2", RsaTestKey::pooled(1), {"msteams"}});
    f.clock.advance(hours(2));  // an unknown kid refreshes at once when the last refresh is over an hour old
    const auto with_new_key = [&] {
        return f.post(f.text("29:u1", "me"),
                      f.idp.authorization(f.config.teams.app_id, f.connector.service_url(), f.clock.now(), "key-2"));
    };
    CHECK(with_new_key().status == 200);
    CHECK(f.idp.jwks_requests() == fetched + 1);
    CHECK(with_new_key().status == 200);
    CHECK(with_new_key().status == 200);
    CHECK(f.idp.jwks_requests() == fetched + 1);
}
