// Retention on a real SQLite file: old interaction detail goes, aggregates stay and still answer `stats`.
#include <catch2/catch.hpp>

#include "storage/retention.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kOld = 1'750'000'000;           // 2025-06-15
constexpr std::int64_t kRecent = kOld + 300 * kDay;    // 2026-04-11
constexpr std::int64_t kNow = kRecent + 10 * kDay;

// One campaign, two users, one item each: old and recent whys, intent and post clicks, a share and a skip.
struct History : Fixture {
    Campaign campaign = add_campaign();
    Content item = add_content(campaign.id, "item");
    User ann = add_user("ann");
    User bob = add_user("bob");

    History() {
        deliver(item, ann, day(2025, 6, 15), "ann");
        deliver(item, bob, day(2025, 6, 15), "bob");
        const auto ann_intent = *deliveries.resolve_token("s-ann");
        const auto ann_post = *deliveries.resolve_token("r-ann");
        for (const auto t : {kOld, kOld + kDay, kRecent}) {
            interactions.record_why(ann.id, item.id, std::nullopt, at(t));
            interactions.record_click(ann_intent, points(0), 20, at(t));
            interactions.record_click(ann_post, points(1), 20, at(t + 1));
        }
        interactions.record_share(ann.id, item.id, std::nullopt, points(10), at(kOld));
        interactions.record_skip(bob.id, item.id, std::nullopt, at(kOld));
    }

    std::int64_t count(const std::string& where) {
        return scalar(*db, "SELECT COUNT(*) FROM interactions WHERE " + where);
    }
};

}  // namespace

TEST_CASE("the cutoff is N calendar months back, clamped to shorter months") {
    using namespace std::chrono;
    const auto t = [](year_month_day d) { return Timestamp(sys_days(d)) + hours(9); };
    CHECK(retention_cutoff(t(2026y / March / 31), 1) == t(2026y / February / 28));
    CHECK(retention_cutoff(t(2024y / March / 31), 1) == t(2024y / February / 29));
    CHECK(retention_cutoff(t(2026y / January / 15), 13) == t(2024y / December / 15));
}

TEST_CASE("a purge folds old whys and clicks into monthly counts and keeps shares, skips and points") {
    History h;
    const auto ledger_rows = scalar(*h.db, "SELECT COUNT(*) FROM points_ledger");
    const auto ledger_points = scalar(*h.db, "SELECT SUM(points) FROM points_ledger");
    REQUIRE(ledger_rows > 1);
    const auto all_before = h.board.campaign_stats(h.campaign.id, at(0), at(kNow));
    const auto totals_before = h.board.user_stats(h.ann.id, "2026-W48", {"2026-W48"});

    const auto deleted = purge_interactions(*h.db, at(kRecent - kDay), 2);  // small chunks: several write jobs
    CHECK(deleted == 6);  // 2 old whys, 2 old intent clicks, 2 old post clicks
    CHECK(h.count("kind IN ('why_asked', 'intent_click', 'post_click') AND at < " + std::to_string(kRecent)) == 0);
    CHECK(h.count("kind IN ('why_asked', 'intent_click', 'post_click')") == 3);  // the recent ones stay
    CHECK(h.count("kind = 'shared'") == 1);
    CHECK(h.count("kind = 'skipped'") == 1);
    CHECK(scalar(*h.db, "SELECT COUNT(*) FROM points_ledger") == ledger_rows);
    CHECK(scalar(*h.db, "SELECT SUM(points) FROM points_ledger") == ledger_points);
    CHECK(scalar(*h.db, "SELECT SUM(count) FROM interaction_rollups WHERE month = '2025-06'") == 6);

    // Points, shares and the share-once rule are untouched.
    const auto totals_after = h.board.user_stats(h.ann.id, "2026-W48", {"2026-W48"});
    CHECK(totals_after.total_points == totals_before.total_points);
    CHECK(totals_after.total_shares == totals_before.total_shares);
    CHECK(h.interactions.record_share(h.ann.id, h.item.id, std::nullopt, h.points(10), at(kNow)) ==
          RecordOutcome::already_recorded);

    // "stats all": what the live rows no longer hold, the rollups do, and campaign_stats adds them back.
    const auto live = h.board.campaign_stats(h.campaign.id, at(0), at(kNow));
    const auto rolled = rolled_up_counts(*h.db, h.campaign.id, at(0), at(kNow));
    CHECK(rolled.why_asked > 0);
    CHECK(rolled.post_clicks > 0);
    CHECK(live.why_asked == all_before.why_asked);
    CHECK(live.intent_clicks == all_before.intent_clicks);
    CHECK(live.post_clicks == all_before.post_clicks);
    CHECK(live.shared == all_before.shared);
    CHECK(live.advocates == all_before.advocates);
    // A period without purged months gets nothing from the rollups; nor does one cutting a purged month (no finer
    // time than the month is known), while the whole month counts.
    CHECK(rolled_up_counts(*h.db, h.campaign.id, at(kRecent - kDay), at(kNow)).post_clicks == 0);
    CHECK(rolled_up_counts(*h.db, h.campaign.id, at(kOld - kDay), at(kNow)).post_clicks == 0);  // from 14 June
    const auto june = Timestamp(std::chrono::sys_days(std::chrono::year(2025) / 6 / 1));
    CHECK(rolled_up_counts(*h.db, h.campaign.id, june, june + std::chrono::days(30)).post_clicks == 2);

    // Purging again finds nothing and counts nothing twice.
    CHECK(purge_interactions(*h.db, at(kRecent - kDay)) == 0);
    CHECK(scalar(*h.db, "SELECT SUM(count) FROM interaction_rollups") == 6);
}

TEST_CASE("rollups of a removed item go with it; forget-me has nothing personal to erase in them") {
    History h;
    purge_interactions(*h.db, at(kRecent - kDay));
    CHECK(scalar(*h.db, "SELECT COUNT(*) FROM pragma_table_info('interaction_rollups') WHERE name LIKE '%user%'") == 0);
    h.db->write([&](Connection& c) { c.raw().exec("DELETE FROM contents WHERE id = " + std::to_string(h.item.id)); });
    CHECK(scalar(*h.db, "SELECT COUNT(*) FROM interaction_rollups") == 0);
}

TEST_CASE("the daily retention runs once per UTC day, and never when disabled") {
    History h;
    DailyRetention off(*h.db, 0);
    CHECK(off.run_if_due(at(kNow)) == 0);
    CHECK(h.count("1") == 11);

    DailyRetention daily(*h.db, 6);  // 6 months before kNow: the June 2025 rows go
    CHECK(daily.run_if_due(at(kNow)) == 6);
    h.interactions.record_why(h.bob.id, h.item.id, std::nullopt, at(kOld));  // old detail arriving late
    CHECK(daily.run_if_due(at(kNow + 3600)) == 0);  // same day: not again
    CHECK(daily.run_if_due(at(kNow + kDay)) == 1);  // the next day it goes too
}
