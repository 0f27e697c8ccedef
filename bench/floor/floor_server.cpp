// bench/floor: the "minimal server" built from advocacy-bot's own parts, to split a share confirmation's
// cost into what the bot's stack costs (HTTP server, signature check, payload decode, JSON parse, group commit) and
// what the product adds (engine, points, week scores, the card's update). Per POST /slack/events it verifies the
// Slack signature over the raw body, extracts `payload=` (slack::sole_field), parses the JSON, reads the user id and
// the button's value, and inserts one row with group commit (storage::Database: WAL, synchronous=FULL, the same
// writer as the bot), then answers 200 with an empty body once the row is durable. Nothing else: no engine, no
// follow-up. Bench only; not installed.
// Usage: floor_server PORT DB_FILE   (SLACK_SIGNING_SECRET from the environment; GET /readyz answers 200)
#include <boost/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "adapters/slack/form.hpp"
#include "adapters/slack/signature.hpp"
#include "bot/clock.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"

using namespace advocacy;

int main(int argc, char** argv) {
    if (argc != 3 || !std::getenv("SLACK_SIGNING_SECRET")) {
        std::cerr << "usage: SLACK_SIGNING_SECRET=... floor_server PORT DB_FILE\n";
        return 2;
    }
    const SystemClock clock;
    const slack::SignatureVerifier verifier(std::getenv("SLACK_SIGNING_SECRET"), clock);
    auto db = storage::Database::open(argv[2]);
    db->write([](storage::Connection& c) {
        c.raw().exec("CREATE TABLE IF NOT EXISTS floor_shares (user_id TEXT NOT NULL, value TEXT NOT NULL, "
                     "at INTEGER NOT NULL, UNIQUE (user_id, value))");
    });

    server::ServerOptions options;
    options.port = static_cast<std::uint16_t>(std::stoi(argv[1]));
    options.limits.max_connections = 2000;
    server::HttpServer http(options);
    http.routes().add("GET", "/readyz", [](const server::HttpRequest&) { return server::HttpResponse::text(200, "ready"); });
    http.routes().add("POST", "/slack/events", [&](const server::HttpRequest& request) {
        if (verifier.verify(request.header("X-Slack-Request-Timestamp"), request.header("X-Slack-Signature"),
                            request.body) != slack::SignatureCheck::ok)
            return server::HttpResponse::text(401, "bad signature");
        const auto payload = slack::sole_field(request.body, "payload");
        if (!payload) return server::HttpResponse::text(400, "no payload");
        boost::system::error_code ec;
        const auto json = boost::json::parse(*payload, ec);
        const auto* user = json.is_object() ? json.as_object().if_contains("user") : nullptr;
        const auto* actions = json.is_object() ? json.as_object().if_contains("actions") : nullptr;
        if (ec || !user || !user->is_object() || !actions || !actions->is_array() || actions->as_array().empty())
            return server::HttpResponse::text(400, "not a block_actions payload");
        const auto* user_id = user->as_object().if_contains("id");
        const auto& action = actions->as_array().front();
        const auto* value = action.is_object() ? action.as_object().if_contains("value") : nullptr;
        if (!user_id || !user_id->is_string() || !value || !value->is_string())
            return server::HttpResponse::text(400, "no user or value");
        const std::string uid(user_id->as_string()), val(value->as_string());
        const auto at = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
        db->write([&](storage::Connection& c) {
            auto& st = c.prepare("INSERT OR IGNORE INTO floor_shares (user_id, value, at) VALUES (?1, ?2, ?3)");
            st.bind(1, uid);
            st.bind(2, val);
            st.bind(3, static_cast<std::int64_t>(at));
            st.exec();
        });
        return server::HttpResponse::text(200, "");
    });
    http.stop_on_signals();
    http.start();
    http.wait();
    return 0;
}
