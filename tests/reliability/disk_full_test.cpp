// A full disk under the real bot, on a small tmpfs mounted by the test (needs root with CAP_SYS_ADMIN; without it
// the test says why and skips): /readyz says not ready, a share click is answered "could not be saved" (never
// "recorded"), what was committed stays, and everything recovers once space is back.
#include <iostream>

#include "tests/reliability/storage_faults.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::crash_test;

TEST_CASE("a full disk: not ready, shares refused with a clear message, nothing lost, recovery when space returns") {
    testing::TempDir dir;
    SmallDisk disk(dir.file("disk"));
    if (!disk.mounted()) {
        WARN("skipped: " << disk.why_not());
        return;
    }
    testing::FakeSlack fake;
    const auto db = disk.file("bot.db");
    const auto first = seed_program(db, 3, 3);
    const auto port = slack_test::free_port();
    const auto cfg = dir.file("bot.toml");  // config and logs off the small disk
    std::ofstream(cfg) << crash_config(port, fake.api_base(), db);
    Bot bot(cfg, dir.path(), 0);
    REQUIRE(bot.wait_ready(port));
    // The first tick's push to the three users is done before the disk fills (it is not what is tested here).
    REQUIRE(fake.wait_for_count("chat.postMessage", 3));
    const auto pushed_deadline = SteadyClock::now() + std::chrono::seconds(15);
    while (scalar(db, "SELECT count(*) FROM deliveries WHERE state = 'sent'") < 3) {
        REQUIRE(SteadyClock::now() < pushed_deadline);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // poll interval, bounded by the deadline
    }

    // Committed before the disk fills: U00000 shared item 1, U00001 is known (clicked once).
    auto mark = fake.calls().size();
    REQUIRE(click_shared(port, fake, "U00000", first) == 200);
    REQUIRE(bot_said(fake, mark, kRecorded));
    REQUIRE(click_shared(port, fake, "U00001", first) == 200);
    // Its card update is a follow-up sent after the ack: wait for it, so it is not counted after the disk fills.
    REQUIRE(bot_said(fake, mark, kRecorded, 2));
    REQUIRE(scalar(db, "SELECT count(*) FROM interactions WHERE kind = 'shared'") == 2);

    const auto filled = disk.fill("filler");
    std::cout << "disk_full: tmpfs " << kTmpfsSize << ", filler " << filled << " bytes\n";
    std::string body;
    CHECK(wait_readyz(port, 503, &body));
    CHECK(body.find(R"("database":"failing")") != std::string::npos);

    // A share now: answered (Slack needs its 200), with "could not be saved" on the card and nothing recorded.
    mark = fake.calls().size();
    CHECK(click_shared(port, fake, "U00000", first + 1) == 200);
    CHECK(bot_said(fake, mark, kNotSaved));
    // A user the bot must first write down (U00002's profile differs from the seed): the same clear answer.
    CHECK(click_shared(port, fake, "U00002", first + 1) == 200);
    CHECK(bot_said(fake, mark, kNotSaved, 2));
    CHECK(said_count(fake, mark, kRecorded) == 0);
    CHECK(scalar(db, "SELECT count(*) FROM interactions WHERE kind = 'shared'") == 2);  // the committed ones stay
    CHECK(bot.process.exit_code.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);  // still up

    // Space returns: ready again, and the same click is recorded.
    std::filesystem::remove(disk.file("filler"));
    CHECK(wait_readyz(port, 200, &body));
    mark = fake.calls().size();
    CHECK(click_shared(port, fake, "U00000", first + 1) == 200);
    CHECK(bot_said(fake, mark, kRecorded));
    CHECK(scalar(db, "SELECT count(*) FROM interactions WHERE kind = 'shared'") == 3);

    ::kill(bot.process.pid, SIGTERM);
    CHECK(bot.wait_exit() == 0);
    CHECK(integrity_check(db) == "ok");
}
