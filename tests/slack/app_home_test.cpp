// The App Home tab: published on opening, its settings buttons act as the user's own commands.
#include <catch2/catch.hpp>

#include "adapters/slack/app_home.hpp"
#include "tests/slack/slack_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

TEST_CASE("opening the Home tab publishes the user's page, its buttons change their settings") {
    SlackFixture f;
    REQUIRE(f.event("EvH1", json::object{{"type", "app_home_opened"}, {"user", "U1"}, {"channel", "DU1"},
                                         {"tab", "home"}, {"event_ts", "1700000000.1"}}).status == 200);
    REQUIRE(f.fake.wait_for_count("views.publish", 1));
    const auto published = f.fake.calls("views.publish").at(0);
    CHECK(published.args.at("user_id").as_string() == "U1");
    CHECK(published.args.at("view").at("type").as_string() == "home");
    const std::string page = text_of(published);
    CHECK(page.find("advocacy_command_optout") != std::string::npos);
    CHECK(page.find("advocacy_command_pause") != std::string::npos);

    // "Hide me from the leaderboard", clicked on the Home tab (a view: no channel, no message, no response_url).
    const json::object click{
        {"type", "block_actions"},
        {"user", {{"id", "U1"}, {"name", "name-U1"}, {"team_id", kTeam}}},
        {"team", {{"id", kTeam}, {"domain", "acme"}}},
        {"api_app_id", "A1"},
        {"container", {{"type", "view"}, {"view_id", "V1"}}},
        {"view", {{"id", "V1"}, {"type", "home"}}},
        {"trigger_id", "1.2.3"},
        {"actions", json::array{json::object{{"action_id", "advocacy_command_optout"}, {"block_id", "b"},
                                             {"value", "optout"}, {"type", "button"}}}}};
    REQUIRE(f.interaction(click).status == 200);
    CHECK(f.scalar("SELECT leaderboard_opt_out FROM users WHERE platform_user_id = 'U1'") == 1);
    CHECK(f.scalar("SELECT count(*) FROM user_channels") == 0);
    REQUIRE(f.fake.wait_for_count("views.publish", 2));  // the page is refreshed
    REQUIRE(f.fake.wait_for([](const auto& calls) {      // and the answer lands in the DM
        for (const auto& c : calls)
            if (c.method == "chat.postMessage" && c.status == 200 && c.args.at("channel").as_string() == "DU1" &&
                text_of(c).find("leaderboard") != std::string::npos)
                return true;
        return false;
    }));
    REQUIRE(f.adapter->drain(seconds(10)));
}

TEST_CASE("the Home page is within Slack's limits and bilingual") {
    Reply me;
    Message m;
    m.blocks.push_back(HeaderBlock{"You"});
    me.messages.push_back(m);
    const auto en = slack::home_view(me, "en");
    const auto fr = slack::home_view(me, "fr");
    CHECK(en.at("type").as_string() == "home");
    CHECK(en.at("blocks").as_array().size() <= 50);
    CHECK(json::serialize(fr).find("classement") != std::string::npos);
    CHECK(json::serialize(en).find("leaderboard") != std::string::npos);
}
