#pragma once
// The Teams adapter end to end, in-process: the real HTTP server, engine and SQLite file, the real outgoing HTTP
// client, token validation against the fake identity provider (tests/teams_support), the bot's token from its
// token endpoint, and the fake Bot Connector on loopback. Activities are signed like the Bot Framework signs them.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "adapters/teams/stack.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/net/http_client.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/teams/fake_connector.hpp"
#include "tests/teams_support/fake_identity.hpp"

namespace advocacy::teams_test {

using namespace std::chrono;
namespace json = boost::json;

inline constexpr const char* kTenant = "tenant-1111";
inline constexpr const char* kAdmin = "29:admin";
inline constexpr const char* kChannel = "19:general@thread.tacv2";

struct HttpResult {
    int status = 0;
    std::string body;
    json::value json() const { return json::parse(body); }
};

struct TeamsFixture {
    TeamsFixture() : clock(sys_days{year{2026} / 11 / 23} + hours(8)), random(11) {  // Monday 09:00 in Paris
        using testing::FakeIdentity;
        config.program.time_zone = "Europe/Paris";
        auto& t = config.teams;
        t.enabled = true;
        t.app_id = FakeIdentity::default_app_id;
        t.tenant_id = kTenant;
        t.app_password = config::Secret("test", FakeIdentity::default_app_password);
        t.openid_metadata_url = idp.metadata_url();
        t.openid_issuer = idp.issuer();
        t.token_url = idp.token_url(kTenant);
        t.leaderboard_conversation = kChannel;
        t.leaderboard_service_url = connector.service_url();
        config.admins.teams = {kAdmin};
        db = storage::Database::open(dir.file("teams.db"));
        server::ServerOptions server_options;
        server_options.port = 0;
        http = std::make_unique<server::HttpServer>(server_options);
        port = http->bind();
        config.server.public_base_url = "http://127.0.0.1:" + std::to_string(port);
        engine = std::make_unique<Engine>(config, *db, clock, random);
        net::ClientOptions client_options;
        client_options.retry.base_delay = milliseconds(20);
        client_options.retry.max_delay = milliseconds(200);
        client_options.request_timeout = seconds(10);
        client = std::make_unique<net::HttpClient>(client_options);
        stack = std::make_unique<teams::TeamsStack>(config, *engine, *db, clock, *client);
        outbox = stack->outbox.get();
        adapter = stack->adapter;
        add_core_routes(http->routes(), *engine, {database_writable(*db)});
        teams::add_teams_routes(http->routes(), adapter);
        http->start();
    }
    ~TeamsFixture() {
        http->stop();
        http->wait();
        adapter->drain(seconds(10));
        http.reset();  // drops the router's hold on the adapter before the outbox and clients go
        adapter.reset();
        stack.reset();
    }

    std::string bot_id() const { return "28:" + config.teams.app_id; }
    std::uint16_t connector_port() const { return connector.port(); }
    static std::string chat_of(const std::string& user) { return "a:chat-" + user; }  // the fake's 1:1 chat ids

    // POST /api/messages with `authorization` (default: a genuine token for the activity's serviceUrl).
    HttpResult post(const json::object& activity, std::optional<std::string> authorization = std::nullopt) {
        const std::string body = json::serialize(activity);
        std::string service_url;
        if (const auto* s = activity.if_contains("serviceUrl"); s && s->is_string()) service_url = std::string(s->as_string());
        const std::string auth =
            authorization.value_or(idp.authorization(config.teams.app_id, service_url, clock.now()));
        std::string req = "POST /api/messages HTTP/1.1\r\nHost: bot.example\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\n";
        if (!auth.empty()) req += "Authorization: " + auth + "\r\n";
        req += "\r\n" + body;
        testing::RawClient c(port);
        HttpResult r;
        if (!c.send(req)) return r;
        const auto response = c.read_response();
        if (!response) return r;
        r.status = testing::status_of(*response);
        r.body = testing::body_of(*response);
        return r;
    }

    // ---- activities as Teams sends them ----
    json::object activity(const std::string& type, const std::string& user, const std::string& conversation,
                          const std::string& conversation_type) {
        return json::object{
            {"type", type},
            {"id", "act-" + std::to_string(++activity_count)},
            {"timestamp", "2026-11-23T08:00:00.000Z"},
            {"serviceUrl", connector.service_url()},
            {"channelId", "msteams"},
            {"from", {{"id", user}, {"name", "Name " + user}, {"aadObjectId", "aad-" + user}}},
            {"conversation", {{"id", conversation}, {"conversationType", conversation_type}, {"tenantId", kTenant}}},
            {"recipient", {{"id", bot_id()}, {"name", "Advocacy"}}},
            {"locale", "en-US"},
            {"entities", json::array{json::object{{"type", "clientInfo"}, {"locale", "en-US"}, {"timezone", "Europe/Paris"}}}},
            {"channelData", {{"tenant", {{"id", kTenant}}}}}};
    }
    json::object install(const std::string& user) {
        auto a = activity("installationUpdate", user, chat_of(user), "personal");
        a["action"] = "add";
        return a;
    }
    json::object text(const std::string& user, const std::string& words) {
        auto a = activity("message", user, chat_of(user), "personal");
        a["text"] = words;
        return a;
    }
    // "@Advocacy <words>" in the team's General channel.
    json::object channel_text(const std::string& user, const std::string& words) {
        auto a = activity("message", user, std::string(kChannel) + ";messageid=" + std::to_string(activity_count + 1), "channel");
        a["text"] = "<at>Advocacy</at> " + words;
        a["entities"].as_array().push_back(
            json::object{{"type", "mention"}, {"text", "<at>Advocacy</at>"}, {"mentioned", {{"id", bot_id()}, {"name", "Advocacy"}}}});
        a["channelData"].as_object()["team"] = json::object{{"id", "19:team@thread.tacv2"}};
        return a;
    }
    json::object submit(const std::string& user, const std::string& action, const std::string& value,
                        const std::string& card_activity) {
        auto a = activity("message", user, chat_of(user), "personal");
        a["value"] = json::object{{"advocacy_action", action}, {"advocacy_value", value}};
        a["replyToId"] = card_activity;
        return a;
    }
    json::object execute(const std::string& user, const std::string& verb, const std::string& value,
                         const std::string& card_activity) {
        auto a = activity("invoke", user, chat_of(user), "personal");
        a["name"] = "adaptiveCard/action";
        a["value"] = json::object{{"action", {{"type", "Action.Execute"}, {"verb", verb},
                                              {"data", {{"advocacy_action", verb}, {"advocacy_value", value}}}}}};
        a["replyToId"] = card_activity;
        return a;
    }
    json::object reaction(const std::string& user, const std::string& type, const std::string& card_activity) {
        auto a = activity("messageReaction", user, chat_of(user), "personal");
        a["reactionsAdded"] = json::array{json::object{{"type", type}}};
        a["replyToId"] = card_activity;
        return a;
    }

    std::int64_t scalar(const std::string& sql) {
        std::int64_t value = 0;
        db->read([&](storage::Connection& c) {
            auto& st = c.prepare(sql);
            st.executeStep();
            value = st.getColumn(0).getInt64();
        });
        return value;
    }
    std::string text_scalar(const std::string& sql) {
        std::string value;
        db->read([&](storage::Connection& c) {
            auto& st = c.prepare(sql);
            if (st.executeStep()) value = st.getColumn(0).getString();
        });
        return value;
    }
    // Rows in every table: "nothing written" means this does not change.
    std::int64_t total_rows() {
        std::int64_t n = 0;
        for (const char* t : {"workspaces", "users", "user_channels", "campaigns", "contents", "content_texts",
                              "deliveries", "link_tokens", "interactions", "points_ledger", "audit_log", "settings",
                              "once_marks", "channel_syncs", "conversation_refs"}) {
            n += scalar(std::string("SELECT count(*) FROM ") + t);
        }
        return n;
    }

    testing::FakeIdentity idp;
    testing::FakeConnector connector;
    testing::TempDir dir;
    config::Config config;
    ManualClock clock;
    SeededRandom random;
    int activity_count = 0;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<net::HttpClient> client;
    std::unique_ptr<teams::TeamsStack> stack;
    teams::TeamsOutbox* outbox = nullptr;
    std::shared_ptr<teams::TeamsAdapter> adapter;
};

// Serialized JSON of a recorded call's body, to search in.
inline std::string text_of(const testing::ConnectorCall& c) { return json::serialize(c.body); }

}  // namespace advocacy::teams_test
