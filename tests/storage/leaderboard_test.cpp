#include <catch2/catch.hpp>

#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {
// A workspace where, in 2026-W48: ann 10 (1 share), bob 10 (1 share, opted out), cat 5 (clicks only), dan nothing;
// ann also shared in W47.
struct Board : Fixture {
    Campaign campaign = add_campaign();
    User ann = add_user("ann", "sales");
    User bob = add_user("bob", "eng");
    User cat = add_user("cat", "sales");
    User dan = add_user("dan");
    Content c1 = add_content(campaign.id, "c1");
    Content c2 = add_content(campaign.id, "c2");

    Board() {
        users.set_leaderboard_opt_out(bob.id, true);
        interactions.record_share(ann.id, c1.id, std::nullopt, points(10, "2026-W48"), at(1000));
        interactions.record_share(ann.id, c2.id, std::nullopt, points(10, "2026-W47"), at(500));
        interactions.record_share(bob.id, c1.id, std::nullopt, points(10, "2026-W48"), at(1000));
        auto d = deliver(c2, cat, day(2026, 11, 25), "cat");
        const auto post = *deliveries.resolve_token("r-cat");
        for (int i = 0; i < 5; ++i) interactions.record_click(post, points(1, "2026-W48"), 20, at(2000 + i));
        (void)d;
    }
};
}  // namespace

TEST_CASE("week_points: everyone with points, highest first, ties by name, opted-out flagged") {
    Board b;
    auto rows = b.board.week_points(b.workspace, "2026-W48");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].display_name == "ann");
    CHECK(rows[0].points == 10);
    CHECK(rows[0].shares == 1);
    CHECK(rows[0].group == "sales");
    CHECK_FALSE(rows[0].opted_out);
    CHECK(rows[1].display_name == "bob");
    CHECK(rows[1].opted_out);
    CHECK(rows[2].display_name == "cat");
    CHECK(rows[2].points == 5);
    CHECK(rows[2].shares == 0);
    CHECK(b.board.week_points(b.workspace, "2026-W40").empty());
    CHECK(b.board.week_points(b.users.ensure_workspace("teams", "x"), "2026-W48").empty());
}

TEST_CASE("group_points: every group with its points and members") {
    Board b;
    auto groups = b.board.group_points(b.workspace, "2026-W48");
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].group == "sales");
    CHECK(groups[0].points == 15);
    CHECK(groups[0].active_members == 2);
    CHECK(groups[0].members == 2);
    CHECK(groups[1].group == "eng");
    CHECK(groups[1].points == 10);
    CHECK(groups[1].active_members == 1);
    CHECK(groups[1].members == 1);

    auto quiet = b.board.group_points(b.workspace, "2026-W40");
    REQUIRE(quiet.size() == 2);
    CHECK(quiet[0].group == "eng");  // 0 = 0: by name
    CHECK(quiet[0].points == 0);
    CHECK(quiet[0].active_members == 0);
}

TEST_CASE("week_top: at most N users shown, opted-out left out, the rest of a boundary tie counted") {
    Board b;
    auto one = b.board.week_top(b.workspace, "2026-W48", 1);
    REQUIRE(one.rows.size() == 1);
    CHECK(one.rows[0].display_name == "ann");  // bob (10, opted out) is not shown and takes no place
    CHECK(one.more_tied == 0);
    auto two = b.board.week_top(b.workspace, "2026-W48", 2);
    REQUIRE(two.rows.size() == 2);
    CHECK(two.rows[1].display_name == "cat");
    CHECK(b.board.week_top(b.workspace, "2026-W48", 10).rows.size() == 2);
    CHECK(b.board.week_top(b.workspace, "2026-W40", 10).rows.empty());

    // eve and fay tie with cat at 5 points: a board of 2 lists ann and one of them, and counts the other two.
    for (const std::string name : {"eve", "fay"}) {
        const auto u = b.add_user(name, "eng");
        b.deliver(b.c1, u, day(2026, 11, 25), name);
        const auto post = *b.deliveries.resolve_token("r-" + name);
        for (int i = 0; i < 5; ++i) b.interactions.record_click(post, b.points(1, "2026-W48"), 20, at(3000 + i));
    }
    auto tied = b.board.week_top(b.workspace, "2026-W48", 2);
    REQUIRE(tied.rows.size() == 2);
    CHECK(tied.rows[1].points == 5);
    CHECK(tied.more_tied == 2);
    CHECK(b.board.week_top(b.workspace, "2026-W48", 4).more_tied == 0);
}

TEST_CASE("week_scores follow the ledger: every week's per-user sums, after inserts and a user's erasure") {
    Board b;
    // Both directions: no ledger sum missing from week_scores, no stray week_scores row.
    const auto sums_match = [&] {
        const std::string ledger =
            "SELECT workspace_id, week, user_id, SUM(points), SUM(reason = 'share') FROM points_ledger GROUP BY 1, 2, 3";
        const std::string scores =
            "SELECT workspace_id, week, user_id, points, shares FROM week_scores WHERE points <> 0 OR shares <> 0";
        return scalar(*b.db, "SELECT COUNT(*) FROM (" + ledger + " EXCEPT " + scores + ")") == 0 &&
               scalar(*b.db, "SELECT COUNT(*) FROM (" + scores + " EXCEPT " + ledger + ")") == 0;
    };
    CHECK(sums_match());
    CHECK(b.board.user_stats(b.ann.id, "2026-W48", {}).week_points == 10);
    b.users.forget(b.ann.id);
    CHECK(sums_match());
    CHECK(b.board.week_top(b.workspace, "2026-W48", 10).rows.front().display_name == "cat");
}

TEST_CASE("team standings follow a user who changes team, this week and before") {
    Board b;
    auto sales = [&] {
        for (const auto& g : b.board.group_points(b.workspace, "2026-W48"))
            if (g.group == "sales") return g;
        return GroupRow{};
    };
    CHECK(sales().points == 15);  // ann 10 + cat 5
    CHECK(sales().active_members == 2);
    CHECK(sales().members == 2);
    b.users.set_group(b.ann.id, "eng");
    CHECK(sales().points == 5);
    CHECK(sales().active_members == 1);
    CHECK(sales().members == 1);
    CHECK(scalar(*b.db, "SELECT COUNT(*) FROM week_scores WHERE user_id = " + std::to_string(b.ann.id) +
                            " AND group_name <> 'eng'") == 0);
}

TEST_CASE("participation: sharers this week out of everyone") {
    Board b;
    CHECK(b.board.active_advocates(b.workspace, "2026-W48") == 2);  // clicks are not shares
    CHECK(b.board.active_advocates(b.workspace, "2026-W47") == 1);
    CHECK(b.board.audience_size(b.workspace) == 4);
}

TEST_CASE("user_stats: totals, week, competition rank, streak") {
    Board b;
    const std::vector<std::string> weeks{"2026-W48", "2026-W47", "2026-W46", "2026-W45"};
    auto ann = b.board.user_stats(b.ann.id, "2026-W48", weeks);
    CHECK(ann.total_points == 20);
    CHECK(ann.total_shares == 2);
    CHECK(ann.week_points == 10);
    CHECK(ann.week_shares == 1);
    CHECK(ann.week_rank == 1);
    CHECK(ann.streak_weeks == 2);

    CHECK(b.board.user_stats(b.bob.id, "2026-W48", weeks).week_rank == 1);  // tie
    auto cat = b.board.user_stats(b.cat.id, "2026-W48", weeks);
    CHECK(cat.week_rank == 3);  // 10, 10, 5 -> 1, 1, 3
    CHECK(cat.week_points == 5);
    CHECK(cat.week_shares == 0);
    CHECK(cat.streak_weeks == 0);

    auto dan = b.board.user_stats(b.dan.id, "2026-W48", weeks);
    CHECK_FALSE(dan.week_rank.has_value());
    CHECK(dan.total_points == 0);

    // Nothing yet this week: the streak counts from last week.
    const std::vector<std::string> next_weeks{"2026-W49", "2026-W48", "2026-W47", "2026-W46"};
    CHECK(b.board.user_stats(b.ann.id, "2026-W49", next_weeks).streak_weeks == 2);
    // A gap ends it.
    const std::vector<std::string> later{"2026-W50", "2026-W49", "2026-W48", "2026-W47"};
    CHECK(b.board.user_stats(b.ann.id, "2026-W50", later).streak_weeks == 0);
    CHECK(b.board.user_stats(b.ann.id, "2026-W48", {}).streak_weeks == 0);
}

TEST_CASE("week_shares: the user's shares in one week, clicks and other weeks left out") {
    Board b;
    CHECK(b.board.week_shares(b.ann.id, "2026-W48") == b.board.user_stats(b.ann.id, "2026-W48", {}).week_shares);
    CHECK(b.board.week_shares(b.ann.id, "2026-W48") == 1);
    CHECK(b.board.week_shares(b.cat.id, "2026-W48") == 0);  // points from clicks only
    CHECK(b.board.week_shares(b.dan.id, "2026-W48") == 0);
    CHECK(b.board.week_shares(b.ann.id, "2026-W49") == 0);
}

TEST_CASE("campaign_stats: counts in the time window") {
    Board b;
    b.deliveries.mark_sent(b.deliveries.find_for(b.cat.id, b.c2.id)->id, "C:1", at(1500));
    auto dan_delivery = b.deliver(b.c2, b.dan, day(2026, 11, 26), "dan");
    b.deliveries.mark_sent(dan_delivery.id, "C:2", at(5000));
    b.interactions.record_why(b.dan.id, b.c2.id, dan_delivery.id, at(1100));
    b.interactions.record_skip(b.dan.id, b.c1.id, std::nullopt, at(1200));
    b.interactions.record_click(*b.deliveries.resolve_token("s-dan"), b.points(0), 20, at(1300));

    auto all = b.board.campaign_stats(b.campaign.id, at(0), at(10'000));
    CHECK(all.delivered == 2);
    CHECK(all.why_asked == 1);
    CHECK(all.intent_clicks == 1);
    CHECK(all.shared == 3);
    CHECK(all.skipped == 1);
    CHECK(all.post_clicks == 5);
    CHECK(all.advocates == 2);

    auto window = b.board.campaign_stats(b.campaign.id, at(1000), at(1500));  // [from, to)
    CHECK(window.delivered == 0);
    CHECK(window.shared == 2);
    CHECK(window.advocates == 2);
    CHECK(window.why_asked == 1);
    CHECK(window.post_clicks == 0);

    auto other = b.add_campaign("other");
    auto none = b.board.campaign_stats(other.id, at(0), at(10'000));
    CHECK(none.delivered == 0);
    CHECK(none.shared == 0);
}
