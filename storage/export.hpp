#pragma once
// CSV export of a period's records for program owners (`advocacy-bot export`, GET /admin/export.csv).
// RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled.
// A text field starting with = + - @ TAB or CR is prefixed with ' so a spreadsheet never runs it as a formula
// (CSV injection); numbers and timestamps are written as they are.
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "storage/analytics.hpp"
#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

enum class ExportKind {
    shares,        // one row per confirmed share
    deliveries,    // one row per content message sent in the period (a failed push has no send time: not listed)
    interactions,  // every interaction row (why asked, clicks, shares, skips)
};
std::optional<ExportKind> export_kind_from_string(std::string_view name);
std::string_view to_string(ExportKind kind);

// One CSV field, quoted and escaped as above.
std::string csv_field(std::string_view text);

// Writes the header line, then one line per record with its time in [period.from, period.to), oldest first (ties by
// id), for one workspace or (nullopt) all of them; a record belongs to the workspace of its content's campaign.
// Times are ISO 8601 UTC ("2026-12-03T09:00:00Z"). Returns the records written (the header not counted). Reads on a
// reader connection in keyset pages of 500 (one read job each, along the v8 time indexes), so a large export never
// holds the whole result in memory nor a reader for long; a record committed meanwhile may or may not be included.
// Columns, after the record's id and time: workspace_platform, workspace, user (platform id), user_name, team,
// campaign_id, campaign, content_id, content_title, content_url, then
//   shares: network (as in Analytics::networks), delivery_id
//   deliveries: state, local_date, attempts
//   interactions: kind, network, delivery_id
// An absent value (no delivery) is an empty field.
std::size_t export_csv(Database& db, ExportKind kind, std::optional<Id> workspace_id, Period period,
                       std::ostream& out);

}  // namespace advocacy::storage
