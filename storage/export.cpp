// CSV export: RFC 4180 fields with a formula guard, and keyset-paged reads along the v8 time indexes.
#include "storage/export.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <limits>
#include <vector>

#include "storage/indexed_queries.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

constexpr int kPageRows = 500;  // rows per read job: the reader connection is never held for a whole export
constexpr std::string_view kEol = "\r\n";

constexpr std::array<std::string_view, 3> kKindNames{"shares", "deliveries", "interactions"};

std::string_view header(ExportKind kind) {
    switch (kind) {
        case ExportKind::shares:
            return "share_id,shared_at,workspace_platform,workspace,user,user_name,team,campaign_id,campaign,"
                   "content_id,content_title,content_url,network,delivery_id";
        case ExportKind::deliveries:
            return "delivery_id,sent_at,workspace_platform,workspace,user,user_name,team,campaign_id,campaign,"
                   "content_id,content_title,content_url,state,local_date,attempts";
        case ExportKind::interactions:
            return "interaction_id,at,workspace_platform,workspace,user,user_name,team,campaign_id,campaign,"
                   "content_id,content_title,content_url,kind,network,delivery_id";
    }
    return {};
}

std::string_view query(ExportKind kind) {
    switch (kind) {
        case ExportKind::shares: return queries::export_shares;
        case ExportKind::deliveries: return queries::export_deliveries;
        case ExportKind::interactions: return queries::export_interactions;
    }
    return {};
}

// Which result columns are text (quoted and guarded) rather than numbers (written as they are). Columns 2-11 are
// the same for every kind (ADVOCACY_EXPORT_PEOPLE_COLUMNS in indexed_queries.hpp).
bool is_text_column(ExportKind kind, int column) {
    if (column >= 2 && column <= 11) return column != 7 && column != 9;  // campaign_id, content_id
    if (kind == ExportKind::shares) return column == 12;                 // network; delivery_id
    if (kind == ExportKind::deliveries) return column == 12 || column == 13;  // state, local_date; attempts
    return column == 12 || column == 13;                                 // kind, network; delivery_id
}

std::string iso_utc(std::int64_t unix_seconds) {
    using namespace std::chrono;
    const sys_seconds t{seconds{unix_seconds}};
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return text;
}

struct Page {
    std::string text;
    std::size_t rows = 0;
    std::int64_t last_at = 0;
    Id last_id = 0;
};

Page read_page(Connection& c, ExportKind kind, std::optional<Id> workspace_id, Timestamp to, std::int64_t after_at,
               Id after_id) {
    Page page;
    auto& st = c.prepare(query(kind));
    st.bind(1, after_at);
    st.bind(2, after_id);
    st.bind(3, sql::seconds(to));
    sql::bind_id(st, 4, workspace_id);
    st.bind(5, kPageRows);
    while (st.executeStep()) {
        const int columns = st.getColumnCount();
        page.last_id = sql::column_int(st, 0);
        page.last_at = sql::column_int(st, 1);
        page.text += std::to_string(page.last_id);
        page.text += ',';
        page.text += iso_utc(page.last_at);
        for (int i = 2; i < columns; ++i) {
            page.text += ',';
            const auto value = st.getColumn(i);
            if (value.isNull()) continue;  // an empty field (a click without a delivery)
            page.text += is_text_column(kind, i) ? csv_field(value.getString()) : value.getString();
        }
        page.text += kEol;
        ++page.rows;
    }
    return page;
}

}  // namespace

std::optional<ExportKind> export_kind_from_string(std::string_view name) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name) return static_cast<ExportKind>(i);
    return std::nullopt;
}

std::string_view to_string(ExportKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

std::string csv_field(std::string_view text) {
    std::string field;
    // A spreadsheet runs a cell starting with one of these as a formula (CSV injection): make it text.
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) field += '\'';
    field += text;
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (const char ch : field) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    quoted += '"';
    return quoted;
}

std::size_t export_csv(Database& db, ExportKind kind, std::optional<Id> workspace_id, Period period,
                       std::ostream& out) {
    out << header(kind) << kEol;
    std::size_t written = 0;
    std::int64_t after_at = sql::seconds(period.from);
    Id after_id = std::numeric_limits<Id>::min();
    for (;;) {
        Page page;
        db.read([&](Connection& c) { page = read_page(c, kind, workspace_id, period.to, after_at, after_id); });
        out << page.text;
        written += page.rows;
        if (page.rows < static_cast<std::size_t>(kPageRows)) break;
        after_at = page.last_at;
        after_id = page.last_id;
    }
    out.flush();
    return written;
}

}  // namespace advocacy::storage
