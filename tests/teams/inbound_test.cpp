// Inbound activities over HTTP, one behaviour each: team installs and removals, serviceUrl changes, channel replies
// in their thread, Teams' lack of ephemeral messages, and malformed or foreign activities.
#include <catch2/catch.hpp>

#include "storage/conversation_refs.hpp"
#include "tests/teams/teams_fixture.hpp"

using namespace advocacy;
using namespace advocacy::teams_test;

namespace {

json::object team_update(TeamsFixture& f, const char* members_key) {
    auto a = f.activity("conversationUpdate", "29:installer", kChannel, "channel");
    a[members_key] = json::array{json::object{{"id", f.bot_id()}}};
    a["channelData"].as_object()["team"] = json::object{{"id", "19:team@thread.tacv2"}};
    a["channelData"].as_object()["eventType"] = std::string(members_key) == "membersAdded" ? "teamMemberAdded" : "teamMemberRemoved";
    return a;
}

}  // namespace

TEST_CASE("the bot added to a team stores the channel; removed, the leaderboard post is given up", "[teams][inbound]") {
    TeamsFixture f;
    REQUIRE(f.post(team_update(f, "membersAdded")).status == 200);
    storage::ConversationRefs refs(*f.db);
    const auto channel = refs.find(kTenant, kChannel);
    REQUIRE(channel);
    CHECK(channel->kind == "channel");
    CHECK(channel->alive);
    f.adapter->drain(seconds(10));
    CHECK(f.connector.calls().empty());  // nothing posted in the channel on install

    REQUIRE(f.post(team_update(f, "membersRemoved")).status == 200);
    CHECK_FALSE(refs.find(kTenant, kChannel)->alive);
    const SendResult r = f.outbox->send(Conversation{Platform::teams, kTenant, kChannel, false}, Message{});
    CHECK_FALSE(r.ok);
    CHECK(r.permanent);
    CHECK(f.connector.calls().empty());
}

TEST_CASE("every activity refreshes the stored serviceUrl", "[teams][inbound]") {
    TeamsFixture f;
    REQUIRE(f.post(f.text("29:u1", "tips")).status == 200);
    auto moved = f.text("29:u1", "tips");
    const std::string new_url = "http://127.0.0.1:" + std::to_string(f.connector_port()) + "/amer/moved/";
    moved["serviceUrl"] = new_url;
    REQUIRE(f.post(moved).status == 200);
    CHECK(storage::ConversationRefs(*f.db).find(kTenant, "29:u1")->service_url == new_url);
}

TEST_CASE("a command in a channel is answered in its thread; private answers go to the 1:1 chat", "[teams][inbound]") {
    TeamsFixture f;
    REQUIRE(f.post(f.text("29:u1", "tips")).status == 200);  // first contact, in the 1:1 chat
    f.adapter->drain(seconds(10));
    const auto known = f.connector.calls("send").size();

    auto in_channel = f.channel_text("29:u1", "tips");
    const std::string thread = std::string(in_channel.at("conversation").at("id").as_string());
    REQUIRE(f.post(in_channel).status == 200);
    f.adapter->drain(seconds(10));
    auto sends = f.connector.calls("send");
    REQUIRE(sends.size() == known + 1);
    CHECK(sends.back().conversation_id == thread);

    // An admin-only command refused to an employee is a private answer: not in the channel.
    REQUIRE(f.post(f.channel_text("29:u1", "campaign list")).status == 200);
    f.adapter->drain(seconds(10));
    sends = f.connector.calls("send");
    REQUIRE(sends.size() == known + 2);
    CHECK(sends.back().conversation_id == TeamsFixture::chat_of("29:u1"));
    CHECK(f.connector.calls("create_conversation").empty());  // the stored 1:1 chat
}

TEST_CASE("malformed and foreign activities: 400 or ignored, nothing written", "[teams][inbound]") {
    TeamsFixture f;
    const auto rows = f.total_rows();
    auto anonymous = f.text("29:u1", "me");
    anonymous.erase("from");
    CHECK(f.post(anonymous).status == 400);
    auto foreign = f.submit("29:u1", "x", "y", "1:1");
    foreign["value"] = json::object{{"someOtherBot", "click"}};
    CHECK(f.post(foreign).status == 200);
    auto foreign_invoke = f.execute("29:u1", "advocacy_shared", "1", "1:1");
    foreign_invoke["value"] = json::object{{"action", {{"type", "Action.Execute"}, {"verb", "x"}, {"data", json::object{}}}}};
    CHECK(f.post(foreign_invoke).status == 400);
    f.adapter->drain(seconds(10));
    CHECK(f.connector.calls().empty());
    // The foreign card's activity is still a sign of life: only its conversation reference is stored.
    CHECK(f.total_rows() == rows + 1);
    CHECK(f.scalar("SELECT count(*) FROM users") == 0);
}

TEST_CASE("a 403 on a reply marks the user's chat dead", "[teams][inbound]") {
    TeamsFixture f;
    f.connector.block_conversation(TeamsFixture::chat_of("29:u1"));
    REQUIRE(f.post(f.text("29:u1", "tips")).status == 200);
    f.adapter->drain(seconds(10));
    REQUIRE_FALSE(f.connector.calls("send").empty());
    for (const auto& c : f.connector.calls("send")) CHECK(c.status == 403);
    CHECK_FALSE(storage::ConversationRefs(*f.db).find(kTenant, "29:u1")->alive);
}
