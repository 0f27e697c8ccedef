// OpenIdKeys against the fake identity provider: caching, rotation, the 24 h refresh, the rate limit on unknown
// kids, and the last good key set surviving an endpoint that fails or answers garbage.
#include "tests/teams_auth/auth_fixture.hpp"

#include <thread>

using namespace advocacy;
using namespace advocacy::testing;
using namespace std::chrono_literals;

TEST_CASE_METHOD(AuthFixture, "the first lookup fetches metadata then JWKS; later lookups use the cache") {
    const auto key = keys.find(FakeIdentity::default_kid);
    REQUIRE(key);
    CHECK(key->kid == FakeIdentity::default_kid);
    CHECK(key->endorsements == std::vector<std::string>{"msteams"});
    CHECK(key->public_key);
    CHECK(keys.issuer() == FakeIdentity::default_issuer);
    CHECK(keys.find(FakeIdentity::default_kid) == key);
    CHECK(idp.metadata_requests() == 1);
    CHECK(idp.jwks_requests() == 1);
    CHECK(keys.refresh_count() == 1);
    CHECK(keys.failure_count() == 0);
}

TEST_CASE_METHOD(AuthFixture, "a rotated-in kid is fetched once, as soon as the last refresh is an hour old") {
    REQUIRE(keys.find(FakeIdentity::default_kid));
    idp.add_key({"key-2", RsaTestKey::pooled(1), {"msteams"}});

    clock.advance(59min);
    CHECK_FALSE(keys.find("key-2"));  // rate-limited: the last refresh is too recent
    CHECK(idp.jwks_requests() == 1);

    clock.advance(1min);
    const auto rotated = keys.find("key-2");
    REQUIRE(rotated);
    CHECK(idp.jwks_requests() == 2);
    CHECK(keys.find("key-2") == rotated);  // second use: no refetch
    CHECK(keys.find(FakeIdentity::default_kid));
    CHECK(idp.jwks_requests() == 2);
    CHECK(keys.refresh_count() == 2);
}

TEST_CASE_METHOD(AuthFixture, "a flood of unknown kids refetches at most once per hour") {
    REQUIRE(keys.find(FakeIdentity::default_kid));
    clock.advance(2h);
    for (int i = 0; i < 50; ++i) CHECK_FALSE(keys.find("spray-" + std::to_string(i)));
    CHECK(idp.jwks_requests() == 2);
    clock.advance(30min);
    for (int i = 0; i < 50; ++i) CHECK_FALSE(keys.find("spray-again-" + std::to_string(i)));
    CHECK(idp.jwks_requests() == 2);
    clock.advance(30min);
    CHECK_FALSE(keys.find("one-more"));
    CHECK(idp.jwks_requests() == 3);
    CHECK(keys.find(FakeIdentity::default_kid));  // the real key is still served
}

TEST_CASE_METHOD(AuthFixture, "concurrent lookups of an unknown kid share one refresh") {
    REQUIRE(keys.find(FakeIdentity::default_kid));
    idp.add_key({"key-2", RsaTestKey::pooled(1), {"msteams"}});
    clock.advance(2h);
    std::vector<std::thread> threads;
    std::atomic<int> found{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            if (keys.find("key-2")) ++found;
        });
    }
    for (auto& t : threads) t.join();
    CHECK(found == 8);
    CHECK(idp.jwks_requests() == 2);
}

TEST_CASE_METHOD(AuthFixture, "the key set is refreshed once it is 24 hours old, dropping removed keys") {
    REQUIRE(keys.find(FakeIdentity::default_kid));
    idp.set_keys({{"key-2", RsaTestKey::pooled(1), {"msteams"}}});
    clock.advance(24h - 1s);
    CHECK(keys.find(FakeIdentity::default_kid));
    CHECK(idp.jwks_requests() == 1);
    clock.advance(1s);
    CHECK_FALSE(keys.find(FakeIdentity::default_kid));  // refreshed: the old key is gone
    CHECK(keys.find("key-2"));
    CHECK(idp.jwks_requests() == 2);
    CHECK(keys.refresh_count() == 2);
}

TEST_CASE_METHOD(AuthFixture, "a failing or garbled endpoint leaves the last good key set in use") {
    REQUIRE(keys.find(FakeIdentity::default_kid));
    const auto outage = GENERATE(FakeOutage::server_error, FakeOutage::garbage, FakeOutage::wrong_shape);
    const bool metadata_fails = GENERATE(true, false);
    CAPTURE(static_cast<int>(outage), metadata_fails);
    if (metadata_fails) {
        idp.set_metadata_outage(outage);
    } else {
        idp.set_jwks_outage(outage);
    }
    idp.set_keys({{"key-2", RsaTestKey::pooled(1), {"msteams"}}});  // what a working endpoint would serve now

    clock.advance(25h);
    CHECK(keys.find(FakeIdentity::default_kid));  // stale, refresh failed: still served
    CHECK(keys.failure_count() == 1);
    CHECK(keys.refresh_count() == 1);
    CHECK_FALSE(keys.refresh());
    CHECK(keys.failure_count() == 2);
    CHECK(keys.issuer() == FakeIdentity::default_issuer);

    // The failing endpoint is not hit on every request...
    const int metadata_before = idp.metadata_requests();
    clock.advance(30min);
    CHECK(keys.find(FakeIdentity::default_kid));
    CHECK(idp.metadata_requests() == metadata_before);
    // ...and once it recovers, the next due refresh picks up the new set.
    idp.set_metadata_outage(FakeOutage::none);
    idp.set_jwks_outage(FakeOutage::none);
    clock.advance(31min);
    CHECK(keys.find("key-2"));
    CHECK(keys.refresh_count() == 2);
}

TEST_CASE_METHOD(AuthFixture, "a JWKS without a usable key does not replace the good set") {
    REQUIRE(keys.find(FakeIdentity::default_kid));
    idp.set_keys({});
    CHECK_FALSE(keys.refresh());
    CHECK(keys.find(FakeIdentity::default_kid));
}

TEST_CASE_METHOD(AuthFixture, "without any key set yet, a failing endpoint yields no key and is retried later") {
    idp.set_metadata_outage(FakeOutage::server_error);
    CHECK_FALSE(keys.find(FakeIdentity::default_kid));
    CHECK(keys.failure_count() == 1);
    CHECK(keys.issuer().empty());
    idp.set_metadata_outage(FakeOutage::none);
    clock.advance(1h);
    CHECK(keys.find(FakeIdentity::default_kid));
}

TEST_CASE("an unreachable metadata endpoint is a failure, not a crash") {
    ManualClock clock(test_start());
    net::HttpClient http(single_attempt_client());
    std::string url;
    {
        FakeIdentity gone;
        url = gone.metadata_url();
    }  // the port is closed now
    teams::OpenIdKeys keys(http, url, clock);
    CHECK_FALSE(keys.refresh());
    CHECK_FALSE(keys.find("any"));
    CHECK(keys.failure_count() == 1);  // the lookup right after a failure does not retry
    clock.advance(1h);
    CHECK_FALSE(keys.find("any"));
    CHECK(keys.failure_count() == 2);
}
