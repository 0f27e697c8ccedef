#include "adapters/dashboard/summary.hpp"

#include <boost/json.hpp>

#include <cmath>

#include "bot/calendar.hpp"
#include "bot/engine/messages/leaderboard_message.hpp"
#include "config/values.hpp"
#include "storage/analytics.hpp"
#include "storage/leaderboard.hpp"
#include "storage/users.hpp"

namespace advocacy::dashboard {

namespace json = boost::json;
using namespace std::chrono;

namespace {

constexpr int kTopContentRows = 10;

// Scaled by a power of ten and divided back, so 0.5 stays 0.5 (dividing is exact where multiplying by 0.01 is not).
double round_to(double value, double scale) { return std::round(value * scale) / scale; }

json::object totals_json(const storage::ProgramTotals& t) {
    return {{"audience", t.audience},
            {"advocates", t.advocates},
            {"participation", participation(t.advocates, t.audience)},
            {"shares", t.shares},
            {"deliveries", t.deliveries},
            {"intent_clicks", t.intent_clicks},
            {"post_clicks", t.post_clicks}};
}

json::object period_json(const LocalPeriod& p) {
    return {{"from", config::format_date(p.from)}, {"to", config::format_date(p.to)}};
}

std::vector<LocalDay> days_of(const LocalPeriod& p) {
    std::vector<LocalDay> out;
    for (sys_days d{p.from}; d <= sys_days{p.to}; d += days{1}) out.emplace_back(d);
    return out;
}

// ISO weeks touching the period, oldest first.
std::vector<std::string> weeks_of(const LocalPeriod& p) {
    std::vector<std::string> out;
    for (sys_days monday{iso_week_monday(p.from)}; monday <= sys_days{p.to}; monday += days{7})
        out.push_back(iso_week_key(LocalDay{monday}));
    return out;
}

json::array shares_per_day(storage::Analytics& analytics, const SummaryScope& s) {
    const auto days = days_of(s.period);
    std::vector<storage::Timestamp> starts;
    for (const auto& d : days) starts.push_back(at_local_time(d, minutes{0}, s.zone));
    const auto counts = analytics.shares_per_bucket(s.workspace_id, starts, s.period.instants(s.zone).to);
    json::array out;
    for (std::size_t i = 0; i < days.size() && i < counts.size(); ++i)
        out.push_back(json::object{{"day", config::format_date(days[i])}, {"shares", counts[i].count}});
    return out;
}

json::array weekly_advocates(storage::Analytics& analytics, const SummaryScope& s) {
    json::array out;
    for (const auto& w : analytics.weekly_advocates(s.workspace_id, weeks_of(s.period)))
        out.push_back(json::object{{"week", w.week}, {"advocates", w.advocates}, {"shares", w.shares}});
    return out;
}

json::array campaigns(storage::Analytics& analytics, const SummaryScope& s, storage::Period period) {
    json::array out;
    for (const auto& c : analytics.campaign_funnels(s.workspace_id, period)) {
        out.push_back(json::object{{"id", c.campaign_id},
                                   {"name", c.name},
                                   {"status", c.status},
                                   {"delivered", c.stats.delivered},
                                   {"why_asked", c.stats.why_asked},
                                   {"intent_clicks", c.stats.intent_clicks},
                                   {"shared", c.stats.shared},
                                   {"skipped", c.stats.skipped},
                                   {"post_clicks", c.stats.post_clicks},
                                   {"advocates", c.stats.advocates}});
    }
    return out;
}

json::array top_content(storage::Analytics& analytics, const SummaryScope& s, storage::Period period) {
    json::array out;
    for (const auto& c : analytics.top_content(s.workspace_id, period, kTopContentRows)) {
        out.push_back(json::object{{"id", c.content_id},
                                   {"title", c.title},
                                   {"url", c.url},
                                   {"campaign", c.campaign},
                                   {"delivered", c.delivered},
                                   {"shares", c.shares},
                                   {"post_clicks", c.post_clicks}});
    }
    return out;
}

json::array networks(storage::Analytics& analytics, const SummaryScope& s, storage::Period period) {
    json::array out;
    for (const auto& n : analytics.networks(s.workspace_id, period)) {
        out.push_back(json::object{{"network", n.network},
                                   {"shares", n.shares},
                                   {"intent_clicks", n.intent_clicks},
                                   {"post_clicks", n.post_clicks}});
    }
    return out;
}

json::array teams(storage::Analytics& analytics, const SummaryScope& s, storage::Period period) {
    json::array out;
    for (const auto& t : analytics.teams(s.workspace_id, period)) {
        out.push_back(json::object{{"team", t.group},  // "" = people without a team; the page says "No team"
                                   {"members", t.members},
                                   {"advocates", t.advocates},
                                   {"shares", t.shares},
                                   {"participation", participation(t.advocates, t.members)}});
    }
    return out;
}

// This week's board as in chat (same ranking): opted-out users are never named.
json::object leaderboard(storage::Database& db, const SummaryScope& s) {
    const auto top = storage::Leaderboard(db).week_top(s.workspace_id, s.current_week, s.leaderboard_size);
    json::array rows;
    for (const auto& ranked : engine::rank_visible(top.rows, s.leaderboard_size)) {
        rows.push_back(json::object{{"rank", ranked.rank},
                                    {"name", ranked.row->display_name},
                                    {"team", ranked.row->group},
                                    {"points", ranked.row->points},
                                    {"shares", ranked.row->shares}});
    }
    return {{"week", s.current_week}, {"rows", std::move(rows)}, {"more_tied", top.more_tied}};
}

}  // namespace

double participation(int advocates, int audience) {
    if (audience <= 0) return 0.0;
    return round_to(static_cast<double>(advocates) / audience, 10000);
}

std::string summary_json(storage::Database& db, const config::DashboardConfig& config, const SummaryScope& s) {
    storage::Analytics analytics(db);
    const auto period = s.period.instants(s.zone);
    const auto previous = s.period.previous();
    const auto totals = analytics.totals(s.workspace_id, period);
    const auto previous_totals = analytics.totals(s.workspace_id, previous.instants(s.zone));
    const auto ws = storage::Users(db).workspace(s.workspace_id);

    json::object period_out = period_json(s.period);
    period_out["days"] = s.period.days();
    period_out["time_zone"] = s.time_zone;
    const json::object out{
        {"workspace", json::object{{"platform", ws ? ws->platform : ""}, {"id", ws ? ws->external_id : ""}}},
        {"period", std::move(period_out)},
        {"previous_period", period_json(previous)},
        {"totals", totals_json(totals)},
        {"previous_totals", totals_json(previous_totals)},
        {"shares_per_day", shares_per_day(analytics, s)},
        {"weekly_advocates", weekly_advocates(analytics, s)},
        {"campaigns", campaigns(analytics, s, period)},
        {"top_content", top_content(analytics, s, period)},
        {"networks", networks(analytics, s, period)},
        {"teams", teams(analytics, s, period)},
        {"leaderboard", leaderboard(db, s)},
        {"reach", json::object{{"post_clicks", totals.post_clicks},
                               {"value_per_click", config.value_per_click},
                               {"currency", config.currency},
                               {"earned_media_value", round_to(totals.post_clicks * config.value_per_click, 100)}}},
    };
    return json::serialize(out);
}

}  // namespace advocacy::dashboard
