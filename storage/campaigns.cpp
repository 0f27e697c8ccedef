// Campaigns: creation with a unique slug, status, and which ones run on a given day.
#include "storage/campaigns.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/enum_text.hpp"
#include "storage/slug.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

constexpr std::string_view campaign_columns =
    "id, workspace_id, name, slug, why, audience, status, start_date, end_date, created_by, created_at";

std::string select_campaigns(std::string_view where) {
    return "SELECT " + std::string(campaign_columns) + " FROM campaigns WHERE " + std::string(where);
}

Campaign campaign_from_row(const SQLite::Statement& st) {
    Campaign c;
    c.id = sql::column_int(st, 0);
    c.workspace_id = sql::column_int(st, 1);
    c.name = sql::column_text(st, 2);
    c.slug = sql::column_text(st, 3);
    c.why = sql::column_text(st, 4);
    c.audience = sql::column_text(st, 5);
    c.status = sql::parse_enum<CampaignStatus>(sql::column_text(st, 6));
    c.start_date = sql::column_date(st, 7);
    c.end_date = sql::column_date(st, 8);
    c.created_by = sql::column_id_or_zero(st, 9);
    c.created_at = sql::timestamp(sql::column_int(st, 10));
    return c;
}

std::string free_slug(Connection& c, Id workspace_id, const std::string& base) {
    auto& taken = c.prepare("SELECT EXISTS (SELECT 1 FROM campaigns WHERE workspace_id = ?1 AND slug = ?2)");
    for (int n = 1;; ++n) {
        std::string candidate = slug_with_suffix(base, n);
        taken.reset();
        taken.bind(1, workspace_id);
        taken.bind(2, candidate);
        taken.executeStep();
        if (taken.getColumn(0).getInt() == 0) return candidate;
    }
}

}  // namespace

Campaign Campaigns::create(const NewCampaign& n, Timestamp now) {
    Campaign out;
    db_.write([&](Connection& c) {
        const std::string slug = free_slug(c, n.workspace_id, slugify(n.name));
        auto& st = c.prepare(
            "INSERT INTO campaigns (workspace_id, name, slug, why, audience, status, start_date, end_date, "
            "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?8, ?9)");
        st.bind(1, n.workspace_id);
        st.bind(2, n.name);
        st.bind(3, slug);
        st.bind(4, n.why);
        st.bind(5, n.audience);
        sql::bind_date(st, 6, n.start_date);
        sql::bind_date(st, 7, n.end_date);
        sql::bind_id_or_null(st, 8, n.created_by);
        st.bind(9, sql::seconds(now));
        st.exec();
        out = Campaign{c.raw().getLastInsertRowid(), n.workspace_id, n.name, slug, n.why, n.audience,
                       CampaignStatus::active, n.start_date, n.end_date, n.created_by, now};
    });
    return out;
}

std::optional<Campaign> Campaigns::find(Id id) {
    static const std::string sql = select_campaigns("id = ?1");
    std::optional<Campaign> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.bind(1, id);
        if (st.executeStep()) out = campaign_from_row(st);
    });
    return out;
}

std::vector<Campaign> Campaigns::in_workspace(Id workspace_id) {
    static const std::string sql = select_campaigns("workspace_id = ?1 ORDER BY created_at DESC, id DESC");
    std::vector<Campaign> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.bind(1, workspace_id);
        while (st.executeStep()) out.push_back(campaign_from_row(st));
    });
    return out;
}

void Campaigns::set_status(Id id, CampaignStatus status) {
    db_.write([&](Connection& c) {
        auto& st = c.prepare("UPDATE campaigns SET status = ?2 WHERE id = ?1");
        st.bind(1, id);
        st.bind(2, sql::text(status));
        st.exec();
    });
}

std::vector<Campaign> Campaigns::running_on(Id workspace_id, Date day) {
    // Dates are 'YYYY-MM-DD' text, so text order is calendar order.
    static const std::string sql = select_campaigns(
        "workspace_id = ?1 AND status = 'active' AND (start_date IS NULL OR start_date <= ?2) "
        "AND (end_date IS NULL OR end_date >= ?2) ORDER BY id");
    std::vector<Campaign> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.bind(1, workspace_id);
        st.bind(2, sql::date_text(day));
        while (st.executeStep()) out.push_back(campaign_from_row(st));
    });
    return out;
}

}  // namespace advocacy::storage
