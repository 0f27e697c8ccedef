// BotTokenProvider against the fake token endpoint: the client-credentials request, caching and early refresh on a
// manual clock, one fetch at a time, and errors that say what went wrong without the secret.
#include "tests/teams_auth/auth_fixture.hpp"

#include "adapters/teams/auth/bot_token.hpp"
#include "tests/teams_auth/stderr_capture.hpp"

#include <atomic>
#include <thread>

using namespace advocacy;
using namespace advocacy::testing;
using namespace std::chrono_literals;

namespace {

struct TokenFixture : IdentityFixture {
    teams::BotTokenProvider provider{http, options(), clock};

    teams::BotTokenOptions options(std::string tenant = "botframework.com") const {
        teams::BotTokenOptions o;
        o.token_url = idp.token_url(tenant);
        o.app_id = FakeIdentity::default_app_id;
        o.app_password = FakeIdentity::default_app_password;
        return o;
    }
};

}  // namespace

TEST_CASE_METHOD(TokenFixture, "the token is obtained with an OAuth2 client-credentials form post") {
    const auto result = provider.token();
    REQUIRE(result.token);
    CHECK(*result.token == "fake-access-token-1");
    CHECK(result.error.empty());
    CHECK_FALSE(result.permanent);

    const auto requests = idp.token_requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].tenant == "botframework.com");
    CHECK(requests[0].content_type == "application/x-www-form-urlencoded");
    CHECK(requests[0].form == std::map<std::string, std::string>{{"grant_type", "client_credentials"},
                                                                  {"client_id", FakeIdentity::default_app_id},
                                                                  {"client_secret", FakeIdentity::default_app_password},
                                                                  {"scope", "https://api.botframework.com/.default"}});
    const auto raw = idp.server().requests().back().body;
    CHECK(raw.find("scope=https%3A%2F%2Fapi.botframework.com%2F.default") != std::string::npos);
}

TEST_CASE_METHOD(IdentityFixture, "a secret with form metacharacters arrives intact, at the tenant's URL") {
    const std::string secret = "a&b=c+d e%f~Q8";
    idp.set_client("my-app", secret);
    teams::BotTokenOptions o;
    o.token_url = idp.token_url("11111111-2222-3333-4444-555555555555");
    o.app_id = "my-app";
    o.app_password = secret;
    teams::BotTokenProvider provider(http, o, clock);
    CHECK(provider.token().token);
    REQUIRE(idp.token_requests().size() == 1);
    CHECK(idp.token_requests()[0].tenant == "11111111-2222-3333-4444-555555555555");
    CHECK(idp.token_requests()[0].form.at("client_secret") == secret);
}

TEST_CASE_METHOD(TokenFixture, "the token is cached and refreshed 5 minutes before it expires") {
    idp.set_expires_in(3600s);
    CHECK(provider.token().token == "fake-access-token-1");
    clock.advance(3600s - 301s);
    CHECK(provider.token().token == "fake-access-token-1");
    CHECK(provider.fetch_count() == 1);
    clock.advance(1s);  // 300 s left: time to refresh
    CHECK(provider.token().token == "fake-access-token-2");
    CHECK(provider.fetch_count() == 2);
    CHECK(provider.token().token == "fake-access-token-2");
    CHECK(idp.token_requests().size() == 2);
}

TEST_CASE_METHOD(TokenFixture, "while the early refresh fails, the unexpired token is still used") {
    CHECK(provider.token().token == "fake-access-token-1");
    idp.set_token_outage(FakeOutage::server_error);
    clock.advance(3600s - 100s);
    CHECK(provider.token().token == "fake-access-token-1");
    CHECK(provider.fetch_count() == 2);
    clock.advance(100s);  // expired now
    const auto result = provider.token();
    CHECK_FALSE(result.token);
    CHECK(result.error.find("HTTP 500") != std::string::npos);
}

TEST_CASE_METHOD(TokenFixture, "invalidate() forgets the cached token") {
    CHECK(provider.token().token == "fake-access-token-1");
    provider.invalidate();
    CHECK(provider.token().token == "fake-access-token-2");
    CHECK(provider.fetch_count() == 2);
}

TEST_CASE_METHOD(TokenFixture, "concurrent callers share one fetch") {
    std::vector<std::thread> threads;
    std::atomic<int> same{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            if (provider.token().token == std::optional<std::string>("fake-access-token-1")) ++same;
        });
    }
    for (auto& t : threads) t.join();
    CHECK(same == 8);
    CHECK(provider.fetch_count() == 1);
    CHECK(idp.token_requests().size() == 1);
}

TEST_CASE_METHOD(IdentityFixture, "wrong credentials are a permanent error that never shows the secret") {
    teams::BotTokenOptions o;
    o.token_url = idp.token_url();
    o.app_id = FakeIdentity::default_app_id;
    o.app_password = "wrong-secret-XYZ123";
    std::string expected;
    SECTION("wrong secret: 401 invalid_client (the server echoes the secret in error_description)") {
        expected = "HTTP 401 invalid_client";
    }
    SECTION("unknown app id: 400 unauthorized_client") {
        o.app_id = "not-registered";
        expected = "HTTP 400 unauthorized_client";
    }
    SECTION("forced 400 invalid_client") {
        o.app_password = FakeIdentity::default_app_password;
        idp.set_token_error(FakeTokenError{400, "invalid_client"});
        expected = "HTTP 400 invalid_client";
    }
    teams::BotTokenProvider provider(http, o, clock);
    StderrCapture logs;
    const auto result = provider.token();
    const std::string logged = logs.finish();
    CHECK_FALSE(result.token);
    CHECK(result.permanent);
    CHECK(result.error.find(expected) != std::string::npos);
    CHECK(result.error.find(o.app_password) == std::string::npos);
    CHECK(logged.find("bot token not obtained") != std::string::npos);  // the capture works...
    CHECK(logged.find(o.app_password) == std::string::npos);           // ...and the secret is not in it
}

TEST_CASE_METHOD(TokenFixture, "transient failures are not permanent and are retried on the next call") {
    SECTION("500") {
        idp.set_token_outage(FakeOutage::server_error);
    }
    SECTION("not JSON") {
        idp.set_token_outage(FakeOutage::garbage);
    }
    SECTION("JSON without a token") {
        idp.set_token_outage(FakeOutage::wrong_shape);
    }
    SECTION("another OAuth error") {
        idp.set_token_error(FakeTokenError{400, "invalid_scope"});
    }
    SECTION("a 401 whose error is not a client error") {
        idp.set_token_error(FakeTokenError{401, "temporarily_unavailable"});
    }
    const auto failed = provider.token();
    CHECK_FALSE(failed.token);
    CHECK_FALSE(failed.permanent);
    CHECK_FALSE(failed.error.empty());
    CHECK(failed.error.find(FakeIdentity::default_app_password) == std::string::npos);

    idp.set_token_outage(FakeOutage::none);
    idp.set_token_error(std::nullopt);
    CHECK(provider.token().token == "fake-access-token-1");
    CHECK(provider.fetch_count() == 2);
}

TEST_CASE_METHOD(TokenFixture, "token responses are read tolerantly but never guessed") {
    std::string body;
    idp.server().route("/botframework.com/oauth2/v2.0/token",
                       [&](const FakeRequest&, int) { return FakeReply{200, {}, body, {}, false}; });
    const auto accepted = [&](std::string reply) {
        body = std::move(reply);
        provider.invalidate();
        return provider.token().token.has_value();
    };
    CHECK(accepted(R"({"token_type":"Bearer","expires_in":3600,"access_token":"t"})"));
    CHECK(accepted(R"({"token_type":"bearer","expires_in":"3599","access_token":"t"})"));
    CHECK(accepted(R"({"expires_in":3599.5,"access_token":"t"})"));
    CHECK_FALSE(accepted(R"({"token_type":"mac","expires_in":3600,"access_token":"t"})"));
    CHECK_FALSE(accepted(R"({"token_type":"Bearer","expires_in":0,"access_token":"t"})"));
    CHECK_FALSE(accepted(R"({"token_type":"Bearer","expires_in":-5,"access_token":"t"})"));
    CHECK_FALSE(accepted(R"({"token_type":"Bearer","expires_in":"soon","access_token":"t"})"));
    CHECK_FALSE(accepted(R"({"token_type":"Bearer","access_token":"t"})"));
    CHECK_FALSE(accepted(R"({"token_type":"Bearer","expires_in":3600,"access_token":""})"));
    CHECK_FALSE(accepted(R"({"token_type":"Bearer","expires_in":3600})"));
}

TEST_CASE_METHOD(TokenFixture, "a lifetime shorter than the refresh margin is used once, then fetched again") {
    idp.set_expires_in(200s);
    CHECK(provider.token().token == "fake-access-token-1");
    CHECK(provider.token().token == "fake-access-token-2");
    CHECK(provider.fetch_count() == 2);
}

TEST_CASE("an unreachable token endpoint is a transient error") {
    ManualClock clock(test_start());
    net::HttpClient http(single_attempt_client());
    teams::BotTokenOptions o;
    {
        FakeIdentity gone;
        o.token_url = gone.token_url();
    }
    o.app_id = "a";
    o.app_password = "secret-never-shown";
    teams::BotTokenProvider provider(http, o, clock);
    const auto result = provider.token();
    CHECK_FALSE(result.token);
    CHECK_FALSE(result.permanent);
    CHECK(result.error.find("unreachable") != std::string::npos);
    CHECK(result.error.find("secret-never-shown") == std::string::npos);
}
