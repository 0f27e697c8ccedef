// The dashboard's figures (storage/analytics.hpp) on a real SQLite file: two workspaces, events inside and just
// outside the period, so every count is checked against what it must leave out.
#include <catch2/catch.hpp>

#include "storage/analytics.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kMarch = 1'772'323'200;  // 2026-03-01T00:00Z
constexpr std::int64_t kApril = 1'775'001'600;  // 2026-04-01T00:00Z
constexpr std::int64_t kMay = 1'777'593'600;    // 2026-05-01T00:00Z
constexpr std::int64_t kFrom = kApril + 10 * kDay;
constexpr std::int64_t kTo = kApril + 17 * kDay;  // a 7-day period
const Period kPeriod{at(kFrom), at(kTo)};

// Workspace T1: campaign "Launch" (two items), users in sales (ann, bob), marketing (dan) and no team (cid).
// Workspace T2 has its own campaign, user and share inside the period: never counted for T1.
struct Program : Fixture {
    Analytics analytics{*db};
    Campaign launch = add_campaign("Launch");
    Content a1 = add_content(launch.id, "a1");
    Content a2 = add_content(launch.id, "a2");
    User ann = add_user("ann", "sales");
    User bob = add_user("bob", "sales");
    User cid = add_user("cid");
    User dan = add_user("dan", "marketing");

    Program() {
        const auto d_ann = deliver(a1, ann, day(2026, 4, 11));
        const auto d_bob = deliver(a1, bob, day(2026, 4, 11));
        const auto d_cid = deliver(a1, cid, day(2026, 4, 11));
        const auto d_ann2 = deliver(a2, ann, day(2026, 4, 12));
        deliveries.mark_sent(d_ann.id, "m1", at(kFrom));            // first second of the period: in
        deliveries.mark_sent(d_bob.id, "m2", at(kFrom + 100));
        deliveries.mark_sent(d_cid.id, "m3", at(kFrom - 1));        // just before: out
        deliveries.mark_sent(d_ann2.id, "m4", at(kTo - 1));         // last second: in

        // ann clicks the LinkedIn share button, then shares a1; also shares a2; her post gets 3 clicks.
        interactions.record_click(*deliveries.resolve_token("s-" + key(a1, ann)), points(0), 20, at(kFrom + 200));
        interactions.record_share(ann.id, a1.id, d_ann.id, points(10, "2026-W16"), at(kFrom + 300));
        interactions.record_share(ann.id, a2.id, d_ann2.id, points(10, "2026-W16"), at(kFrom + kDay));
        for (int i = 0; i < 3; ++i)
            interactions.record_click(*deliveries.resolve_token("r-" + key(a1, ann)), points(1), 20,
                                      at(kFrom + 400 + i));
        // bob shares a1 without a share-button click (network unknown), asks why about a2.
        interactions.record_share(bob.id, a1.id, d_bob.id, points(10, "2026-W16"), at(kFrom + 2 * kDay));
        interactions.record_why(bob.id, a2.id, std::nullopt, at(kFrom + 2 * kDay));
        // Outside the period: cid's share at `to` exactly, dan's the second before `from`.
        interactions.record_share(cid.id, a1.id, d_cid.id, points(10, "2026-W17"), at(kTo));
        interactions.record_share(dan.id, a2.id, std::nullopt, points(10, "2026-W15"), at(kFrom - 1));

        const Id t2 = users.ensure_workspace("slack", "T2");
        auto other = add_user("zed", "sales", t2);
        auto theirs = add_content(add_campaign("Theirs", t2).id, "z1");
        interactions.record_share(other.id, theirs.id, std::nullopt, PointsContext{t2, "2026-W16", 10},
                                  at(kFrom + 10));
    }

    static std::string key(const Content& c, const User& u) {
        return std::to_string(c.id) + "-" + std::to_string(u.id);
    }
};

}  // namespace

TEST_CASE("period totals count the workspace's events in [from, to) only") {
    Program p;
    const auto t = p.analytics.totals(p.workspace, kPeriod);
    CHECK(t.audience == 4);
    CHECK(t.advocates == 2);  // ann, bob
    CHECK(t.shares == 3);
    CHECK(t.deliveries == 3);  // sent at `from` and at `to` - 1 are in; the one a second before `from` is not
    CHECK(t.intent_clicks == 1);
    CHECK(t.post_clicks == 3);

    const auto empty = p.analytics.totals(p.workspace, Period{at(kMay), at(kMay + kDay)});
    CHECK(empty.audience == 4);
    CHECK(empty.shares == 0);
    CHECK(empty.advocates == 0);
    CHECK(empty.deliveries == 0);
}

TEST_CASE("period totals fold back clicks purged into rollups for wholly covered months only") {
    Program p;
    p.db->write([&](Connection& c) {
        c.raw().exec("INSERT INTO interaction_rollups (content_id, kind, month, count) VALUES "
                     "(" + std::to_string(p.a1.id) + ", 'post_click', '2026-03', 50), "
                     "(" + std::to_string(p.a1.id) + ", 'intent_click', '2026-03', 7), "
                     "(" + std::to_string(p.a2.id) + ", 'post_click', '2026-02', 1000), "
                     "(" + std::to_string(p.a2.id) + ", 'why_asked', '2026-03', 9)");
    });
    // [March 1, April 17): March is whole, February is outside.
    const auto t = p.analytics.totals(p.workspace, Period{at(kMarch), at(kTo)});
    CHECK(t.post_clicks == 50 + 3);
    CHECK(t.intent_clicks == 7 + 1);
    // [March 2, ...): March is cut, so its rollups are left out (no finer time).
    const auto cut = p.analytics.totals(p.workspace, Period{at(kMarch + kDay), at(kTo)});
    CHECK(cut.post_clicks == 3);
    CHECK(cut.intent_clicks == 1);
    // The top content list sees the rolled-up post clicks too.
    const auto top = p.analytics.top_content(p.workspace, Period{at(kMarch), at(kTo)}, 10);
    REQUIRE_FALSE(top.empty());
    CHECK(top.front().content_id == p.a1.id);
    CHECK(top.front().post_clicks == 53);
}

TEST_CASE("shares per bucket: one entry per bucket, zeros kept, boundaries exact") {
    Program p;
    // Buckets: day 0, day 1, day 2, then an empty stretch to day 7 (the caller's local midnights).
    const std::vector<Timestamp> starts{at(kFrom), at(kFrom + kDay), at(kFrom + 2 * kDay), at(kFrom + 3 * kDay)};
    const auto buckets = p.analytics.shares_per_bucket(p.workspace, starts, at(kTo));
    REQUIRE(buckets.size() == 4);
    CHECK(buckets[0].start == at(kFrom));
    CHECK(buckets[0].count == 1);  // ann's a1
    CHECK(buckets[1].count == 1);  // ann's a2, at the bucket's first second
    CHECK(buckets[2].count == 1);  // bob
    CHECK(buckets[3].count == 0);
    // A share at `end` (cid's) is outside; one before the first bucket (dan's) too.
    const auto tail = p.analytics.shares_per_bucket(p.workspace, {at(kFrom - 10)}, at(kTo + 1));
    REQUIRE(tail.size() == 1);
    CHECK(tail[0].count == 5);
    CHECK(p.analytics.shares_per_bucket(p.workspace, {}, at(kTo)).empty());
}

TEST_CASE("weekly advocates come from the week scores, in the order asked") {
    Program p;
    const auto weeks = p.analytics.weekly_advocates(p.workspace, {"2026-W17", "2026-W16", "2026-W01"});
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].week == "2026-W17");
    CHECK(weeks[0].advocates == 1);
    CHECK(weeks[0].shares == 1);
    CHECK(weeks[1].advocates == 2);  // ann (2 shares), bob; T2's zed is another workspace
    CHECK(weeks[1].shares == 3);
    CHECK(weeks[2].advocates == 0);
    CHECK(weeks[2].shares == 0);
}

TEST_CASE("campaign funnels: live campaigns and archived ones with activity, newest first") {
    Program p;
    auto idle = p.add_campaign("Idle archived");
    p.campaigns.set_status(idle.id, CampaignStatus::archived);
    auto fresh = p.add_campaign("Fresh draft");
    p.campaigns.set_status(fresh.id, CampaignStatus::draft);
    p.campaigns.set_status(p.launch.id, CampaignStatus::archived);  // archived, but active in the period

    const auto funnels = p.analytics.campaign_funnels(p.workspace, kPeriod);
    REQUIRE(funnels.size() == 2);
    CHECK(funnels[0].name == "Fresh draft");
    CHECK(funnels[0].status == "draft");
    CHECK(funnels[0].stats.delivered == 0);
    CHECK(funnels[1].campaign_id == p.launch.id);
    CHECK(funnels[1].status == "archived");
    const auto& s = funnels[1].stats;
    CHECK(s.delivered == 3);
    CHECK(s.why_asked == 1);
    CHECK(s.intent_clicks == 1);
    CHECK(s.shared == 3);
    CHECK(s.post_clicks == 3);
    CHECK(s.advocates == 2);
}

TEST_CASE("top content: most shares first, then post clicks; deliveries in the period; limit kept") {
    Program p;
    const auto top = p.analytics.top_content(p.workspace, kPeriod, 10);
    REQUIRE(top.size() == 2);
    CHECK(top[0].content_id == p.a1.id);
    CHECK(top[0].title == "a1");
    CHECK(top[0].url == "https://example.com/a1");
    CHECK(top[0].campaign == "Launch");
    CHECK(top[0].shares == 2);
    CHECK(top[0].post_clicks == 3);
    CHECK(top[0].delivered == 2);  // ann and bob; cid's was sent before the period
    CHECK(top[1].content_id == p.a2.id);
    CHECK(top[1].shares == 1);
    CHECK(top[1].delivered == 1);

    const auto one = p.analytics.top_content(p.workspace, kPeriod, 1);
    REQUIRE(one.size() == 1);
    CHECK(one[0].content_id == p.a1.id);
    CHECK(p.analytics.top_content(p.workspace, Period{at(kMay), at(kMay + kDay)}, 10).empty());
}

TEST_CASE("networks: a share counts for the network of the share button clicked before it") {
    Program p;
    const auto nets = p.analytics.networks(p.workspace, kPeriod);
    REQUIRE(nets.size() == 2);
    CHECK(nets[0].network == "");  // ann's a2 and bob's a1: no button clicked before them
    CHECK(nets[0].shares == 2);
    CHECK(nets[0].intent_clicks == 0);
    CHECK(nets[0].post_clicks == 0);
    CHECK(nets[1].network == "linkedin");
    CHECK(nets[1].shares == 1);  // ann's a1, after her LinkedIn button click
    CHECK(nets[1].intent_clicks == 1);
    CHECK(nets[1].post_clicks == 3);
}

TEST_CASE("teams: every team and the no-team group, most advocates first") {
    Program p;
    const auto teams = p.analytics.teams(p.workspace, kPeriod);
    REQUIRE(teams.size() == 3);
    CHECK(teams[0].group == "sales");
    CHECK(teams[0].members == 2);
    CHECK(teams[0].advocates == 2);
    CHECK(teams[0].shares == 3);
    CHECK(teams[1].group == "");  // cid: a member, no share in the period
    CHECK(teams[1].members == 1);
    CHECK(teams[1].advocates == 0);
    CHECK(teams[2].group == "marketing");
    CHECK(teams[2].members == 1);
    CHECK(teams[2].advocates == 0);
    CHECK(teams[2].shares == 0);
}
