// The Outbox on its own: DMs opened once per user, channel posts straight to the channel, failures reported.
#include <catch2/catch.hpp>

#include "tests/slack/employee_flow.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

namespace {
Message hello() {
    Message m;
    m.fallback_text = "Weekly board";
    m.blocks.push_back(HeaderBlock{"Weekly board"});
    return m;
}
}  // namespace

TEST_CASE("a user id opens the DM once, a channel id is posted to directly, the reference is <channel>:<ts>") {
    SlackFixture f;
    const auto a = f.outbox->send(Conversation{Platform::slack, kTeam, "U42", true}, hello());
    REQUIRE(a.ok);
    CHECK(a.platform_ref.starts_with("DU42:"));
    const auto b = f.outbox->send(Conversation{Platform::slack, kTeam, "U42", true}, hello());
    REQUIRE(b.ok);
    CHECK(b.platform_ref != a.platform_ref);
    CHECK(f.fake.calls("conversations.open").size() == 1);  // remembered

    const auto board = f.outbox->send(Conversation{Platform::slack, kTeam, "C0LEADERS", false}, hello());
    REQUIRE(board.ok);
    CHECK(board.platform_ref.starts_with("C0LEADERS:"));
    CHECK(f.fake.calls("conversations.open").size() == 1);
    const auto post = f.fake.calls("chat.postMessage").back();
    CHECK(post.args.at("channel").as_string() == "C0LEADERS");
    CHECK(post.args.at("text").as_string() == "Weekly board");
    CHECK(post.args.at("unfurl_links").as_bool() == false);

    const auto updated = f.outbox->update(*slack::parse_message_ref(board.platform_ref), hello());
    CHECK(updated.ok);
    CHECK(f.fake.calls("chat.update").back().args.at("channel").as_string() == "C0LEADERS");
}

TEST_CASE("permanent Slack errors are reported as such, other platforms are refused") {
    SlackFixture f;
    f.fake.script("chat.postMessage", {testing::FakeSlack::error("not_in_channel"), testing::FakeSlack::error("fatal_error")});
    auto r = f.outbox->send(Conversation{Platform::slack, kTeam, "C0LEADERS", false}, hello());
    CHECK(!r.ok);
    CHECK(r.error == "not_in_channel");
    CHECK(r.permanent);
    r = f.outbox->send(Conversation{Platform::slack, kTeam, "C0LEADERS", false}, hello());
    CHECK(!r.ok);
    CHECK(r.error == "fatal_error");
    CHECK_FALSE(r.permanent);
    f.fake.script("conversations.open", {testing::FakeSlack::error("account_inactive")});
    r = f.outbox->send(Conversation{Platform::slack, kTeam, "U9", true}, hello());
    CHECK(r.error == "account_inactive");
    CHECK(r.permanent);
    r = f.outbox->send(Conversation{Platform::teams, "tenant", "19:abc", true}, hello());
    CHECK(!r.ok);
    CHECK(f.fake.calls("chat.postMessage").size() == 2);
}

TEST_CASE("leaderboard post: the board goes to the leaderboard channel, the admin gets a private confirmation") {
    SlackFixture f;
    check_leaderboard_post(f);
}
