// kill -9 twice during the daily push to 2,000 users, then a restart that finishes it: every user ends with the
// card, and the duplicates are at most the pushes in flight at each kill (the fan-out's window, set by
// [slack] max_in_flight_per_method).
// Why not exactly once: see tests/RELIABILITY.md.
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>

#include "adapters/slack/outbox.hpp"
#include "tests/reliability/crash_harness.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::crash_test;

namespace {

constexpr int kUsers = 2000;
// [slack] max_in_flight_per_method for this test: a window of fan_out_window(16) = 32 DMs, well below the posts
// made before the first kill (at least 100), so the bound below can be exceeded if the window leaks.
constexpr std::size_t kPerMethod = 16;

unsigned crash_seed() {
    if (const char* s = std::getenv("ADVOCACY_CRASH_SEED")) return static_cast<unsigned>(std::strtoul(s, nullptr, 10));
    return std::random_device{}();
}

std::size_t post_messages(const std::vector<testing::RecordedCall>& calls) {
    std::size_t n = 0;
    for (const auto& c : calls) n += c.method == "chat.postMessage";
    return n;
}

// Per kill: the cards posted again after it, i.e. cards of the run it ended that the restart sent a second time.
// `ends` are the counts of chat.postMessage calls the fake had recorded when the run after each kill was ready: a
// post the killed process finished sending just before it died may be recorded by the fake a moment after the kill,
// so counting at the kill would give it to the next run (and a duplicate of it would go uncounted).
std::vector<std::size_t> duplicates_per_kill(const testing::FakeSlack& fake, const std::vector<std::size_t>& ends,
                                             std::map<std::string, int>& cards) {
    std::vector<std::size_t> out(ends.size(), 0);
    std::map<std::string, std::size_t> last_run;  // channel -> run of its latest card
    std::size_t index = 0;
    for (const auto& c : fake.calls("chat.postMessage")) {
        std::size_t run = 0;
        while (run < ends.size() && index >= ends[run]) ++run;
        ++index;
        if (c.status != 200 || slack_test::text_of(c).find("advocacy_shared") == std::string::npos) continue;
        const std::string channel(c.args.at("channel").as_string());
        if (++cards[channel] > 1 && last_run[channel] < ends.size()) ++out[last_run[channel]];
        last_run[channel] = run;
    }
    return out;
}

}  // namespace

TEST_CASE("kill -9 during the daily push to 2,000 users: everyone gets the card, duplicates stay within the bound") {
    const unsigned seed = crash_seed();
    std::cout << "push_kill: seed " << seed << " (replay with ADVOCACY_CRASH_SEED=" << seed << ")\n";
    std::mt19937 rng(seed);

    testing::FakeSlack fake;
    testing::TempDir dir;
    const auto db = dir.file("push.db");
    seed_program(db, kUsers, 1);
    const auto port = slack_test::free_port();
    const auto cfg = dir.file("push.toml");
    std::ofstream(cfg) << crash_config(port, fake.api_base(), db,
                                       "max_in_flight_per_method = " + std::to_string(kPerMethod) + "\n");

    // Kill points, in chat.postMessage calls seen by the fake: one early in the fan-out, one later.
    const std::size_t first_kill = std::uniform_int_distribution<std::size_t>(100, 700)(rng);
    const std::size_t second_kill = std::uniform_int_distribution<std::size_t>(first_kill + 300, 1600)(rng);
    std::vector<std::size_t> at_kill;   // posts recorded right after each kill (for the report)
    std::vector<std::size_t> run_ends;  // posts recorded when the next run was ready (see duplicates_per_kill)
    int run = 0;
    for (const std::size_t kill_at : {first_kill, second_kill}) {
        INFO("kill at " << kill_at << " posts, seed " << seed);
        Bot bot(cfg, dir.path(), run++);
        REQUIRE(bot.wait_ready(port));
        if (run > 1) run_ends.push_back(post_messages(fake.calls()));
        REQUIRE(fake.wait_for([&](const auto& calls) { return post_messages(calls) >= kill_at; }, std::chrono::seconds(90)));
        bot.kill9();
        at_kill.push_back(post_messages(fake.calls()));
        CHECK(integrity_check(db) == "ok");
    }

    // The restart finishes the push: every delivery sent, one card per user at least.
    Bot bot(cfg, dir.path(), run);
    REQUIRE(bot.wait_ready(port));
    run_ends.push_back(post_messages(fake.calls()));
    const auto deadline = SteadyClock::now() + std::chrono::seconds(120);
    while (scalar(db, "SELECT count(*) FROM deliveries WHERE state = 'sent'") < kUsers) {
        REQUIRE(SteadyClock::now() < deadline);
        REQUIRE(bot.process.exit_code.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout);
    }
    ::kill(bot.process.pid, SIGTERM);
    REQUIRE(bot.wait_exit() == 0);

    std::map<std::string, int> cards;
    const auto per_kill = duplicates_per_kill(fake, run_ends, cards);
    std::size_t reached = 0, duplicates = 0;
    for (int u = 0; u < kUsers; ++u) {
        const auto it = cards.find("D" + user_name(u));
        if (it == cards.end()) continue;
        ++reached;
        duplicates += static_cast<std::size_t>(it->second - 1);
    }
    // The bound: a card is sent, then its delivery is marked sent; a kill between the two loses the mark, and the
    // restart sends that card again. A push stays in the fan-out's window until its outcome is committed, so at
    // most the window's pushes are between the two at any moment.
    const std::size_t in_flight = slack::fan_out_window(kPerMethod);
    const std::size_t bound = at_kill.size() * in_flight;
    std::cout << "push_kill: " << kUsers << " users, kills after " << at_kill[0] << " and " << at_kill[1]
              << " posts, " << post_messages(fake.calls()) << " posts in all, " << reached << " users reached, "
              << duplicates << " duplicates (" << per_kill[0] << " after kill 1, " << per_kill[1]
              << " after kill 2; bound " << in_flight << " per kill = the fan-out window, " << bound << " in all)\n";
    CHECK(reached == static_cast<std::size_t>(kUsers));
    CHECK(duplicates <= bound);
    for (const auto d : per_kill) CHECK(d <= in_flight);
    CHECK(per_kill[0] + per_kill[1] == duplicates);  // every duplicate comes from a kill, none from a normal run
    CHECK(scalar(db, "SELECT count(*) FROM deliveries") == kUsers);  // one delivery per user: the plan is durable
    CHECK(scalar(db, "SELECT count(DISTINCT user_id) FROM deliveries WHERE state = 'sent'") == kUsers);
    CHECK(integrity_check(db) == "ok");
}
