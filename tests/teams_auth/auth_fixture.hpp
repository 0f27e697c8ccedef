#pragma once
// Shared setup of the authentication tests: a fake identity provider on loopback, a manual clock, a real HTTP
// client (one attempt per call, so request counts are exact and 500s answer at once), the key cache and validator.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "adapters/teams/auth/openid_keys.hpp"
#include "adapters/teams/auth/token_validator.hpp"
#include "bot/clock.hpp"
#include "bot/net/http_client.hpp"
#include "tests/net/client_harness.hpp"
#include "tests/teams_support/fake_identity.hpp"

namespace advocacy::testing {

inline net::ClientOptions single_attempt_client() {
    auto options = fast_client_options();
    options.retry.max_attempts = 1;
    return options;
}

inline std::chrono::sys_seconds test_start() {
    using namespace std::chrono;
    return sys_days{year{2026} / March / 2} + hours(9);
}

inline teams::ValidatorOptions validator_options(std::string issuer, std::string app_id) {
    teams::ValidatorOptions options;
    options.issuer = std::move(issuer);
    options.app_id = std::move(app_id);
    return options;
}

struct IdentityFixture {
    FakeIdentity idp;
    ManualClock clock{test_start()};
    net::HttpClient http{single_attempt_client()};
};

struct AuthFixture : IdentityFixture {
    static constexpr const char* app_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static constexpr const char* service_url = "https://smba.trafficmanager.net/emea/";

    teams::OpenIdKeys keys{http, idp.metadata_url(), clock};
    teams::TokenValidator validator{keys, validator_options(idp.issuer(), app_id), clock};

    std::optional<teams::AuthError> check(std::string_view authorization, std::string_view channel = "msteams") {
        return validator.validate(authorization, channel, service_url);
    }
    boost::json::object claims() const { return connector_claims(app_id, service_url, clock.now()); }
    std::string bearer(const boost::json::object& claims, std::string_view kid = FakeIdentity::default_kid) const {
        return "Bearer " + idp.mint(claims, kid);
    }
    std::string valid_bearer() const { return idp.authorization(app_id, service_url, clock.now()); }
};

// The validator refused with `reason` and the matching HTTP status, and said why without echoing the token.
inline void require_refused(const std::optional<teams::AuthError>& result, teams::AuthFailure reason,
                            std::string_view authorization = {}) {
    REQUIRE(result.has_value());
    CHECK(teams::to_string(result->reason) == teams::to_string(reason));
    CHECK(result->http_status() == (reason == teams::AuthFailure::endorsement_missing ? 403 : 401));
    CHECK_FALSE(result->detail.empty());
    const auto space = authorization.find(' ');
    const auto token = space == std::string_view::npos ? authorization : authorization.substr(space + 1);
    if (token.size() > 8) CHECK(result->detail.find(token.substr(0, 8)) == std::string::npos);
}

}  // namespace advocacy::testing
