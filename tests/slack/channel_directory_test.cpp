// SlackChannelDirectory on its own, against the fake Slack: name -> id (cached), members without the bot, and every
// failure as nullopt.
#include <catch2/catch.hpp>

#include "tests/slack/slack_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

TEST_CASE("the Slack channel directory resolves a name once, lists members without the bot, and fails softly") {
    SlackFixture f;
    f.fake.set_channels({{"C1", "general", {"U1", "UBOT", "U2"}}, {"C2", "News", {"U3"}, true}}, 1);
    slack::SlackChannelDirectory directory(*f.api, 500);
    directory.identify_from(f.api->call("auth.test", {}));  // the fake says the bot is UBOT in T1

    CHECK(directory.channel_members(kTeam, "general") == std::vector<std::string>{"U1", "U2"});
    CHECK(f.fake.calls("conversations.list").size() == 2);   // two channels, one per page
    CHECK(f.fake.calls("conversations.members").size() == 3);
    CHECK(f.fake.calls("conversations.members")[0].args.at("limit").as_string() == "500");
    // Cached: the second ask goes straight to conversations.members. Names are matched in any case, '#' optional,
    // and a channel id is accepted too.
    CHECK(directory.channel_members(kTeam, "#GENERAL") == std::vector<std::string>{"U1", "U2"});
    CHECK(directory.channel_members(kTeam, "news") == std::vector<std::string>{"U3"});
    CHECK(directory.channel_members(kTeam, "C2") == std::vector<std::string>{"U3"});
    CHECK(f.fake.calls("conversations.list").size() == 2);

    // Another team's workspace is not asked with this token.
    CHECK_FALSE(directory.channel_members("T9", "general").has_value());
    // No such channel: the list is read again (it may be new), then nullopt.
    CHECK_FALSE(directory.channel_members(kTeam, "nowhere").has_value());
    CHECK(f.fake.calls("conversations.list").size() == 4);
    // Slack errors are nullopt.
    f.fake.script("conversations.members", {testing::FakeSlack::error("missing_scope")});
    CHECK_FALSE(directory.channel_members(kTeam, "general").has_value());
    f.fake.script("conversations.list", {testing::FakeSlack::error("missing_scope")});
    CHECK_FALSE(directory.channel_members(kTeam, "other").has_value());
    // A channel gone (channel_not_found) is resolved again next time: renamed, it is found under its new name only.
    f.fake.set_channels({{"C7", "general", {"U4"}}}, 10);
    CHECK_FALSE(directory.channel_members(kTeam, "general").has_value());
    CHECK(directory.channel_members(kTeam, "general") == std::vector<std::string>{"U4"});
}
