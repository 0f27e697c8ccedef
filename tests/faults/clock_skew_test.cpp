// Clock skew between the platforms and the bot (issue 8, "Clock"), through the real HTTP routes: both platforms
// allow 5 minutes either way, so a sender 4 minutes off is served and one 6 minutes off is refused with 401,
// whichever side is ahead, and a refused request writes nothing.
#include <catch2/catch.hpp>

#include "tests/slack/slack_fixture.hpp"
#include "tests/teams/teams_fixture.hpp"

using namespace advocacy;
using namespace std::chrono;

TEST_CASE("clock skew: Slack request timestamps 4 minutes off are accepted, 6 minutes off rejected") {
    slack_test::SlackFixture f;
    const std::string body =
        slack_test::form_body(f.command_fields("USKEW", "help", "C0GENERAL"));
    const auto now = f.clock.now().time_since_epoch().count();
    for (const minutes skew : {minutes{-4}, minutes{4}}) {
        INFO("skew " << skew.count() << " min");
        const auto r = f.post("application/x-www-form-urlencoded", body, {}, true, now + seconds{skew}.count());
        CHECK(r.status == 200);
    }
    const auto rows = f.total_rows();
    for (const minutes skew : {minutes{-6}, minutes{6}}) {
        INFO("skew " << skew.count() << " min");
        const auto r = f.post("application/x-www-form-urlencoded", body, {}, true, now + seconds{skew}.count());
        CHECK(r.status == 401);
    }
    CHECK(f.total_rows() == rows);
}

TEST_CASE("clock skew: Teams tokens within 4 minutes of nbf/exp are accepted, 6 minutes past rejected") {
    teams_test::TeamsFixture f;
    const auto now = f.clock.now();
    auto token = [&](const std::string& service_url, sys_seconds nbf, sys_seconds exp) {
        auto claims = testing::connector_claims(f.config.teams.app_id, service_url, now, f.idp.issuer());
        claims["nbf"] = nbf.time_since_epoch().count();
        claims["exp"] = exp.time_since_epoch().count();
        return "Bearer " + f.idp.mint(claims);
    };
    struct Case {
        const char* what;
        minutes nbf_offset;  // from the bot's now
        minutes exp_offset;
        int status;
    };
    const Case cases[] = {
        {"issued by a clock 4 min ahead (nbf = now + 4 min)", minutes{4}, minutes{64}, 200},
        {"expired 4 min ago by the bot's clock", minutes{-64}, minutes{-4}, 200},
        {"issued by a clock 6 min ahead (nbf = now + 6 min)", minutes{6}, minutes{66}, 401},
        {"expired 6 min ago by the bot's clock", minutes{-66}, minutes{-6}, 401},
    };
    int n = 0;
    for (const auto& c : cases) {
        INFO(c.what);
        const std::string user = "29:skew-" + std::to_string(++n);
        auto activity = f.text(user, "help");
        const std::string service_url(activity["serviceUrl"].as_string());
        const auto rows = f.total_rows();
        const auto r = f.post(activity, token(service_url, now + c.nbf_offset, now + c.exp_offset));
        CHECK(r.status == c.status);
        if (c.status == 401) CHECK(f.total_rows() == rows);
        if (c.status == 200) CHECK(f.total_rows() > rows);  // served: the user was recorded
    }
}
