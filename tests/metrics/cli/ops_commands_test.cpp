// `advocacy-bot backup` and `advocacy-bot healthcheck`, in-process, against a real database file and a real server
// on loopback.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <sstream>

#include "bot/cli/cli.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"
#include "tests/support/temp_dir.hpp"

using advocacy::testing::TempDir;
using namespace std::chrono_literals;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

Run run_cli(std::vector<std::string_view> args) {
    std::ostringstream out, err;
    const auto env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
    const int code = advocacy::cli::run(args, out, err, env);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("backup --config copies the configured database; restore is putting the file back") {
    TempDir dir;
    {
        auto db = advocacy::storage::Database::open(dir.file("bot.db"));
        db->write([](advocacy::storage::Connection& c) {
            c.raw().exec("INSERT INTO workspaces (platform, external_id) VALUES ('slack', 'T1')");
        });
    }
    std::ofstream(dir.file("bot.toml")) << "[storage]\ndatabase = \"bot.db\"\n";
    const auto config = dir.file("bot.toml").string();
    const auto out = dir.file("copy.db").string();

    const auto r = run_cli({"backup", "--config", config, "--to", out});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("integrity ok") != std::string::npos);
    SQLite::Database copy(out, SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("SELECT external_id FROM workspaces").getString() == "T1");

    // Again to the same file: refused, the first copy untouched.
    const auto again = run_cli({"backup", "--db", dir.file("bot.db").string(), "--to", out});
    CHECK(again.code == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
}

TEST_CASE("backup usage errors exit 2") {
    CHECK(run_cli({"backup"}).code == 2);
    CHECK(run_cli({"backup", "--db", "a.db"}).code == 2);
    CHECK(run_cli({"backup", "--db", "a.db", "--config", "b.toml", "--to", "c.db"}).code == 2);
    CHECK(run_cli({"backup", "--db", "a.db", "--to"}).code == 2);
    CHECK(run_cli({"help"}).out.find("backup (--config FILE | --db FILE) --to OUT") != std::string::npos);
}

TEST_CASE("healthcheck exits 0 on a 200 and 1 otherwise") {
    advocacy::server::ServerOptions o;
    o.port = 0;
    o.shutdown_grace = 5s;
    advocacy::server::Router routes;
    routes.add("GET", "/healthz", [](const auto&) { return advocacy::server::HttpResponse::json(200, "{}"); });
    routes.add("GET", "/sick", [](const auto&) { return advocacy::server::HttpResponse::json(503, "{}"); });
    advocacy::server::HttpServer server(o, routes);
    const auto base = "http://127.0.0.1:" + std::to_string(server.start());

    const auto ok = run_cli({"healthcheck", "--url", base + "/healthz"});
    CHECK(ok.code == 0);
    const auto sick = run_cli({"healthcheck", "--url", base + "/sick"});
    CHECK(sick.code == 1);
    CHECK(sick.err.find("HTTP 503") != std::string::npos);
    server.stop();
    server.wait();
    const auto down = run_cli({"healthcheck", "--url", base + "/healthz"});  // nothing listens any more
    CHECK(down.code == 1);
    CHECK(run_cli({"healthcheck", "--bogus"}).code == 2);
}
