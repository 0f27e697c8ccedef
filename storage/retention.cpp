#include "storage/retention.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <string>

#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

constexpr const char* kPurgeable = "kind IN ('why_asked', 'intent_click', 'post_click')";

// One chunk: the next `chunk` purgeable rows after `after` in id order (a walk along the primary key: the whole
// purge reads the table once), folded then deleted in the same job. Returns the last id, none when done.
std::optional<Id> purge_chunk(Connection& c, std::int64_t cutoff, Id after, int chunk, std::int64_t& deleted) {
    auto& next = c.prepare(std::string("SELECT MIN(id), MAX(id) FROM (SELECT id FROM interactions WHERE id > ?1 "
                                       "AND at < ?2 AND ") + kPurgeable + " ORDER BY id LIMIT ?3)");
    next.bind(1, after);
    next.bind(2, cutoff);
    next.bind(3, chunk);
    next.executeStep();
    if (next.getColumn(0).isNull()) return std::nullopt;
    const Id first = next.getColumn(0).getInt64();
    const Id last = next.getColumn(1).getInt64();
    next.reset();  // done reading before this job deletes from the same table
    // Every purgeable row with an id in [first, last] is in this chunk (the LIMIT took them in id order).
    const std::string range = std::string(" WHERE id BETWEEN ?1 AND ?2 AND at < ?3 AND ") + kPurgeable;
    auto& fold = c.prepare(
        "INSERT INTO interaction_rollups (content_id, kind, month, count) "
        "SELECT content_id, kind, strftime('%Y-%m', at, 'unixepoch'), COUNT(*) FROM interactions" + range +
        " GROUP BY 1, 2, 3 ON CONFLICT (content_id, kind, month) DO UPDATE SET count = count + excluded.count");
    auto& remove = c.prepare("DELETE FROM interactions" + range);
    for (auto* st : {&fold, &remove}) {
        st->bind(1, first);
        st->bind(2, last);
        st->bind(3, cutoff);
    }
    fold.exec();
    deleted += remove.exec();
    return last;
}

}  // namespace

Timestamp retention_cutoff(Timestamp now, int months) {
    using namespace std::chrono;
    const auto day = floor<days>(now);
    year_month_day ymd = year_month_day(day) - std::chrono::months(months);
    if (!ymd.ok()) ymd = ymd.year() / ymd.month() / last;  // 31 March - 1 month = 28/29 February
    return sys_days(ymd) + (now - day);
}

std::int64_t purge_interactions(Database& db, Timestamp cutoff, int chunk) {
    std::int64_t deleted = 0;
    std::optional<Id> after = 0;
    while (after) {
        db.write([&](Connection& c) {
            std::int64_t in_job = 0;
            after = purge_chunk(c, sql::seconds(cutoff), *after, chunk, in_job);
            deleted += in_job;  // only once the job ran to its end (a throwing job is rolled back)
        });
    }
    return deleted;
}

namespace {
// "YYYY-MM" of the first month starting at or after `t`, or of the month containing `t`.
std::string month_key(Timestamp t, bool first_starting_at_or_after) {
    using namespace std::chrono;
    const year_month_day d(floor<days>(t));
    year_month ym = d.year() / d.month();
    if (first_starting_at_or_after && t != sys_days(ym / 1)) ym += months(1);
    char key[16];
    std::snprintf(key, sizeof key, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    return key;
}
}  // namespace

RollupMonths whole_rollup_months(Timestamp from, Timestamp to) {
    // Whole months only: a rollup has no finer time, so a month straddling `from` or `to` is left out.
    return {month_key(from, true), month_key(to, false)};  // months before the one containing `to` end by `to`
}

RolledUpCounts rolled_up_counts(Database& db, Id campaign_id, Timestamp from, Timestamp to) {
    RolledUpCounts out;
    const auto months = whole_rollup_months(from, to);
    db.read([&](Connection& c) {
        auto& st = c.prepare(
            "SELECT COALESCE(SUM(CASE WHEN r.kind = 'why_asked' THEN r.count END), 0), "
            "       COALESCE(SUM(CASE WHEN r.kind = 'intent_click' THEN r.count END), 0), "
            "       COALESCE(SUM(CASE WHEN r.kind = 'post_click' THEN r.count END), 0) "
            "FROM interaction_rollups AS r JOIN contents AS c ON c.id = r.content_id "
            "WHERE c.campaign_id = ?1 AND r.month >= ?2 AND r.month < ?3");
        st.bind(1, campaign_id);
        st.bind(2, months.first);
        st.bind(3, months.end);
        st.executeStep();
        out.why_asked = st.getColumn(0).getInt();
        out.intent_clicks = st.getColumn(1).getInt();
        out.post_clicks = st.getColumn(2).getInt();
    });
    return out;
}

std::int64_t DailyRetention::run_if_due(Timestamp now) {
    if (months_ <= 0) return 0;
    const auto today = std::chrono::floor<std::chrono::days>(now);
    {
        const std::lock_guard lock(mutex_);
        if (last_day_ == today) return 0;
        last_day_ = today;
    }
    return purge_interactions(db_, retention_cutoff(now, months_));
}

}  // namespace advocacy::storage
