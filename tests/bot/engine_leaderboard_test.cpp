// The weekly leaderboard: ranks with ties, opt-out, participation, team standings, posting once a week.
#include <catch2/catch.hpp>

#include "bot/engine/messages/leaderboard_message.hpp"
#include "bot/log/log.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};
const Person kChloe{"chloe", "Chloé", "fr-FR", "Europe/Paris"};
const Person kDavid{"david", "David", "en-US", "America/New_York"};
const Person kEmma{"emma", "Emma", "en-US", "Europe/Paris"};

// Points 5 per share; Alice 10, Bruno 10, Chloé 5, David 15 (opted out), Emma nothing. Teams: Sales, Ops.
struct BoardFixture {
    Harness h;
    explicit BoardFixture(int board_size = 10) : h(utc(2026, 10, 28, 9), [board_size] {
        auto c = test_config();
        c.program.points.shared = 5;
        c.program.leaderboard_size = board_size;
        return c;
    }()) {
        const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
        for (int i = 0; i < 3; ++i) add_content(h, campaign, "https://example.com/" + std::to_string(i) + " title=\"T\" why=\"w\" text=\"t\"");
        for (const auto& p : {kAlice, kBruno, kChloe, kDavid, kEmma}) h.text(p, "hi");
        h.command(kAdmin, "group set @alice Sales");
        h.command(kAdmin, "group set @bruno Ops");
        h.command(kAdmin, "group set @chloe Sales");
        h.command(kDavid, "optout");
        for (auto [p, n] : {std::pair{kAlice, 2}, {kBruno, 2}, {kChloe, 1}, {kDavid, 3}})
            for (int i = 1; i <= n; ++i) h.click(p, "advocacy_shared", std::to_string(i));
    }
};

}  // namespace

TEST_CASE("engine leaderboard: ties share a rank, opted-out users are not named but counted, teams shown") {
    BoardFixture f;
    const std::string board = answer(f.h.command(kEmma, "leaderboard"));
    CHECK(board.find("This week's advocates (2026-W44)") != std::string::npos);
    CHECK(board.find("1. Alice - 10 points, 2 shared\n1. Bruno - 10 points, 2 shared\n3. Chloé - 5 points, 1 shared") !=
          std::string::npos);
    CHECK(board.find("David") == std::string::npos);
    CHECK(board.find("Emma") == std::string::npos);   // never names who did not share
    CHECK(board.find("4 of 6 colleagues shared this week.") != std::string::npos);  // admin + 5
    CHECK(board.find("Team standings:\nSales - 15 points (2 of 2 shared)\nOps - 10 points (1 of 1 shared)") !=
          std::string::npos);
    CHECK(board.find("@") == std::string::npos);
    // In French for a French speaker.
    CHECK(answer(f.h.command(kBruno, "leaderboard")).find("4 collègues sur 6 ont partagé cette semaine.") !=
          std::string::npos);
}

TEST_CASE("engine leaderboard: a tie across the board size is one counted line, not a list") {
    BoardFixture f(1);  // Alice and Bruno tie at 10 for the single place
    const std::string board = answer(f.h.command(kEmma, "leaderboard"));
    const bool alice = board.find("1. Alice - 10 points") != std::string::npos;
    const bool bruno = board.find("1. Bruno - 10 points") != std::string::npos;
    CHECK(alice != bruno);  // one of them named...
    CHECK(board.find("...and 1 more colleague with 10 points") != std::string::npos);  // ...the other counted
    CHECK(board.find("Chloé") == std::string::npos);
    CHECK(answer(BoardFixture(10).h.command(kEmma, "leaderboard")).find("...and") == std::string::npos);
}

TEST_CASE("engine leaderboard: only the top N ranks are shown") {
    std::vector<storage::LeaderboardRow> rows{
        {1, "A", "", false, 30, 3}, {2, "B", "", false, 20, 2}, {3, "C", "", false, 20, 2}, {4, "D", "", false, 10, 1}};
    const auto top2 = engine::rank_visible(rows, 2);
    REQUIRE(top2.size() == 3);  // B and C tie at rank 2
    CHECK(top2[2].rank == 2);
    const auto top1 = engine::rank_visible(rows, 1);
    CHECK(top1.size() == 1);
}

TEST_CASE("engine leaderboard: a kind message when nobody shared yet") {
    Harness h;
    h.text(kAlice, "hi");
    const std::string board = answer(h.command(kAlice, "leaderboard"));
    CHECK(board.find("No shares yet this week - the first one could be yours!") != std::string::npos);
    CHECK(board.find("Alice") == std::string::npos);
}

TEST_CASE("engine leaderboard: posted once on Friday 16:00 program time, and by `leaderboard post`") {
    BoardFixture f;  // Wednesday 2026-10-28
    f.h.outbox.take();
    auto posts = [&] {
        int n = 0;
        for (const auto& s : f.h.outbox.sent)
            if (s.message.kind == MessageKind::leaderboard) {
                ++n;
                CHECK(s.to.conversation_id == "advocacy");
                CHECK_FALSE(s.to.is_direct);
            }
        return n;
    };
    f.h.run_until(utc(2026, 10, 30, 14, 55));  // Friday 15:55 in Paris (UTC+1 after the DST change)
    CHECK(posts() == 0);
    f.h.run_until(utc(2026, 10, 30, 15, 5));
    CHECK(posts() == 1);
    f.h.run_until(utc(2026, 11, 1, 12));  // the rest of the week: nothing more
    CHECK(posts() == 1);

    const Reply r = f.h.command(kAdmin, "leaderboard post");
    REQUIRE(r.notifications.size() == 1);
    CHECK(r.notifications[0].to.conversation_id == "advocacy");
    CHECK(r.notifications[0].message.kind == MessageKind::leaderboard);
    CHECK(answer(f.h.command(kAlice, "leaderboard post")).find("Sorry") != std::string::npos);
}

TEST_CASE("engine leaderboard: a bot down at board time posts when back the same week, not the next one") {
    Harness h(utc(2026, 10, 28, 9));
    h.text(kAlice, "hi");
    h.clock.set(utc(2026, 10, 31, 10));  // down on Friday, back on Saturday
    h.tick();
    int posts = 0;
    for (const auto& s : h.outbox.sent) posts += s.message.kind == MessageKind::leaderboard;
    CHECK(posts == 1);
    h.clock.set(utc(2026, 11, 2, 10));  // Monday of the next week: not yet
    h.tick();
    posts = 0;
    for (const auto& s : h.outbox.sent) posts += s.message.kind == MessageKind::leaderboard;
    CHECK(posts == 1);
}

TEST_CASE("engine leaderboard: no post when the platform has no leaderboard channel") {
    config::Config cfg = test_config();
    Harness h(utc(2026, 10, 30, 16), cfg);
    Person slack_user{"U1", "Sam"};
    Event e{identity(slack_user), Conversation{Platform::slack, "T1", "D1", true}, TextMessage{"hi"}};
    e.user.platform = Platform::slack;
    e.user.workspace_id = "T1";
    h.engine->handle(e);
    h.tick();
    for (const auto& s : h.outbox.sent) CHECK(s.to.platform != Platform::slack);
}

TEST_CASE("engine leaderboard: a failed post is retried a few times by the running bot, then left") {
    Harness h(utc(2026, 10, 30, 14));
    h.text(kAlice, "hi");
    h.outbox.failing = true;
    log::set_min_level(log::Level::error);  // the expected "leaderboard not posted" warnings
    h.run_until(utc(2026, 10, 30, 15, 10));
    log::set_min_level(log::Level::info);  // 16:00 Paris passes; failed attempts at 16:00, 16:05, 16:10
    const int failed_so_far = h.outbox.attempts;
    CHECK(failed_so_far == 3);
    h.outbox.failing = false;
    h.run_until(utc(2026, 10, 30, 16));
    int posts = 0;
    for (const auto& s : h.outbox.sent) posts += s.message.kind == MessageKind::leaderboard;
    CHECK(posts == 1);
    // A restart the same week does not post again.
    h.restart();
    h.run_until(utc(2026, 10, 30, 17));
    posts = 0;
    for (const auto& s : h.outbox.sent) posts += s.message.kind == MessageKind::leaderboard;
    CHECK(posts == 1);
}
