#pragma once
// Read-only queries behind the leaderboard, `me` and `stats`. All served by indexes (see tests/storage_query_plans).
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

struct LeaderboardRow {
    Id user_id = 0;
    std::string display_name;
    std::string group;
    bool opted_out = false;  // counted in totals, never named
    int points = 0;
    int shares = 0;
};

struct WeekTop {
    std::vector<LeaderboardRow> rows;
    int more_tied = 0;  // users shown, not listed, with the same points as the last row
};

struct GroupRow {
    std::string group;
    int points = 0;
    int active_members = 0;  // members with points this week
    int members = 0;
};

struct UserStats {
    int total_points = 0;
    int total_shares = 0;
    int week_points = 0;
    int week_shares = 0;
    std::optional<int> week_rank;  // dense-by-points competition rank (1,1,3) among users with points; none if 0
    int streak_weeks = 0;          // consecutive ISO weeks up to `week` (or the one before) with at least one share
};

struct CampaignStats {
    int delivered = 0;
    int why_asked = 0;
    int intent_clicks = 0;
    int shared = 0;
    int skipped = 0;
    int post_clicks = 0;
    int advocates = 0;  // distinct users who shared
};

class Leaderboard {
public:
    explicit Leaderboard(Database& db) : db_(db) {}

    // Every user with points in `week`, highest first (ties ordered by name); opted-out users included and flagged.
    std::vector<LeaderboardRow> week_points(Id workspace_id, const std::string& week);
    // The weekly board: at most `size` users shown (opted-out users left out), highest first, and how many more
    // shown users tie with the last of them (named as a count, so a tie of hundreds stays one line). Reads about
    // `size` rows whatever the workspace.
    WeekTop week_top(Id workspace_id, const std::string& week, int size);
    std::vector<GroupRow> group_points(Id workspace_id, const std::string& week);
    // Users who shared at least once in `week` / users in the workspace (the audience of the program).
    int active_advocates(Id workspace_id, const std::string& week);
    int audience_size(Id workspace_id);

    // `weeks_back` lists ISO week keys, newest first, starting with the current week, for the streak.
    UserStats user_stats(Id user_id, const std::string& week, const std::vector<std::string>& weeks_back);
    // The user's shares in `week` alone: the share confirmation's "K shares this week" (no rank, which costs a
    // pass over the week's ledger).
    int week_shares(Id user_id, const std::string& week);
    // Interactions in [from, to) (UTC), across the campaign's content; `from` = epoch for "all".
    CampaignStats campaign_stats(Id campaign_id, Timestamp from, Timestamp to);

private:
    Database& db_;
};

}  // namespace advocacy::storage
