// `advocacy-bot serve CONFIG`: the bot in production. The HTTP server with the core routes and the enabled platforms
// (serve_slack.cpp, serve_teams.cpp), the engine on the configured SQLite file, and the scheduler loop for daily
// pushes and the weekly leaderboard. SIGINT/SIGTERM stop it gracefully: in-flight requests finish, queued platform
// follow-ups drain, the database writer drains, exit 0.
#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "adapters/dashboard/routes.hpp"
#include "bot/cli/heap_trimmer.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/app/retention_task.hpp"
#include "bot/app/scheduler_loop.hpp"
#include "bot/app/server_options_from_config.hpp"
#include "bot/cli/platform_runtime.hpp"
#include "bot/cli/subcommands.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/log/apply_config.hpp"
#include "bot/log/log.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"
#include "storage/users.hpp"

namespace advocacy::cli {

namespace {

// Sends bot-initiated messages to the runtime of the conversation's platform.
class PlatformOutbox final : public Outbox {
public:
    explicit PlatformOutbox(const std::vector<std::unique_ptr<PlatformRuntime>>& runtimes) : runtimes_(runtimes) {}
    SendResult send(const Conversation& to, const Message& message) override {
        if (auto* outbox = of(to)) return outbox->send(to, message);
        return not_enabled(to);
    }
    bool sends_async(const Conversation& to) const override {
        const auto* outbox = of(to);
        return outbox && outbox->sends_async(to);
    }
    void send_async(const Conversation& to, const Message& message, std::function<void(SendResult)> done) override {
        if (auto* outbox = of(to)) return outbox->send_async(to, message, std::move(done));
        done(not_enabled(to));
    }
    // The fan-out width: the widest platform's (each platform's outbox still enforces its own rate limits).
    std::size_t max_concurrent_sends() const override {
        std::size_t width = 1;
        for (const auto& r : runtimes_) width = std::max(width, r->outbox().max_concurrent_sends());
        return width;
    }

private:
    Outbox* of(const Conversation& to) const {
        for (const auto& r : runtimes_) {
            if (r->platform() == to.platform) return &r->outbox();
        }
        return nullptr;
    }
    static SendResult not_enabled(const Conversation& to) {
        return SendResult{false, {}, "platform not enabled: " + std::string(to_string(to.platform))};
    }

    const std::vector<std::unique_ptr<PlatformRuntime>>& runtimes_;
};

}  // namespace

std::function<bool(const UserIdentity&)> unknown_user(storage::Database& db) {
    return [&db](const UserIdentity& who) {
        storage::Users users(db);
        for (const auto& ws : users.workspaces()) {
            if (ws.platform == to_string(who.platform) && ws.external_id == who.workspace_id) {
                // Known only from a channel's member list: never heard from, so still a first contact.
                const auto user = users.find_by_platform_id(ws.id, who.user_id);
                return !user || !user->contacted;
            }
        }
        return true;
    };
}

int serve(const Context& ctx) {
    if (ctx.args.size() != 1) {
        ctx.err << "usage: advocacy-bot serve CONFIG_FILE\n";
        return 2;
    }
    auto loaded = config::load_config(std::string(ctx.args[0]), ctx.env);
    for (const auto& d : loaded.diagnostics) ctx.err << d.str() << '\n';
    if (!loaded.config) return 1;
    const config::Config config = std::move(*loaded.config);
    log::apply(config.log);  // [log] level and format, before anything logs

    auto http = std::make_unique<server::HttpServer>(server_options_from(config));
    http->bind();
    // A reader connection per request handler, plus two for the scheduler and the platform runtimes: a handler
    // never waits for another's reader (each one reads several times per request).
    storage::DatabaseOptions db_options;
    db_options.reader_connections =
        std::max(db_options.reader_connections, static_cast<int>(config.server.worker_threads) + 2);
    const auto db = storage::Database::open(config.storage.database, db_options);
    SystemClock clock;
    SecureRandom random;
    Engine engine(config, *db, clock, random);

    std::vector<ReadinessCheck> readiness{database_writable(*db)};
    std::vector<std::unique_ptr<PlatformRuntime>> runtimes;
    ServeContext serve_ctx{config, engine, *db, clock, http->routes(), readiness};
    try {
        for (auto start : {&start_slack, &start_teams}) {
            if (auto runtime = start(serve_ctx)) runtimes.push_back(std::move(runtime));
        }
    } catch (const StartupError& e) {
        ctx.err << "advocacy-bot serve: " << e.what() << '\n';
        http.reset();
        return 1;
    }
    add_core_routes(http->routes(), engine, std::move(readiness));
    dashboard::add_dashboard_routes(http->routes(), config, *db, clock, random);

    PlatformOutbox outbox(runtimes);
    const auto port = http->start();
    http->stop_on_signals();
    SchedulerLoop scheduler(engine, outbox, std::chrono::seconds(30),
                            daily_retention(*db, config.storage.retention_months, clock));
    const HeapTrimmer trimmer(std::chrono::seconds(1));
    log::info("serve", "listening", {{"address", config.server.listen_address}, {"port", std::to_string(port)},
                                      {"public_url", config.server.public_base_url}});
    ctx.out << "advocacy-bot serve: listening on " << config.server.listen_address << ":" << port;
    for (const auto& r : runtimes) ctx.out << " (" << r->describe() << ")";
    ctx.out << std::endl;
    http->wait();
    scheduler.stop();
    for (const auto& r : runtimes) r->shutdown(std::chrono::seconds(10));
    http.reset();  // releases the routes (and the adapters they hold) before the runtimes' clients
    runtimes.clear();
    ctx.out << "advocacy-bot serve: stopped" << std::endl;
    return 0;
}

}  // namespace advocacy::cli
