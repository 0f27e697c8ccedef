#pragma once
// Read-only queries behind the admin dashboard (adapters/dashboard): program overview, shares per day, weekly
// advocates, campaign funnels, top content, networks, teams. Periods are [from, to) in UTC seconds; the caller turns
// the program's local days into those instants (storage knows nothing of time zones). Served by indexes (see
// tests/storage/query_plans_test.cpp); detail purged by [storage] retention is folded back from the monthly rollups
// where a figure counts why asks or clicks (storage/retention.hpp), for the calendar months (UTC) wholly inside the
// period: totals, campaign funnels and top content do; networks cannot (rollups keep no network). A workspace's
// events are those on its campaigns' content.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/leaderboard.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

struct Period {
    Timestamp from;
    Timestamp to;  // exclusive
};

// Counts over one period for one workspace.
struct ProgramTotals {
    int audience = 0;       // users of the workspace (the program's audience), whatever the period
    int advocates = 0;      // distinct users with at least one share in the period
    int shares = 0;
    int deliveries = 0;     // content messages sent in the period
    int intent_clicks = 0;  // share buttons clicked in chat
    int post_clicks = 0;    // counted clicks on employees' shared posts (crawlers excluded when recorded)
};

// One bucket of a series: `count` events with `at` in [start, next bucket's start).
struct BucketCount {
    Timestamp start;
    int count = 0;
};

struct WeekAdvocates {
    std::string week;  // ISO week key, as in points_ledger ("2026-W48")
    int advocates = 0; // users with at least one share that week
    int shares = 0;
};

struct CampaignFunnel {
    Id campaign_id = 0;
    std::string name;
    std::string status;   // draft | active | paused | archived
    CampaignStats stats;  // delivered -> why asked -> intent clicks -> shared -> post clicks, over the period
};

struct ContentRanking {
    Id content_id = 0;
    std::string title;
    std::string url;
    std::string campaign;  // campaign name
    int delivered = 0;
    int shares = 0;
    int post_clicks = 0;
};

struct NetworkSplit {
    std::string network;  // linkedin, x, facebook... as recorded on the interaction
    int shares = 0;
    int intent_clicks = 0;
    int post_clicks = 0;
};

struct TeamParticipation {
    std::string group;  // users.group_name; "" = people without a team
    int members = 0;
    int advocates = 0;  // members with a share in the period
    int shares = 0;
};

class Analytics {
public:
    explicit Analytics(Database& db) : db_(db) {}

    ProgramTotals totals(Id workspace_id, Period period);
    // Shares per bucket: `bucket_starts` ascending, the last bucket ending at `end`. One entry per bucket, zeros kept.
    // One query for the whole range, bucketed by binary search (not a query per bucket).
    std::vector<BucketCount> shares_per_bucket(Id workspace_id, const std::vector<Timestamp>& bucket_starts,
                                               Timestamp end);
    // For each week key given (any order kept), from week_scores.
    std::vector<WeekAdvocates> weekly_advocates(Id workspace_id, const std::vector<std::string>& weeks);
    // Every campaign of the workspace that is not archived, or archived but with activity in the period; newest first.
    std::vector<CampaignFunnel> campaign_funnels(Id workspace_id, Period period);
    // Content with at least one share or post click in the period, most shares first (then post clicks, then title).
    std::vector<ContentRanking> top_content(Id workspace_id, Period period, int limit);
    // Networks with any share, intent click or post click in the period, most shares first (then by name). A share
    // is recorded without a network: it counts for the network of the user's last share-button click (intent click)
    // on that item at or before it, else "" (shared without the buttons, or the click purged by retention).
    std::vector<NetworkSplit> networks(Id workspace_id, Period period);
    // Every team of the workspace (and "" when some users have none), most advocates first (then by name).
    std::vector<TeamParticipation> teams(Id workspace_id, Period period);

private:
    Database& db_;
};

}  // namespace advocacy::storage
