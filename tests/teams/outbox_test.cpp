// The Bot Connector client and the Teams Outbox against the fake connector: proactive 1:1 chats opened once and
// reused, the card as an attachment, ids URL-encoded, 429 Retry-After, 412/5xx retried, 401 refreshes the token,
// 403 marks the user's reference dead and stops further sends.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <atomic>

#include "adapters/teams/connector_client.hpp"
#include "adapters/teams/outbox.hpp"
#include "storage/database.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/teams/fake_connector.hpp"

using namespace advocacy;
using namespace advocacy::teams;
using namespace std::chrono;
namespace json = boost::json;

namespace {

struct OutboxFixture {
    OutboxFixture() : clock(sys_days{year{2026} / 11 / 23} + hours(8)) {
        config.teams.enabled = true;
        config.teams.app_id = "app-1";
        config.teams.tenant_id = "t1";
        config.teams.leaderboard_conversation = "19:board@thread.tacv2";
        config.teams.leaderboard_service_url = connector.service_url();
        db = storage::Database::open(dir.file("teams.db"));
        net::ClientOptions options;
        options.retry.base_delay = milliseconds(10);
        options.retry.max_delay = milliseconds(50);
        client = std::make_unique<net::HttpClient>(options);
        TokenSource tokens{[this] {
                               return BotTokenResult{"token-" + std::to_string(token_generation.load()), {}, false};
                           },
                           [this] { ++token_generation; }};
        ConnectorOptions connector_options;
        connector_options.precondition_base_delay = milliseconds(5);
        api = std::make_unique<ConnectorClient>(*client, tokens, limiter, connector_options);
        outbox = std::make_unique<TeamsOutbox>(config, *api, *db, clock);
    }

    // What an inbound activity from the tenant would have stored.
    void seen_in_tenant(const std::string& owner, const std::string& conversation, const std::string& kind = "personal") {
        storage::ConversationRefs(*db).save(
            {"t1", owner, kind, conversation, connector.service_url(), "28:app-1", true, clock.now()});
    }

    static Message card(const std::string& text) {
        Message m;
        m.kind = MessageKind::content;
        m.fallback_text = text;
        m.blocks.push_back(HeaderBlock{text});
        return m;
    }

    testing::FakeConnector connector;
    testing::TempDir dir;
    config::Config config;
    ManualClock clock;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<net::HttpClient> client;
    std::atomic<int> token_generation{1};
    RateLimiter limiter;
    std::unique_ptr<ConnectorClient> api;
    std::unique_ptr<TeamsOutbox> outbox;
};

Conversation to_user(const std::string& user) { return Conversation{Platform::teams, "t1", user, true}; }

}  // namespace

TEST_CASE("a push to a user never met alone opens the 1:1 chat once, then reuses it", "[teams][outbox]") {
    OutboxFixture f;
    f.seen_in_tenant("19:gen@thread.tacv2", "19:gen@thread.tacv2", "channel");
    const SendResult first = f.outbox->send(to_user("29:u1"), OutboxFixture::card("Spring is here"));
    REQUIRE(first.ok);
    CHECK(first.platform_ref == "a:chat-29:u1|1:1");
    const SendResult second = f.outbox->send(to_user("29:u1"), OutboxFixture::card("Again"));
    REQUIRE(second.ok);

    const auto creates = f.connector.calls("create_conversation");
    REQUIRE(creates.size() == 1);
    const auto& body = creates[0].body;
    CHECK(body.at("bot").at("id") == "28:app-1");
    CHECK(body.at("members").as_array()[0].at("id") == "29:u1");
    CHECK(body.at("tenantId") == "t1");
    CHECK(body.at("channelData").at("tenant").at("id") == "t1");
    CHECK(body.at("isGroup") == false);
    const auto sends = f.connector.calls("send");
    REQUIRE(sends.size() == 2);
    CHECK(sends[0].conversation_id == "a:chat-29:u1");
    CHECK(sends[0].path == "/amer/v3/conversations/a%3Achat-29%3Au1/activities");
    CHECK(sends[0].authorization == "Bearer token-1");
    CHECK(sends[0].body.at("type") == "message");
    CHECK(sends[0].body.at("summary") == "Spring is here");
    CHECK(sends[0].body.at("attachments").as_array()[0].at("contentType") == "application/vnd.microsoft.card.adaptive");
    // The chat is remembered durably.
    const auto ref = storage::ConversationRefs(*f.db).find("t1", "29:u1");
    REQUIRE(ref);
    CHECK(ref->conversation_id == "a:chat-29:u1");
}

TEST_CASE("without any serviceUrl for the tenant there is nowhere to send yet", "[teams][outbox]") {
    OutboxFixture f;
    const SendResult r = f.outbox->send(to_user("29:u1"), OutboxFixture::card("x"));
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.permanent);
    CHECK(f.connector.calls().empty());
}

TEST_CASE("the leaderboard channel uses the configured serviceUrl until one is seen", "[teams][outbox]") {
    OutboxFixture f;
    const SendResult r = f.outbox->send(Conversation{Platform::teams, "t1", "19:board@thread.tacv2", false},
                                        OutboxFixture::card("Leaderboard"));
    REQUIRE(r.ok);
    CHECK(f.connector.calls("send").at(0).conversation_id == "19:board@thread.tacv2");
    CHECK_FALSE(f.outbox->send(Conversation{Platform::teams, "t1", "19:other@thread.tacv2", false},
                               OutboxFixture::card("x")).ok);
}

TEST_CASE("429 is honoured, 412 and 503 are retried, and the message goes out once", "[teams][outbox]") {
    OutboxFixture f;
    f.seen_in_tenant("29:u1", "a:chat-29:u1");
    f.connector.script("send", {testing::FakeConnector::throttled(0), testing::FakeConnector::status(412),
                                testing::FakeConnector::status(503)});
    const SendResult r = f.outbox->send(to_user("29:u1"), OutboxFixture::card("x"));
    REQUIRE(r.ok);
    const auto sends = f.connector.calls("send");
    REQUIRE(sends.size() == 4);
    CHECK(sends[0].status == 429);
    CHECK(sends[1].status == 412);
    CHECK(sends[2].status == 503);
    CHECK(sends[3].status == 200);
}

TEST_CASE("412 retries are bounded", "[teams][outbox]") {
    OutboxFixture f;
    f.seen_in_tenant("29:u1", "a:chat-29:u1");
    f.connector.script("send", {testing::FakeConnector::status(412), testing::FakeConnector::status(412),
                                testing::FakeConnector::status(412), testing::FakeConnector::status(412)});
    const SendResult r = f.outbox->send(to_user("29:u1"), OutboxFixture::card("x"));
    CHECK_FALSE(r.ok);
    CHECK(r.error.starts_with("http_412"));
    CHECK(f.connector.calls("send").size() == 3);
}

TEST_CASE("a 401 from the connector fetches a new token and retries once", "[teams][outbox]") {
    OutboxFixture f;
    f.seen_in_tenant("29:u1", "a:chat-29:u1");
    f.connector.script("send", {testing::FakeConnector::status(401)});
    REQUIRE(f.outbox->send(to_user("29:u1"), OutboxFixture::card("x")).ok);
    const auto sends = f.connector.calls("send");
    REQUIRE(sends.size() == 2);
    CHECK(sends[0].authorization == "Bearer token-1");
    CHECK(sends[1].authorization == "Bearer token-2");
}

TEST_CASE("a 403 stops sending to that user: permanent, reference dead, no further calls", "[teams][outbox]") {
    OutboxFixture f;
    f.seen_in_tenant("29:u1", "a:chat-29:u1");
    f.connector.block_conversation("a:chat-29:u1");
    const SendResult r = f.outbox->send(to_user("29:u1"), OutboxFixture::card("x"));
    CHECK_FALSE(r.ok);
    CHECK(r.permanent);
    CHECK(r.error == "http_403 ConversationBlockedByUser");
    CHECK_FALSE(storage::ConversationRefs(*f.db).find("t1", "29:u1")->alive);
    const auto calls_before = f.connector.calls().size();
    const SendResult again = f.outbox->send(to_user("29:u1"), OutboxFixture::card("y"));
    CHECK_FALSE(again.ok);
    CHECK(again.permanent);
    CHECK(f.connector.calls().size() == calls_before);
}

TEST_CASE("replacing a card PUTs the same activity id", "[teams][outbox]") {
    OutboxFixture f;
    const Route route{f.connector.service_url(), "a:chat-29:u1", "t1", "29:u1"};
    const SendResult r = f.outbox->replace(route, "1:42", OutboxFixture::card("Shared"));
    REQUIRE(r.ok);
    CHECK(r.platform_ref == "a:chat-29:u1|1:42");
    const auto updates = f.connector.calls("update");
    REQUIRE(updates.size() == 1);
    CHECK(updates[0].activity_id == "1:42");
    CHECK(updates[0].body.at("id") == "1:42");
    CHECK(updates[0].path == "/amer/v3/conversations/a%3Achat-29%3Au1/activities/1%3A42");
}

TEST_CASE("activity references and connector URLs", "[teams][outbox]") {
    const auto ref = parse_activity_ref("19:x@thread.tacv2;messageid=1|1:99");
    REQUIRE(ref);
    CHECK(ref->conversation_id == "19:x@thread.tacv2;messageid=1");
    CHECK(ref->activity_id == "1:99");
    CHECK_FALSE(parse_activity_ref("no-bar"));
    CHECK_FALSE(parse_activity_ref("|1"));
    CHECK(connector_url("https://smba.example/emea/") == "https://smba.example/emea/v3/conversations");
    CHECK(connector_url("https://smba.example/emea", "19:a@thread.tacv2;messageid=1") ==
          "https://smba.example/emea/v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D1/activities");
}
