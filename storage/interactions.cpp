// Interactions: shares, skips, "why?" and link clicks, with their points, each in one write job.
#include "storage/interactions.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "bot/metrics/metrics.hpp"
#include "storage/enum_text.hpp"
#include "storage/indexed_queries.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

// Returns false when a unique index (one share / one skip per user and content) already holds such a row.
bool insert_interaction(Connection& c, Id user_id, Id content_id, std::optional<Id> delivery_id, InteractionKind kind,
                        const std::string& network, Timestamp at) {
    auto& st = c.prepare(
        "INSERT INTO interactions (user_id, content_id, delivery_id, kind, network, at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING");
    st.bind(1, user_id);
    st.bind(2, content_id);
    sql::bind_id(st, 3, delivery_id);
    st.bind(4, sql::text(kind));
    st.bind(5, network);
    st.bind(6, sql::seconds(at));
    return st.exec() == 1;
}

void award(Connection& c, Id user_id, Id content_id, const PointsContext& p, int points, std::string_view reason,
           Timestamp at) {
    auto& st = c.prepare(
        "INSERT INTO points_ledger (workspace_id, user_id, week, points, reason, content_id, at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, p.workspace_id);
    st.bind(2, user_id);
    st.bind(3, p.week);
    st.bind(4, points);
    st.bind(5, std::string(reason));
    st.bind(6, content_id);
    st.bind(7, sql::seconds(at));
    st.exec();
}

bool exists(Database& db, std::string_view sql, Id user_id, Id content_id) {
    bool found = false;
    db.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.bind(1, user_id);
        st.bind(2, content_id);
        st.executeStep();
        found = st.getColumn(0).getInt() != 0;
    });
    return found;
}

}  // namespace

RecordOutcome Interactions::record_share(Id user_id, Id content_id, std::optional<Id> delivery_id,
                                         const PointsContext& points, Timestamp at) {
    auto outcome = RecordOutcome::already_recorded;
    db_.write([&](Connection& c) {
        if (!insert_interaction(c, user_id, content_id, delivery_id, InteractionKind::shared, "", at)) return;
        // Even a share worth 0 points gets its ledger row: weekly share counts come from the ledger.
        award(c, user_id, content_id, points, points.points, "share", at);
        outcome = RecordOutcome::recorded;
    });
    if (outcome == RecordOutcome::recorded) metrics::share_recorded();  // committed: write() returned
    return outcome;
}

RecordOutcome Interactions::record_skip(Id user_id, Id content_id, std::optional<Id> delivery_id, Timestamp at) {
    auto outcome = RecordOutcome::already_recorded;
    db_.write([&](Connection& c) {
        if (insert_interaction(c, user_id, content_id, delivery_id, InteractionKind::skipped, "", at))
            outcome = RecordOutcome::recorded;
    });
    return outcome;
}

void Interactions::record_why(Id user_id, Id content_id, std::optional<Id> delivery_id, Timestamp at) {
    db_.write([&](Connection& c) {
        insert_interaction(c, user_id, content_id, delivery_id, InteractionKind::why_asked, "", at);
    });
}

void Interactions::record_click(const LinkToken& token, const PointsContext& points, int cap, Timestamp at) {
    db_.write([&](Connection& c) {
        auto& owner = c.prepare("SELECT user_id, content_id FROM deliveries WHERE id = ?1");
        owner.bind(1, token.delivery_id);
        if (!owner.executeStep()) return;  // the delivery was erased (forget-me): nothing to count
        const Id user_id = sql::column_int(owner, 0);
        const Id content_id = sql::column_int(owner, 1);
        owner.reset();

        const auto kind = token.kind == LinkKind::intent ? InteractionKind::intent_click : InteractionKind::post_click;
        insert_interaction(c, user_id, content_id, token.delivery_id, kind, token.network, at);
        if (token.kind != LinkKind::post || points.points <= 0) return;

        auto& earned = c.prepare(queries::post_click_points);
        earned.bind(1, user_id);
        earned.bind(2, content_id);
        earned.executeStep();
        const auto so_far = sql::column_int(earned, 0);
        earned.reset();
        // Never past the cap: the last award is trimmed to fit.
        const auto room = static_cast<std::int64_t>(cap) - so_far;
        if (room <= 0) return;
        award(c, user_id, content_id, points, static_cast<int>(std::min<std::int64_t>(points.points, room)),
              "post_click", at);
    });
}

bool Interactions::has_shared(Id user_id, Id content_id) {
    return exists(db_, queries::has_shared, user_id, content_id);
}

bool Interactions::has_skipped(Id user_id, Id content_id) {
    return exists(db_, queries::has_skipped, user_id, content_id);
}

}  // namespace advocacy::storage
