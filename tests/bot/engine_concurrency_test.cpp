// The engine's thread-safety contract: handle(), follow_link() and tick() from several threads at once.
#include <catch2/catch.hpp>

#include <thread>

#include "storage/leaderboard.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

TEST_CASE("engine concurrency: parallel clicks and ticks record one share and send one push per user") {
    Harness h(utc(2026, 10, 26, 7));
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    add_content(h, campaign, "https://example.com/x title=\"T\" why=\"w\" text=\"t\"");
    std::vector<Person> people;
    for (int i = 0; i < 4; ++i) {
        people.push_back({"u" + std::to_string(i), "User " + std::to_string(i), "en-US", "Europe/Paris"});
        h.text(people.back(), "hi");
    }
    h.clock.set(utc(2026, 10, 26, 9));  // everyone is due

    std::vector<std::thread> threads;
    for (const auto& p : people) {
        threads.emplace_back([&h, p] {
            for (int i = 0; i < 10; ++i) h.click(p, "advocacy_shared", "1");
        });
    }
    threads.emplace_back([&h] {
        for (int i = 0; i < 10; ++i) h.tick();
    });
    for (auto& t : threads) t.join();

    storage::Leaderboard board(*h.db);
    CHECK(board.campaign_stats(campaign, sys_seconds{}, utc(2026, 11, 1)).shared == 4);
    for (const auto& row : board.week_points(1, "2026-W44")) CHECK(row.points == 10);
    int pushes = 0;
    for (const auto& s : h.outbox.sent) pushes += s.message.kind == MessageKind::content;
    CHECK(pushes == 5);  // the admin and the four users, once each
}
