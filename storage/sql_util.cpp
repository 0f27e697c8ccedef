#include "storage/sql_util.hpp"

#include <cstdio>

#include "storage/database.hpp"

namespace advocacy::storage::sql {

std::string date_text(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

Date parse_date(std::string_view text) {
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y >= 0 && m >= 0 && d >= 0) {
            Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                      std::chrono::day{static_cast<unsigned>(d)}};
            if (date.ok()) return date;
        }
    }
    throw StorageError("invalid date '" + std::string(text) + "' in database (expected YYYY-MM-DD)");
}

void bind_date(SQLite::Statement& st, int index, const std::optional<Date>& d) {
    if (d)
        st.bind(index, date_text(*d));
    else
        st.bind(index);
}

void bind_id(SQLite::Statement& st, int index, const std::optional<Id>& id) {
    if (id)
        st.bind(index, static_cast<std::int64_t>(*id));
    else
        st.bind(index);
}

void bind_id_or_null(SQLite::Statement& st, int index, Id id) {
    bind_id(st, index, id == 0 ? std::nullopt : std::optional<Id>{id});
}

std::optional<Date> column_date(const SQLite::Statement& st, int index) {
    auto col = st.getColumn(index);
    if (col.isNull()) return std::nullopt;
    return parse_date(col.getString());
}

std::optional<Id> column_id(const SQLite::Statement& st, int index) {
    auto col = st.getColumn(index);
    if (col.isNull()) return std::nullopt;
    return col.getInt64();
}

}  // namespace advocacy::storage::sql
