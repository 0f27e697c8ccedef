// Leaderboard: weekly points, team standings, participation, a user's numbers and campaign statistics.
#include "storage/leaderboard.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>

#include "storage/indexed_queries.hpp"
#include "storage/retention.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {
int as_int(const SQLite::Statement& st, int column) { return static_cast<int>(sql::column_int(st, column)); }


std::vector<LeaderboardRow> board_rows(SQLite::Statement& st) {
    std::vector<LeaderboardRow> out;
    while (st.executeStep())
        out.push_back(LeaderboardRow{sql::column_int(st, 0), sql::column_text(st, 1), sql::column_text(st, 2),
                                     sql::column_bool(st, 3), as_int(st, 4), as_int(st, 5)});
    return out;
}
}  // namespace

std::vector<LeaderboardRow> Leaderboard::week_points(Id workspace_id, const std::string& week) {
    std::vector<LeaderboardRow> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::week_points);
        st.bind(1, workspace_id);
        st.bind(2, week);
        out = board_rows(st);
    });
    return out;
}

WeekTop Leaderboard::week_top(Id workspace_id, const std::string& week, int size) {
    WeekTop top;
    db_.read([&](Connection& c) {  // one snapshot: the count matches the rows
        auto& st = c.prepare(queries::week_top);
        st.bind(1, workspace_id);
        st.bind(2, week);
        st.bind(3, std::max(size, 1));
        top.rows = board_rows(st);
        if (top.rows.empty() || top.rows.size() < static_cast<std::size_t>(std::max(size, 1))) return;
        const int last = top.rows.back().points;
        auto& tied = c.prepare(queries::week_tied);
        tied.bind(1, workspace_id);
        tied.bind(2, week);
        tied.bind(3, last);
        tied.executeStep();
        const auto listed = std::count_if(top.rows.begin(), top.rows.end(), [&](auto& r) { return r.points == last; });
        top.more_tied = as_int(tied, 0) - static_cast<int>(listed);
    });
    return top;
}

std::vector<GroupRow> Leaderboard::group_points(Id workspace_id, const std::string& week) {
    std::vector<GroupRow> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::group_points);
        st.bind(1, workspace_id);
        st.bind(2, week);
        while (st.executeStep())
            out.push_back(GroupRow{sql::column_text(st, 0), as_int(st, 1), as_int(st, 2), as_int(st, 3)});
    });
    return out;
}

int Leaderboard::active_advocates(Id workspace_id, const std::string& week) {
    int n = 0;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::active_advocates);
        st.bind(1, workspace_id);
        st.bind(2, week);
        st.executeStep();
        n = as_int(st, 0);
    });
    return n;
}

int Leaderboard::audience_size(Id workspace_id) {
    int n = 0;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::audience_size);
        st.bind(1, workspace_id);
        st.executeStep();
        n = as_int(st, 0);
    });
    return n;
}

UserStats Leaderboard::user_stats(Id user_id, const std::string& week, const std::vector<std::string>& weeks_back) {
    UserStats stats;
    db_.read([&](Connection& c) {  // one read job: one snapshot for all the numbers
        auto& totals = c.prepare(queries::user_totals);
        totals.bind(1, user_id);
        totals.executeStep();
        stats.total_points = as_int(totals, 0);
        stats.total_shares = as_int(totals, 1);

        auto& this_week = c.prepare(queries::user_week);
        this_week.bind(1, user_id);
        this_week.bind(2, week);
        this_week.executeStep();
        stats.week_points = as_int(this_week, 0);
        stats.week_shares = as_int(this_week, 1);

        if (stats.week_points > 0) {
            auto& ws = c.prepare("SELECT workspace_id FROM users WHERE id = ?1");
            ws.bind(1, user_id);
            if (ws.executeStep()) {
                const Id workspace_id = sql::column_int(ws, 0);
                auto& ahead = c.prepare(queries::users_ahead);
                ahead.bind(1, workspace_id);
                ahead.bind(2, week);
                ahead.bind(3, stats.week_points);
                ahead.executeStep();
                stats.week_rank = as_int(ahead, 0) + 1;
            }
        }

        std::set<std::string> shared_in;
        auto& weeks = c.prepare(queries::share_weeks);
        weeks.bind(1, user_id);
        while (weeks.executeStep()) shared_in.insert(sql::column_text(weeks, 0));
        // The current week still running without a share does not break the streak.
        std::size_t i = (!weeks_back.empty() && !shared_in.contains(weeks_back[0])) ? 1 : 0;
        for (; i < weeks_back.size() && shared_in.contains(weeks_back[i]); ++i) ++stats.streak_weeks;
    });
    return stats;
}

int Leaderboard::week_shares(Id user_id, const std::string& week) {
    int shares = 0;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::user_week);
        st.bind(1, user_id);
        st.bind(2, week);
        st.executeStep();
        shares = as_int(st, 1);
    });
    return shares;
}

CampaignStats Leaderboard::campaign_stats(Id campaign_id, Timestamp from, Timestamp to) {
    CampaignStats stats;
    db_.read([&](Connection& c) {
        auto& delivered = c.prepare(queries::campaign_delivered);
        delivered.bind(1, campaign_id);
        delivered.bind(2, sql::seconds(from));
        delivered.bind(3, sql::seconds(to));
        delivered.executeStep();
        stats.delivered = as_int(delivered, 0);

        auto& st = c.prepare(queries::campaign_interactions);
        st.bind(1, campaign_id);
        st.bind(2, sql::seconds(from));
        st.bind(3, sql::seconds(to));
        st.executeStep();
        stats.why_asked = as_int(st, 0);
        stats.intent_clicks = as_int(st, 1);
        stats.shared = as_int(st, 2);
        stats.skipped = as_int(st, 3);
        stats.post_clicks = as_int(st, 4);
        stats.advocates = as_int(st, 5);
    });
    // Detail purged by [storage] retention survives as monthly counts (storage/retention.hpp).
    const auto rolled = rolled_up_counts(db_, campaign_id, from, to);
    stats.why_asked += rolled.why_asked;
    stats.intent_clicks += rolled.intent_clicks;
    stats.post_clicks += rolled.post_clicks;
    return stats;
}

}  // namespace advocacy::storage
