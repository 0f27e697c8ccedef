// A program run on Teams, end to end over HTTP: a signed install stores the conversation reference and sends the
// onboarding card; the admin types `campaign create` and `content add` to the bot; the daily push reaches three
// people proactively (a 1:1 chat reused, or opened with POST /v3/conversations); Action.Execute "I shared it"
// records one row and answers with the updated card, a repeat records nothing; Action.Submit works too; "why"
// answers; the share reaction counts; an uninstall stops pushes.
#include <catch2/catch.hpp>

#include <set>

#include "storage/conversation_refs.hpp"
#include "tests/teams/teams_fixture.hpp"

using namespace advocacy;
using namespace advocacy::teams_test;

namespace {

// The content card sends that reached `user`'s 1:1 chat.
std::vector<testing::ConnectorCall> pushes_to(const TeamsFixture& f, const std::string& user) {
    std::vector<testing::ConnectorCall> out;
    for (const auto& c : f.connector.calls("send")) {
        if (c.status == 200 && c.conversation_id == TeamsFixture::chat_of(user) &&
            text_of(c).find("advocacy_shared") != std::string::npos) {
            out.push_back(c);
        }
    }
    return out;
}

// The activity id of the card pushed to `user`, from the delivery the engine recorded.
std::string pushed_activity(TeamsFixture& f, const std::string& user) {
    const std::string ref = f.text_scalar(
        "SELECT d.platform_ref FROM deliveries d JOIN users u ON u.id = d.user_id WHERE u.platform_user_id = '" + user +
        "' AND d.state = 'sent'");
    const auto parsed = teams::parse_activity_ref(ref);
    REQUIRE(parsed);
    CHECK(parsed->conversation_id == TeamsFixture::chat_of(user));
    return parsed->activity_id;
}

std::int64_t shares(TeamsFixture& f) { return f.scalar("SELECT count(*) FROM interactions WHERE kind = 'shared'"); }

// Admin and U1 installed the app; U2 and U3 only wrote to the bot in the team channel. Returns the content id.
std::string set_up_program(TeamsFixture& f) {
    REQUIRE(f.post(f.install(kAdmin)).status == 200);
    REQUIRE(f.post(f.install("29:u1")).status == 200);
    for (const char* u : {"29:u2", "29:u3"}) REQUIRE(f.post(f.channel_text(u, "help")).status == 200);
    REQUIRE(f.post(f.text(kAdmin, "campaign create \"Spring launch\" why=\"Our biggest release this year\"")).status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM campaigns") == 1);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    REQUIRE(f.post(f.text(kAdmin, "/advocacy content add " + campaign +
                                      " https://example.com/spring title=\"Spring is here\" why=\"Customers asked "
                                      "for it\" text=\"Proud of what we shipped!\""))
                .status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM contents") == 1);
    return std::to_string(f.scalar("SELECT id FROM contents"));
}

}  // namespace

TEST_CASE("a signed install stores the reference and sends the onboarding card once", "[teams][flow]") {
    TeamsFixture f;
    const auto r = f.post(f.install("29:u1"));
    CHECK(r.status == 200);
    const auto ref = storage::ConversationRefs(*f.db).find(kTenant, "29:u1");
    REQUIRE(ref);
    CHECK(ref->conversation_id == TeamsFixture::chat_of("29:u1"));
    CHECK(ref->service_url == f.connector.service_url());
    CHECK(ref->bot_id == f.bot_id());
    CHECK(ref->kind == "personal");
    CHECK(ref->alive);
    REQUIRE(f.connector.wait_for_count("send", 1));
    f.adapter->drain(seconds(10));
    const auto sends = f.connector.calls("send");
    REQUIRE(sends.size() == 1);
    CHECK(sends[0].conversation_id == TeamsFixture::chat_of("29:u1"));
    CHECK(text_of(sends[0]).find("welcome to the advocacy program") != std::string::npos);
    CHECK(sends[0].authorization == "Bearer " + f.idp.last_access_token());
    CHECK(f.idp.token_requests().at(0).tenant == kTenant);
    // The user's time zone and locale come from the activity.
    CHECK(f.text_scalar("SELECT time_zone FROM users WHERE platform_user_id = '29:u1'") == "Europe/Paris");

    // Teams also sends conversationUpdate for the same install: no second onboarding.
    auto update = f.activity("conversationUpdate", "29:u1", TeamsFixture::chat_of("29:u1"), "personal");
    update["membersAdded"] = json::array{json::object{{"id", f.bot_id()}}};
    CHECK(f.post(update).status == 200);
    f.adapter->drain(seconds(10));
    CHECK(f.connector.calls("send").size() == 1);
}

TEST_CASE("typed commands run the program; the daily push reaches three people; I shared it, why, repeat",
          "[teams][flow]") {
    TeamsFixture f;
    const std::string content_id = set_up_program(f);
    f.adapter->drain(seconds(10));

    REQUIRE(f.post(f.text(kAdmin, "push")).status == 200);
    f.engine->tick(*f.outbox);

    for (const char* u : {"29:u1", "29:u2", "29:u3"}) {
        INFO(u);
        REQUIRE(pushes_to(f, u).size() == 1);
        std::size_t opened = 0;
        for (const auto& c : f.connector.calls("create_conversation"))
            opened += c.body.at("members").as_array()[0].at("id") == u;
        // U1's chat is the installed one; U2 and U3 get theirs opened once (their "help" answers went there too).
        CHECK(opened == (std::string(u) == "29:u1" ? 0U : 1U));
    }
    const auto card = pushes_to(f, "29:u1").at(0).body.at("attachments").as_array()[0].at("content");
    CHECK(card.at("version") == "1.5");
    CHECK(json::serialize(card).find("Spring is here") != std::string::npos);

    // Action.Execute "I shared it": one row, the updated card in the HTTP response.
    const std::string a1 = pushed_activity(f, "29:u1");
    auto r = f.post(f.execute("29:u1", "advocacy_shared", content_id, a1));
    REQUIRE(r.status == 200);
    auto answer = r.json().as_object();
    CHECK(answer.at("statusCode") == 200);
    CHECK(answer.at("type") == "application/vnd.microsoft.card.adaptive");
    CHECK(json::serialize(answer.at("value")).find("Shared - thank you!") != std::string::npos);
    CHECK(json::serialize(answer.at("value")).find("\"verb\":\"advocacy_shared\"") == std::string::npos);
    CHECK(shares(f) == 1);

    // The same click again: nothing recorded, the card says so.
    r = f.post(f.execute("29:u1", "advocacy_shared", content_id, a1));
    REQUIRE(r.status == 200);
    CHECK(json::serialize(r.json().at("value")).find("Already recorded") != std::string::npos);
    CHECK(shares(f) == 1);

    // Action.Submit (older clients): recorded, and the card is replaced with PUT.
    const std::string a2 = pushed_activity(f, "29:u2");
    CHECK(f.post(f.submit("29:u2", "advocacy_shared", content_id, a2)).status == 200);
    CHECK(shares(f) == 2);
    REQUIRE(f.connector.wait_for_count("update", 1));
    const auto update = f.connector.calls("update").at(0);
    CHECK(update.conversation_id == TeamsFixture::chat_of("29:u2"));
    CHECK(update.activity_id == a2);

    // "why" typed to the bot answers in the chat.
    const auto before = f.connector.calls("send").size();
    CHECK(f.post(f.text("29:u3", "why")).status == 200);
    REQUIRE(f.connector.wait_for_count("send", before + 1));
    const auto why = f.connector.calls("send").back();
    CHECK(why.conversation_id == TeamsFixture::chat_of("29:u3"));
    CHECK(text_of(why).find("Customers asked for it") != std::string::npos);

    // The share reaction on U3's card counts; another reaction does not.
    const std::string a3 = pushed_activity(f, "29:u3");
    CHECK(f.post(f.reaction("29:u3", "heart", a3)).status == 200);
    CHECK(shares(f) == 2);
    CHECK(f.post(f.reaction("29:u3", "like", a3)).status == 200);
    CHECK(shares(f) == 3);

    // The leaderboard goes to the configured channel, as a card, naming no one with an @mention.
    CHECK(f.post(f.text(kAdmin, "leaderboard post")).status == 200);
    REQUIRE(f.connector.wait_for([](const std::vector<testing::ConnectorCall>& calls) {
        for (const auto& c : calls)
            if (c.operation == "send" && c.conversation_id == kChannel) return true;
        return false;
    }));
    for (const auto& c : f.connector.calls("send")) {
        if (c.conversation_id != kChannel) continue;
        CHECK(c.body.at("attachments").as_array()[0].at("contentType") == "application/vnd.microsoft.card.adaptive");
        CHECK(text_of(c).find("<at>") == std::string::npos);
    }
}

TEST_CASE("Action.Execute Why share this? answers in the response and posts the reasons", "[teams][flow]") {
    TeamsFixture f;
    const std::string content_id = set_up_program(f);
    REQUIRE(f.post(f.text(kAdmin, "push")).status == 200);
    f.engine->tick(*f.outbox);
    f.adapter->drain(seconds(10));
    const auto before = f.connector.calls("send").size();
    const auto r = f.post(f.execute("29:u1", "advocacy_why", content_id, pushed_activity(f, "29:u1")));
    REQUIRE(r.status == 200);
    CHECK(r.json().at("type") == "application/vnd.microsoft.activity.message");
    REQUIRE(f.connector.wait_for_count("send", before + 1));
    CHECK(text_of(f.connector.calls("send").back()).find("Customers asked for it") != std::string::npos);
    CHECK(shares(f) == 0);
}

TEST_CASE("an uninstall marks the reference dead and the next push is given up without a call", "[teams][flow]") {
    TeamsFixture f;
    set_up_program(f);
    f.adapter->drain(seconds(10));
    auto removal = f.install("29:u1");
    removal["action"] = "remove";
    REQUIRE(f.post(removal).status == 200);
    CHECK_FALSE(storage::ConversationRefs(*f.db).find(kTenant, "29:u1")->alive);
    REQUIRE(f.post(f.text(kAdmin, "push")).status == 200);
    f.engine->tick(*f.outbox);
    CHECK(pushes_to(f, "29:u1").empty());
    CHECK(pushes_to(f, "29:u2").size() == 1);
    CHECK(f.scalar("SELECT count(*) FROM deliveries d JOIN users u ON u.id = d.user_id "
                   "WHERE u.platform_user_id = '29:u1' AND d.gave_up = 1") == 1);
}

TEST_CASE("unknown activity types and invokes are acknowledged and ignored", "[teams][flow]") {
    TeamsFixture f;
    auto typing = f.activity("typing", "29:u1", TeamsFixture::chat_of("29:u1"), "personal");
    CHECK(f.post(typing).status == 200);
    auto invoke = f.activity("invoke", "29:u1", TeamsFixture::chat_of("29:u1"), "personal");
    invoke["name"] = "composeExtension/query";
    CHECK(f.post(invoke).status == 200);
    auto future = f.activity("somethingNew2030", "29:u1", TeamsFixture::chat_of("29:u1"), "personal");
    future["unheardOf"] = json::object{{"x", json::array{1, 2, 3}}};
    CHECK(f.post(future).status == 200);
    f.adapter->drain(seconds(10));
    CHECK(f.connector.calls().empty());
    CHECK(f.scalar("SELECT count(*) FROM users") == 0);
}

TEST_CASE("the scheduled daily push goes out proactively without any command", "[teams][flow]") {
    TeamsFixture f;
    set_up_program(f);
    f.adapter->drain(seconds(10));
    f.clock.advance(minutes(31));  // past 09:00 Paris and its 30-minute stagger window
    f.engine->tick(*f.outbox);
    for (const char* u : {"29:u1", "29:u2", "29:u3"}) {
        INFO(u);
        CHECK(pushes_to(f, u).size() == 1);
    }
    f.engine->tick(*f.outbox);  // idempotent
    CHECK(pushes_to(f, "29:u1").size() == 1);
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'sent' AND platform_ref LIKE 'a:chat-29:u_|1:%'") == 3);
}
