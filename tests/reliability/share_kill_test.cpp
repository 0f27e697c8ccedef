// kill -9 during a share-confirmation load, 20 times, restarting on the same SQLite file: every "I shared it" that
// got a 200 is in the database, the file passes PRAGMA integrity_check after every kill, and the bot comes back ready.
// The seed is printed (and can be forced with ADVOCACY_CRASH_SEED) so a failing schedule can be replayed.
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <random>
#include <set>
#include <vector>

#include "tests/reliability/crash_harness.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::crash_test;

namespace {

constexpr int kUsers = 400;
constexpr int kContents = 50;  // kUsers x kContents = 20,000 distinct (user, item) pairs, each clicked at most once:
                                // 20 runs of up to 300 ms never use them up, even at several thousand clicks/s
constexpr int kKills = 20;
constexpr int kClients = 4;

unsigned crash_seed() {
    if (const char* s = std::getenv("ADVOCACY_CRASH_SEED")) return static_cast<unsigned>(std::strtoul(s, nullptr, 10));
    return std::random_device{}();
}

struct Pair {
    std::string user;
    std::int64_t content;
};

// Clients that click "I shared it" on distinct pairs until the bot stops answering; records the ones acked 200.
class ShareLoad {
public:
    ShareLoad(std::uint16_t port, const testing::FakeSlack& fake, const std::vector<Pair>& pairs,
              std::atomic<std::size_t>& next)
        : port_(port), fake_(fake), pairs_(pairs), next_(next) {
        for (int i = 0; i < kClients; ++i) threads_.emplace_back([this] { run(); });
    }
    ~ShareLoad() { join(); }

    void join() {
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    std::vector<std::size_t> acked() const {
        std::lock_guard lock(mutex_);
        return acked_;
    }
    std::size_t sent() const { return sent_; }
    std::size_t refused() const { return refused_; }  // another status than 200 while the bot was up

private:
    void run() {
        for (std::size_t i = next_++; i < pairs_.size(); i = next_++) {
            ++sent_;
            const int status = click_shared(port_, fake_, pairs_[i].user, pairs_[i].content);
            if (status == 0) return;  // killed: this request may or may not have been committed
            if (status != 200) {
                ++refused_;
                continue;
            }
            std::lock_guard lock(mutex_);
            acked_.push_back(i);
        }
    }

    std::uint16_t port_;
    const testing::FakeSlack& fake_;
    const std::vector<Pair>& pairs_;
    std::atomic<std::size_t>& next_;
    mutable std::mutex mutex_;
    std::vector<std::size_t> acked_;
    std::atomic<std::size_t> sent_{0}, refused_{0};
    std::vector<std::thread> threads_;
};

}  // namespace

TEST_CASE("kill -9 under share load: every acknowledged share survives, the file stays intact, the bot restarts") {
    const unsigned seed = crash_seed();
    std::cout << "share_kill: seed " << seed << " (replay with ADVOCACY_CRASH_SEED=" << seed << ")\n";
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delay_ms(20, 300);

    testing::FakeSlack fake;
    testing::TempDir dir;
    const auto db = dir.file("crash.db");
    const auto first_content = seed_program(db, kUsers, kContents);
    std::vector<Pair> pairs;
    for (int c = 0; c < kContents; ++c)
        for (int u = 0; u < kUsers; ++u) pairs.push_back({user_name(u), first_content + c});

    const auto port = slack_test::free_port();
    const auto cfg = dir.file("crash.toml");
    std::ofstream(cfg) << crash_config(port, fake.api_base(), db);

    std::atomic<std::size_t> next{0};
    std::set<std::size_t> acked;
    std::size_t sent = 0;
    std::chrono::milliseconds slowest_ready{0};
    const auto started = SteadyClock::now();
    for (int run = 0; run < kKills; ++run) {
        INFO("run " << run << ", seed " << seed);
        Bot bot(cfg, dir.path(), run);
        const auto t0 = SteadyClock::now();
        REQUIRE(bot.wait_ready(port));
        slowest_ready = std::max(slowest_ready, std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t0));
        {
            ShareLoad load(port, fake, pairs, next);
            // The kill moment: a seeded random delay into the load (this is the schedule, not a wait for an outcome).
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
            bot.kill9();
            load.join();
            for (auto i : load.acked()) acked.insert(i);
            sent += load.sent();
            CHECK(load.refused() == 0);
        }
        REQUIRE(next < pairs.size());  // the pairs lasted: every click was a new share
        CHECK(integrity_check(db) == "ok");
    }

    // The last restart: ready again, and every acknowledged share is on disk.
    Bot bot(cfg, dir.path(), kKills);
    REQUIRE(bot.wait_ready(port));
    std::set<std::pair<std::string, std::int64_t>> stored;
    {
        SQLite::Database file(db.string(), SQLite::OPEN_READONLY);
        file.setBusyTimeout(5000);
        SQLite::Statement q(file, "SELECT u.platform_user_id, i.content_id FROM interactions i "
                                  "JOIN users u ON u.id = i.user_id WHERE i.kind = 'shared'");
        while (q.executeStep()) stored.emplace(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    }
    std::size_t missing = 0;
    for (auto i : acked) missing += stored.contains({pairs[i].user, pairs[i].content}) ? 0 : 1;
    const auto ledger = scalar(db, "SELECT count(*) FROM points_ledger");
    std::cout << "share_kill: " << kKills << " kills, " << sent << " clicks sent, " << acked.size() << " acked 200, "
              << stored.size() << " share rows, " << missing << " acked but missing, " << ledger
              << " ledger rows, slowest restart to ready " << slowest_ready.count() << " ms, total "
              << std::chrono::duration_cast<std::chrono::seconds>(SteadyClock::now() - started).count() << " s\n";
    CHECK(acked.size() >= static_cast<std::size_t>(kKills));  // the load really ran: not a vacuous pass
    CHECK(missing == 0);
    // Rows beyond the acks are clicks the bot committed but was killed before answering: at most one per client
    // per kill.
    CHECK(stored.size() >= acked.size());
    CHECK(stored.size() <= acked.size() + static_cast<std::size_t>(kKills * kClients));
    CHECK(ledger == static_cast<std::int64_t>(stored.size()));  // a share and its points commit together or not at all

    ::kill(bot.process.pid, SIGTERM);
    CHECK(bot.wait_exit() == 0);
    CHECK(integrity_check(db) == "ok");
}
