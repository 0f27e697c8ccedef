#pragma once
// Crash-and-restart tests: the real `advocacy-bot serve` (Slack HTTP mode, a real SQLite file) against the fake
// Slack Web API, started, killed with SIGKILL and restarted on the same file. Reuses the process harness and the
// request signing of the Slack suites.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "adapters/slack/signature.hpp"
#include "storage/database.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/slack/fake_slack.hpp"
#include "tests/slack/process_harness.hpp"
#include "tests/slack/slack_fixture.hpp"

namespace advocacy::crash_test {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

using testing::get_status;

// A signed POST /slack/events (the timestamp is now: the bot checks it against its real clock). 0: no answer.
inline int post_signed(std::uint16_t port, const std::string& content_type, const std::string& body,
                       std::string* response_body = nullptr) {
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch()).count());
    try {
        testing::RawClient c(port, std::chrono::seconds(10));
        if (!c.send("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: " + content_type +
                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nX-Slack-Request-Timestamp: " + ts +
                    "\r\nX-Slack-Signature: " + slack::compute_signature(slack_test::kSecret, ts, body) + "\r\n\r\n" +
                    body)) {
            return 0;
        }
        const auto r = c.read_response();
        if (!r) return 0;
        if (response_body) *response_body = testing::body_of(*r);
        return testing::status_of(*r);
    } catch (const std::exception&) {
        return 0;  // refused: the bot is down
    }
}

// "I shared it" on content `content_id` by `user`, as Slack posts the block_actions interaction.
inline int click_shared(std::uint16_t port, const testing::FakeSlack& fake, const std::string& user,
                        std::int64_t content_id) {
    const auto payload = slack_test::SlackCore::click(user, "D" + user, "1700000000.000100", "advocacy_shared",
                                                      std::to_string(content_id), fake.response_url("click-" + user));
    return post_signed(port, "application/x-www-form-urlencoded",
                       slack_test::form_body({{"payload", boost::json::serialize(payload)}}));
}

// The program seeded straight into the file (as bench/fanout.sh does): workspace T1, `users` employees U00000..,
// one active campaign with `contents` published items. Returns the first content id (the others follow).
inline std::int64_t seed_program(const std::filesystem::path& db_file, int users, int contents) {
    auto db = storage::Database::open(db_file);  // creates and migrates
    std::int64_t first_content = 0;
    db->write([&](storage::Connection& c) {
        auto& raw = c.raw();
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
        const std::string yesterday = std::to_string(now - 86400);
        raw.exec("INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1')");
        raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(users) +
                 ") INSERT INTO users (workspace_id, platform_user_id, display_name, locale, time_zone, created_at) "
                 "SELECT 1, printf('U%05d', i - 1), 'Person ' || i, 'en-US', 'UTC', " + yesterday + " FROM n");
        raw.exec("INSERT INTO campaigns (id, workspace_id, name, slug, why, created_at) VALUES "
                 "(1, 1, 'Crash', 'crash', 'Crash test', " + yesterday + ")");
        raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(contents) +
                 ") INSERT INTO contents (campaign_id, title, url, why, created_at) "
                 "SELECT 1, 'Item ' || i, 'https://example.com/item/' || i, 'Because', " + yesterday + " FROM n");
        first_content = raw.execAndGet("SELECT min(id) FROM contents").getInt64();
    });
    return first_content;
}

inline std::string user_name(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U%05d", i);
    return buf;
}

// A read-only look at the file (the bot may be running: WAL lets us read beside it).
inline std::int64_t scalar(const std::filesystem::path& db_file, const std::string& sql) {
    SQLite::Database db(db_file.string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(5000);
    return db.execAndGet(sql).getInt64();
}

inline std::string integrity_check(const std::filesystem::path& db_file) {
    SQLite::Database db(db_file.string(), SQLite::OPEN_READWRITE);  // read-write: recovers the WAL like the bot would
    db.setBusyTimeout(5000);
    return db.execAndGet("PRAGMA integrity_check").getString();
}

// One run of `advocacy-bot serve` on a config file; the environment carries the test token and signing secret.
struct Bot {
    Bot(const std::filesystem::path& config, const std::filesystem::path& dir, int run)
        : out(dir / ("serve-" + std::to_string(run) + ".out")), err(dir / ("serve-" + std::to_string(run) + ".err")),
          process({ADVOCACY_BOT_BINARY, "serve", config.string()},
                  {"TEST_SLACK_BOT_TOKEN=xoxb-crash", std::string("TEST_SLACK_SIGNING_SECRET=") + slack_test::kSecret},
                  out, err) {}

    // Polls /readyz until 200; false if the process exits or `timeout` passes first.
    bool wait_ready(std::uint16_t port, std::chrono::milliseconds timeout = 30s) {
        const auto deadline = SteadyClock::now() + timeout;
        while (get_status(port, "/readyz") != 200) {
            if (SteadyClock::now() > deadline) return false;
            if (process.exit_code.wait_for(20ms) != std::future_status::timeout) return false;
        }
        return true;
    }

    // kill -9, and reaps the child (bounded).
    void kill9() {
        ::kill(process.pid, SIGKILL);
        const auto code = process.wait(10s);
        REQUIRE(code);
        CHECK(*code == 128 + SIGKILL);
    }

    // Waits for the exit (after SIGTERM); when it is not 0, the end of the bot's stderr goes into the test's report
    // (a sanitizer report in the child shows up there).
    std::optional<int> wait_exit(std::chrono::seconds timeout = 30s) {
        const auto code = process.wait(timeout);
        if (code != 0) {
            std::ifstream in(err, std::ios::binary);
            std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            // A sanitizer report from its start; else the end of the log.
            std::size_t from = log.find("WARNING: ThreadSanitizer");
            if (from == std::string::npos) from = log.find("ERROR: AddressSanitizer");
            if (from == std::string::npos) from = log.find("runtime error:");
            if (from == std::string::npos) from = log.size() > 6000 ? log.size() - 6000 : 0;
            log = log.substr(from, 8000);
            UNSCOPED_INFO("bot exit " << (code ? std::to_string(*code) : std::string("none")) << "; its stderr:\n"
                                      << log);
        }
        return code;
    }

    std::filesystem::path out, err;
    slack_test::Process process;
};

// The serve config of the Slack suites plus a [program] where every user is due now: push at 00:00 UTC every day,
// no stagger, so the first scheduler tick pushes to everyone whatever the time of day the test runs.
inline std::string crash_config(std::uint16_t port, const std::string& api, const std::filesystem::path& db,
                                const std::string& slack_extra = "") {
    return slack_test::serve_config(port, api, db, false, slack_extra) +
           "[program]\ntime_zone = \"UTC\"\npush_time = \"00:00\"\nworking_days = \"mon-sun\"\n"
           "stagger_window_minutes = 0\n";
}

}  // namespace advocacy::crash_test
