#pragma once
// The Slack adapter end to end, in-process: the real HTTP server, engine and SQLite file, the real outgoing HTTP
// client, and a fake Slack Web API on loopback. Requests are signed like Slack signs them.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>
#include <boost/url/url.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adapters/slack/adapter.hpp"
#include "adapters/slack/channel_directory.hpp"
#include "adapters/slack/outbox.hpp"
#include "adapters/slack/signature.hpp"
#include "adapters/slack/web_api.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/net/http_client.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/slack/fake_slack.hpp"
#include "tests/support/temp_dir.hpp"

namespace advocacy::slack_test {

using namespace std::chrono;
namespace json = boost::json;

inline constexpr const char* kSecret = "test-signing-secret-0123456789";
inline constexpr const char* kTeam = "T1";
inline constexpr const char* kAdmin = "UADMIN";

struct HttpResult {
    int status = 0;
    std::string body;
    std::string raw;
};

using FormList = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded, with '+' for spaces as Slack sends it.
inline std::string form_body(const FormList& fields) {
    boost::urls::url u("http://x/");
    for (const auto& [k, v] : fields) u.params().append({k, v});
    std::string q(u.encoded_query());
    std::string out;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (q.compare(i, 3, "%20") == 0) {
            out += '+';
            i += 2;
        } else {
            out += q[i];
        }
    }
    return out;
}

// Everything a Slack test needs but the transport: the fake Web API, the SQLite file, the engine, the outgoing client
// and the adapter. SlackFixture adds HTTP mode (signed requests to a real server); the Socket Mode suite adds a fake
// Socket Mode server (tests/slack_socket/socket_fixture.hpp).
struct SlackCore {
    explicit SlackCore(slack::AdapterOptions options = {}, config::SlackMode mode = config::SlackMode::http)
        : clock(sys_days{year{2026} / 11 / 23} + hours(8)), random(11) {  // Monday 09:00 in Paris
        config.program.time_zone = "Europe/Paris";
        config.slack.enabled = true;
        config.slack.mode = mode;
        config.slack.api_base_url = fake.api_base();
        config.slack.bot_token = config::Secret("test", "xoxb-test-token");
        if (mode == config::SlackMode::http) {
            config.slack.signing_secret = config::Secret("test", kSecret);
        } else {
            config.slack.app_token = config::Secret("test", "xapp-test-token");
        }
        config.admins.slack = {kAdmin};
        config.slack.leaderboard_channel = "C0BOARD";
        db = storage::Database::open(dir.file("slack.db"));
        engine = std::make_unique<Engine>(config, *db, clock, random);
        net::ClientOptions client_options;
        client_options.retry.base_delay = milliseconds(20);
        client_options.retry.max_delay = milliseconds(200);
        client_options.request_timeout = seconds(10);
        client = std::make_unique<net::HttpClient>(client_options);
        api = std::make_unique<slack::WebApi>(*client, config.slack.api_base_url, config.slack.bot_token.value());
        outbox = std::make_unique<slack::SlackOutbox>(*api);
        adapter = std::make_shared<slack::SlackAdapter>(config, *engine, clock, *api, *outbox, std::move(options));
        // "#channel" audiences from conversations.list + conversations.members, as `serve` wires them.
        channels = std::make_unique<slack::SlackChannelDirectory>(*api);
        // serve passes auth.test's reply; this is the fake's (not asked here, so tests see no extra call).
        channels->identify_from(slack::ApiResult{true, {}, json::object{{"ok", true}, {"user_id", "UBOT"}, {"team_id", kTeam}}});
        engine->set_channel_directory(Platform::slack, channels.get());
    }
    ~SlackCore() {
        engine->set_channel_directory(Platform::slack, nullptr);
        adapter->drain(seconds(10));
    }

    // A slash command's fields, as Slack posts them (HTTP: a form; Socket Mode: a JSON payload of strings).
    FormList command_fields(const std::string& user, const std::string& text, const std::string& channel) const {
        return {{"token", "legacy"},
                {"team_id", kTeam},
                {"team_domain", "acme"},
                {"channel_id", channel},
                {"channel_name", "general"},
                {"user_id", user},
                {"user_name", "name-" + user},
                {"command", "/advocacy"},
                {"text", text},
                {"response_url", fake.response_url("cmd-" + user)},
                {"trigger_id", "1.2.3"},
                {"api_app_id", "A1"}};
    }

    // The Events API envelope around one event.
    static json::object event_callback(const std::string& event_id, const json::object& event) {
        return json::object{{"token", "legacy"},       {"team_id", kTeam},
                            {"api_app_id", "A1"},      {"event", event},
                            {"type", "event_callback"}, {"event_id", event_id},
                            {"event_time", 1700000000}, {"authorizations", json::array{}}};
    }

    // A button click on a message (channel, ts) by `user`.
    static json::object click(const std::string& user, const std::string& channel, const std::string& ts,
                              const std::string& action_id, const std::string& value, const std::string& response_url) {
        return json::object{
            {"type", "block_actions"},
            {"user", {{"id", user}, {"username", "name-" + user}, {"name", "name-" + user}, {"team_id", kTeam}}},
            {"api_app_id", "A1"},
            {"token", "legacy"},
            {"container", {{"type", "message"}, {"message_ts", ts}, {"channel_id", channel}, {"is_ephemeral", false}}},
            {"trigger_id", "1.2.3"},
            {"team", {{"id", kTeam}, {"domain", "acme"}}},
            {"channel", {{"id", channel}, {"name", "directmessage"}}},
            {"message", {{"type", "message"}, {"ts", ts}, {"text", "content"}}},
            {"response_url", response_url},
            {"actions", json::array{json::object{{"action_id", action_id},
                                                 {"block_id", "b1"},
                                                 {"value", value},
                                                 {"type", "button"},
                                                 {"action_ts", "1700000001.000"}}}}};
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

    // Rows in every table: "nothing written" means this does not change.
    std::int64_t total_rows() {
        std::int64_t n = 0;
        for (const char* t : {"workspaces", "users", "user_channels", "campaigns", "contents", "content_texts",
                              "deliveries", "link_tokens", "interactions", "points_ledger", "audit_log", "settings",
                              "once_marks", "channel_syncs"}) {
            n += scalar(std::string("SELECT count(*) FROM ") + t);
        }
        return n;
    }

    testing::FakeSlack fake;
    testing::TempDir dir;
    config::Config config;
    ManualClock clock;
    SeededRandom random;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<net::HttpClient> client;
    std::unique_ptr<slack::WebApi> api;
    std::unique_ptr<slack::SlackOutbox> outbox;
    std::shared_ptr<slack::SlackAdapter> adapter;
    std::unique_ptr<slack::SlackChannelDirectory> channels;
};

// HTTP mode: the real HTTP server with the core routes and POST /slack/events; requests signed like Slack's.
struct SlackFixture : SlackCore {
    explicit SlackFixture(slack::AdapterOptions options = {}) : SlackCore(std::move(options)) {
        server::ServerOptions server_options;
        server_options.port = 0;
        http = std::make_unique<server::HttpServer>(server_options);
        port = http->bind();
        config.server.public_base_url = "http://127.0.0.1:" + std::to_string(port);
        add_core_routes(http->routes(), *engine, {database_writable(*db)});
        slack::add_slack_routes(http->routes(), adapter);
        http->start();
    }
    ~SlackFixture() {
        http->stop();
        http->wait();
        adapter->drain(seconds(10));
        http.reset();  // drops the router's hold on the adapter before the client and outbox go
    }

    // POST /slack/events with the given body, signed at the fixture's clock unless told otherwise.
    HttpResult post(const std::string& content_type, const std::string& body,
                    const std::vector<std::pair<std::string, std::string>>& extra = {}, bool sign = true,
                    std::optional<std::int64_t> timestamp = std::nullopt) {
        const std::string ts = std::to_string(timestamp.value_or(clock.now().time_since_epoch().count()));
        std::string req = "POST /slack/events HTTP/1.1\r\nHost: bot.example\r\nContent-Type: " + content_type +
                          "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
        if (sign) {
            req += "X-Slack-Request-Timestamp: " + ts + "\r\n";
            req += "X-Slack-Signature: " + slack::compute_signature(kSecret, ts, body) + "\r\n";
        }
        for (const auto& [k, v] : extra) req += k + ": " + v + "\r\n";
        req += "\r\n" + body;
        testing::RawClient c(port);
        HttpResult r;
        if (!c.send(req)) return r;
        const auto response = c.read_response();
        if (!response) return r;
        r.raw = *response;
        r.status = testing::status_of(*response);
        r.body = testing::body_of(*response);
        return r;
    }

    HttpResult command(const std::string& user, const std::string& text, const std::string& channel = "C0GENERAL") {
        return post("application/x-www-form-urlencoded", form_body(command_fields(user, text, channel)));
    }

    HttpResult interaction(const json::object& payload) {
        return post("application/x-www-form-urlencoded", form_body({{"payload", json::serialize(payload)}}));
    }

    HttpResult event(const std::string& event_id, const json::object& event,
                     const std::vector<std::pair<std::string, std::string>>& extra = {}) {
        return post("application/json", json::serialize(event_callback(event_id, event)), extra);
    }

    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
};

inline std::string text_of(const testing::RecordedCall& c) { return json::serialize(c.args); }

}  // namespace advocacy::slack_test
