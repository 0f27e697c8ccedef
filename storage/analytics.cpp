// Analytics: the admin dashboard's figures, each one indexed query (storage/indexed_queries.hpp) on one snapshot.
#include "storage/analytics.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "storage/indexed_queries.hpp"
#include "storage/retention.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {
int as_int(const SQLite::Statement& st, int column) { return static_cast<int>(sql::column_int(st, column)); }

void bind_period(SQLite::Statement& st, Id workspace_id, Period period) {
    st.bind(1, workspace_id);
    st.bind(2, sql::seconds(period.from));
    st.bind(3, sql::seconds(period.to));
}

bool any_activity(const CampaignStats& s) {
    return s.delivered + s.why_asked + s.intent_clicks + s.shared + s.skipped + s.post_clicks > 0;
}
}  // namespace

ProgramTotals Analytics::totals(Id workspace_id, Period period) {
    ProgramTotals t;
    const auto months = whole_rollup_months(period.from, period.to);
    db_.read([&](Connection& c) {  // one read job: one snapshot for every figure
        auto& audience = c.prepare(queries::audience_size);
        audience.bind(1, workspace_id);
        audience.executeStep();
        t.audience = as_int(audience, 0);

        auto& acts = c.prepare(queries::analytics_interactions);
        bind_period(acts, workspace_id, period);
        acts.executeStep();
        t.shares = as_int(acts, 0);
        t.intent_clicks = as_int(acts, 1);
        t.post_clicks = as_int(acts, 2);
        t.advocates = as_int(acts, 3);

        auto& sent = c.prepare(queries::analytics_deliveries);
        bind_period(sent, workspace_id, period);
        sent.executeStep();
        t.deliveries = as_int(sent, 0);

        // Clicks purged by [storage] retention, for the months wholly inside the period (as campaign_stats does).
        auto& rolled = c.prepare(queries::analytics_rolled_clicks);
        rolled.bind(1, workspace_id);
        rolled.bind(2, months.first);
        rolled.bind(3, months.end);
        rolled.executeStep();
        t.intent_clicks += as_int(rolled, 0);
        t.post_clicks += as_int(rolled, 1);
    });
    return t;
}

std::vector<BucketCount> Analytics::shares_per_bucket(Id workspace_id, const std::vector<Timestamp>& bucket_starts,
                                                      Timestamp end) {
    std::vector<BucketCount> out;
    out.reserve(bucket_starts.size());
    for (const auto start : bucket_starts) out.push_back(BucketCount{start, 0});
    if (bucket_starts.empty() || end <= bucket_starts.front()) return out;
    // One query for the whole range; each share lands in the last bucket starting at or before it.
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::analytics_share_times);
        bind_period(st, workspace_id, Period{bucket_starts.front(), end});
        while (st.executeStep()) {
            const Timestamp at = sql::timestamp(sql::column_int(st, 0));
            const auto after = std::upper_bound(bucket_starts.begin(), bucket_starts.end(), at);
            ++out[static_cast<std::size_t>(after - bucket_starts.begin()) - 1].count;
        }
    });
    return out;
}

std::vector<WeekAdvocates> Analytics::weekly_advocates(Id workspace_id, const std::vector<std::string>& weeks) {
    std::vector<WeekAdvocates> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::analytics_week);
        for (const auto& week : weeks) {
            st.reset();
            st.bind(1, workspace_id);
            st.bind(2, week);
            st.executeStep();
            out.push_back(WeekAdvocates{week, as_int(st, 0), as_int(st, 1)});
        }
    });
    return out;
}

std::vector<CampaignFunnel> Analytics::campaign_funnels(Id workspace_id, Period period) {
    std::vector<CampaignFunnel> campaigns;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::analytics_campaigns);
        st.bind(1, workspace_id);
        while (st.executeStep())
            campaigns.push_back(CampaignFunnel{sql::column_int(st, 0), sql::column_text(st, 1),
                                               sql::column_text(st, 2), {}});
    });
    // campaign_stats folds the retention rollups back in; a workspace has tens of campaigns, not thousands.
    Leaderboard board(db_);
    std::vector<CampaignFunnel> out;
    for (auto& f : campaigns) {
        f.stats = board.campaign_stats(f.campaign_id, period.from, period.to);
        if (f.status != "archived" || any_activity(f.stats)) out.push_back(std::move(f));
    }
    return out;
}

std::vector<ContentRanking> Analytics::top_content(Id workspace_id, Period period, int limit) {
    std::vector<ContentRanking> out;
    const auto months = whole_rollup_months(period.from, period.to);
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::analytics_top_content);
        bind_period(st, workspace_id, period);
        st.bind(4, std::max(limit, 0));
        st.bind(5, months.first);
        st.bind(6, months.end);
        while (st.executeStep())
            out.push_back(ContentRanking{sql::column_int(st, 0), sql::column_text(st, 1), sql::column_text(st, 2),
                                         sql::column_text(st, 3), as_int(st, 4), as_int(st, 5), as_int(st, 6)});
    });
    return out;
}

std::vector<NetworkSplit> Analytics::networks(Id workspace_id, Period period) {
    std::vector<NetworkSplit> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::analytics_networks);
        bind_period(st, workspace_id, period);
        while (st.executeStep())
            out.push_back(NetworkSplit{sql::column_text(st, 0), as_int(st, 1), as_int(st, 2), as_int(st, 3)});
    });
    return out;
}

std::vector<TeamParticipation> Analytics::teams(Id workspace_id, Period period) {
    std::vector<TeamParticipation> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::analytics_teams);
        bind_period(st, workspace_id, period);
        while (st.executeStep())
            out.push_back(TeamParticipation{sql::column_text(st, 0), as_int(st, 1), as_int(st, 2), as_int(st, 3)});
    });
    return out;
}

}  // namespace advocacy::storage
