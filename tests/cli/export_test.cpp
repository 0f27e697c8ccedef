// `advocacy-bot export` through the command line, in-process, against a real database file (and once as a real
// subprocess while another connection writes).
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bot/cli/cli.hpp"
#include "storage/database.hpp"
#include "tests/support/temp_dir.hpp"

using advocacy::testing::TempDir;

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

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A bot database in Europe/Paris with three shares around the local day 2026-03-29 (a 23-hour day: summer time
// starts at 02:00), and the config file naming it.
struct Deployment {
    TempDir dir;
    std::string config = dir.file("bot.toml").string();
    std::string db_file = dir.file("bot.db").string();

    Deployment() {
        auto db = advocacy::storage::Database::open(db_file);
        db->write([](advocacy::storage::Connection& c) {
            c.raw().exec(R"sql(
INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1');
INSERT INTO users (id, workspace_id, platform_user_id, display_name, created_at) VALUES (1, 1, 'U1', 'Ann', 0);
INSERT INTO campaigns (id, workspace_id, name, slug, created_at) VALUES (1, 1, 'Spring', 'spring', 0);
INSERT INTO contents (id, campaign_id, title, url, created_at) VALUES (1, 1, 'a', 'https://e.x/a', 0),
    (2, 1, 'b', 'https://e.x/b', 0), (3, 1, 'c', 'https://e.x/c', 0);
-- 2026-03-28T23:00:00Z = 29 March 00:00 in Paris (UTC+1): the first second of the local day.
INSERT INTO interactions (user_id, content_id, kind, at) VALUES (1, 1, 'shared', 1774738800);
-- 2026-03-29T21:59:59Z = 23:59:59 in Paris (UTC+2 since 02:00): the last second of it.
INSERT INTO interactions (user_id, content_id, kind, at) VALUES (1, 2, 'shared', 1774821599);
-- 2026-03-29T22:00:00Z = 30 March 00:00 in Paris: the next day.
INSERT INTO interactions (user_id, content_id, kind, at) VALUES (1, 3, 'shared', 1774821600);
)sql");
        });
        std::ofstream(config) << "[storage]\ndatabase = \"bot.db\"\n\n[program]\ntime_zone = \"Europe/Paris\"\n";
    }
};

std::size_t line_count(const std::string& csv) {
    std::size_t n = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++n;
    return n;
}

}  // namespace

TEST_CASE("export writes the local days asked for, both inclusive, in the program time zone") {
    Deployment d;
    const auto out = d.dir.file("shares.csv").string();
    const auto r = run_cli({"export", "--config", d.config, "--kind", "shares", "--from", "2026-03-29", "--to",
                            "2026-03-29", "--out", out});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto csv = read(out);
    CHECK(line_count(csv) == 3);  // header + the two shares of that Paris day
    CHECK(csv.find(",2026-03-28T23:00:00Z,slack,T1,U1,Ann,,1,Spring,1,a,https://e.x/a,,") != std::string::npos);
    CHECK(csv.find(",2026-03-29T21:59:59Z,") != std::string::npos);
    CHECK(csv.find("2026-03-29T22:00:00Z") == std::string::npos);
    CHECK(r.err.find("export: 2 shares from 2026-03-29 to 2026-03-29 (Europe/Paris)") != std::string::npos);
    CHECK(r.out.empty());
    // Nothing else left in the directory (no temporary file).
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(d.dir.path()))
        files += entry.path().filename().string().find(".partial-") != std::string::npos;
    CHECK(files == 0);

    const auto two_days = run_cli({"export", "--config", d.config, "--kind", "shares", "--from", "2026-03-29",
                                   "--to", "2026-03-30", "--out", "-"});
    CHECK(two_days.code == 0);
    CHECK(line_count(two_days.out) == 4);  // CSV on standard output
}

TEST_CASE("export refuses to replace a file unless --force, and leaves it as it was") {
    Deployment d;
    const auto out = d.dir.file("existing.csv");
    std::ofstream(out) << "keep me";
    const std::vector<std::string_view> base{"export", "--config", d.config, "--kind", "interactions", "--from",
                                             "2026-03-01", "--to", "2026-03-31", "--out"};
    auto args = base;
    const auto out_text = out.string();
    args.push_back(out_text);
    const auto refused = run_cli(args);
    CHECK(refused.code == 1);
    CHECK(refused.err.find("already exists (use --force to replace it)") != std::string::npos);
    CHECK(read(out) == "keep me");

    args.push_back("--force");
    const auto forced = run_cli(args);
    INFO(forced.err);
    CHECK(forced.code == 0);
    CHECK(line_count(read(out)) == 4);
}

TEST_CASE("export argument errors exit 2 with the usage") {
    Deployment d;
    const auto out = d.dir.file("x.csv").string();
    const auto usage_error = [&](std::vector<std::string_view> args, const std::string& message) {
        const auto r = run_cli(args);
        INFO(r.err);
        CHECK(r.code == 2);
        CHECK(r.err.find(message) != std::string::npos);
        CHECK(r.err.find("usage: advocacy-bot export") != std::string::npos);
    };
    usage_error({"export"}, "missing --config");
    usage_error({"export", "--config", d.config, "--kind", "shares", "--from", "2026-03-01", "--to", "2026-03-02"},
                "missing --out");
    usage_error({"export", "--config", d.config, "--kind", "likes", "--from", "2026-03-01", "--to", "2026-03-02",
                 "--out", out},
                "unknown kind 'likes'");
    usage_error({"export", "--config", d.config, "--kind", "shares", "--from", "2026-02-30", "--to", "2026-03-02",
                 "--out", out},
                "--from '2026-02-30' is not a date");
    usage_error({"export", "--config", d.config, "--kind", "shares", "--from", "2026-03-03", "--to", "2026-03-02",
                 "--out", out},
                "--from 2026-03-03 is after --to 2026-03-02");
    usage_error({"export", "--config", d.config, "--kind", "shares", "--kind", "deliveries"}, "--kind given twice");
    usage_error({"export", "--config", d.config, "--bogus"}, "unexpected '--bogus'");
    usage_error({"export", "--config"}, "--config needs a value");
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("export never creates a database, and reports a bad config") {
    TempDir dir;
    std::ofstream(dir.file("bot.toml")) << "[storage]\ndatabase = \"missing.db\"\n";
    const auto out = dir.file("x.csv").string();
    const auto r = run_cli({"export", "--config", dir.file("bot.toml").string(), "--kind", "shares", "--from",
                            "2026-03-01", "--to", "2026-03-02", "--out", out});
    CHECK(r.code == 1);
    CHECK(r.err.find("does not exist") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
    CHECK_FALSE(std::filesystem::exists(out));

    std::ofstream(dir.file("bad.toml")) << "[storage]\ndatabase = 3\n";
    const auto bad = run_cli({"export", "--config", dir.file("bad.toml").string(), "--kind", "shares", "--from",
                              "2026-03-01", "--to", "2026-03-02", "--out", out});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.toml:2:") != std::string::npos);
}

TEST_CASE("export is listed in help") {
    const auto r = run_cli({"help"});
    CHECK(r.out.find("export --config FILE --kind shares|deliveries|interactions") != std::string::npos);
}

TEST_CASE("the real binary exports while another connection holds a write transaction open") {
    Deployment d;
    // A writer in the middle of a transaction (as the running bot may be): WAL readers do not wait for it.
    SQLite::Database writer(d.db_file, SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("INSERT INTO interactions (user_id, content_id, kind, at) VALUES (1, 1, 'why_asked', 1774738801)");
    const auto out = d.dir.file("live.csv").string();
    const std::string bin = ADVOCACY_BOT_BINARY;
    const auto status = std::system((bin + " export --config " + d.config + " --kind interactions --from 2026-03-29 "
                                     "--to 2026-03-29 --out " + out + " 2>" + d.dir.file("err").string())
                                        .c_str());
    writer.exec("COMMIT");
    INFO(read(d.dir.file("err")));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(line_count(read(out)) == 3);  // the uncommitted why is not in the snapshot
}
