// `advocacy-bot demo`: the real engine, a real SQLite file and the web playground, with no Slack or Teams account.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "adapters/dashboard/routes.hpp"
#include "adapters/playground/demo_seed.hpp"
#include "adapters/playground/playground.hpp"
#include "adapters/playground/routes.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/app/scheduler_loop.hpp"
#include "bot/cli/subcommands.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/log/apply_config.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"

namespace advocacy::cli {

namespace {

struct DemoOptions {
    std::filesystem::path database = "advocacy-demo.db";
    std::string listen = "127.0.0.1";
    std::uint16_t port = 8080;
    bool allow_remote = false;
    bool reset = false;
    double fast = 1.0;  // time-lapse factor: 2016 = a week in five minutes
};

std::optional<DemoOptions> parse_options(const Context& ctx) {
    DemoOptions o;
    const auto usage = [&](std::string_view why) -> std::optional<DemoOptions> {
        ctx.err << "advocacy-bot demo: " << why
                << "\nusage: advocacy-bot demo [--reset] [--port N] [--fast FACTOR] [--db FILE] "
                   "[--listen ADDR --allow-remote]\n";
        return std::nullopt;
    };
    for (std::size_t i = 0; i < ctx.args.size(); ++i) {
        const std::string_view a = ctx.args[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= ctx.args.size()) return std::nullopt;
            return std::string(ctx.args[++i]);
        };
        if (a == "--reset") {
            o.reset = true;
        } else if (a == "--allow-remote") {
            o.allow_remote = true;
        } else if (a == "--port" || a == "--fast" || a == "--db" || a == "--listen") {
            const auto v = value();
            if (!v) return usage(std::string(a) + " needs a value");
            try {
                if (a == "--port") {
                    const int p = std::stoi(*v);
                    if (p < 0 || p > 65535) return usage("--port must be 0-65535");
                    o.port = static_cast<std::uint16_t>(p);
                } else if (a == "--fast") {
                    o.fast = std::stod(*v);
                    if (!(o.fast >= 1.0 && o.fast <= 100000.0)) return usage("--fast must be between 1 and 100000");
                } else if (a == "--db") {
                    o.database = *v;
                } else {
                    o.listen = *v;
                }
            } catch (const std::exception&) {
                return usage("bad value for " + std::string(a) + ": '" + *v + "'");
            }
        } else {
            return usage("unknown option '" + std::string(a) + "'");
        }
    }
    const bool loopback = o.listen == "127.0.0.1" || o.listen == "::1" || o.listen == "localhost";
    if (!loopback && !o.allow_remote) {
        return usage("the playground has no login: listening on " + o.listen +
                     " needs --allow-remote (anyone who can reach it can act as any demo user)");
    }
    if (o.listen == "localhost") o.listen = "127.0.0.1";
    return o;
}

config::Config demo_config(const DemoOptions& o, std::uint16_t port) {
    config::Config c;
    c.server.listen_address = o.listen;
    c.server.port = port;
    c.server.public_base_url = "http://" + (o.listen == "0.0.0.0" ? std::string("127.0.0.1") : o.listen) + ":" +
                               std::to_string(port);
    c.storage.database = o.database;
    c.program.time_zone = "Europe/Paris";
    c.program.disclosure_suffix = "#employee";
    c.admins.playground = {"claire"};
    c.dashboard.value_per_click = 0.75;  // so the dashboard's reach page shows an earned media value
    return c;
}

void remove_database(const std::filesystem::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        std::filesystem::remove(db.string() + suffix, ec);
    }
}

}  // namespace

int demo(const Context& ctx) {
    const auto options = parse_options(ctx);
    if (!options) return 2;
    if (options->reset) remove_database(options->database);

    server::ServerOptions server_options;
    server_options.address = options->listen;
    server_options.port = options->port;
    server::HttpServer http(server_options);
    const auto port = http.bind();  // links carry the public URL: the real port must be known first
    const config::Config config = demo_config(*options, port);
    log::apply(config.log);  // the demo's defaults; serve applies the file's [log]

    SystemClock system_clock;
    std::unique_ptr<Clock> fast_clock;
    if (options->fast > 1.0) fast_clock = std::make_unique<ScaledClock>(system_clock.now(), options->fast);
    Clock& clock = fast_clock ? *fast_clock : static_cast<Clock&>(system_clock);
    SecureRandom random;

    const auto db = storage::Database::open(options->database);
    Engine engine(config, *db, clock, random);
    const auto playground = std::make_shared<playground::Playground>(engine);
    add_core_routes(http.routes(), engine, {database_writable(*db), {"playground", [] { return true; }}});
    playground::add_playground_routes(http.routes(), playground);
    dashboard::add_dashboard_routes(http.routes(), config, *db, clock, random);

    if (playground::needs_seed(*db)) {
        playground::seed_demo(engine, *playground, *db, config, clock);
        ctx.out << "advocacy-bot demo: seeded " << options->database.string() << " with a campaign and demo users\n";
    }
    http.start();
    http.stop_on_signals();
    // Time-lapse runs need finer ticks: at --fast 2016 a quarter second is eight simulated minutes.
    const auto tick = options->fast > 1.0 ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
    SchedulerLoop scheduler(engine, *playground, tick);

    ctx.out << "advocacy-bot demo: open http://" << (options->listen == "0.0.0.0" ? "127.0.0.1" : options->listen)
            << ":" << port << "/ in your browser (Ctrl-C to stop)" << std::endl;
    http.wait();
    scheduler.stop();
    ctx.out << "advocacy-bot demo: stopped" << std::endl;
    return 0;
}

}  // namespace advocacy::cli
