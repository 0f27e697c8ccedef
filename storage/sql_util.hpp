#pragma once
// Private: how records.hpp values are stored in SQLite. Dates are 'YYYY-MM-DD' text, times INTEGER unix seconds,
// optional ids and dates NULL, enums their names as text (see enum_text.hpp).
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/records.hpp"

namespace advocacy::storage::sql {

std::string date_text(Date d);
Date parse_date(std::string_view text);  // throws StorageError on anything but a valid YYYY-MM-DD

inline std::int64_t seconds(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp timestamp(std::int64_t s) { return Timestamp{std::chrono::seconds{s}}; }

// NULL for nullopt.
void bind_date(SQLite::Statement& st, int index, const std::optional<Date>& d);
void bind_id(SQLite::Statement& st, int index, const std::optional<Id>& id);
// An id where 0 means "none" (actor, creator): stored as NULL so foreign keys accept it.
void bind_id_or_null(SQLite::Statement& st, int index, Id id);

std::optional<Date> column_date(const SQLite::Statement& st, int index);
std::optional<Id> column_id(const SQLite::Statement& st, int index);
inline Id column_id_or_zero(const SQLite::Statement& st, int index) { return column_id(st, index).value_or(0); }
inline std::string column_text(const SQLite::Statement& st, int index) { return st.getColumn(index).getString(); }
inline std::int64_t column_int(const SQLite::Statement& st, int index) { return st.getColumn(index).getInt64(); }
inline bool column_bool(const SQLite::Statement& st, int index) { return st.getColumn(index).getInt() != 0; }

}  // namespace advocacy::storage::sql
