// Settings: per-workspace overrides changed at run time, and run-once marks for scheduled jobs.
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/audit.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

std::optional<std::string> Settings::get(Id workspace_id, const std::string& key) {
    std::optional<std::string> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare("SELECT value FROM settings WHERE workspace_id = ?1 AND key = ?2");
        st.bind(1, workspace_id);
        st.bind(2, key);
        if (st.executeStep()) out = sql::column_text(st, 0);
    });
    return out;
}

void Settings::set(Id workspace_id, const std::string& key, const std::string& value) {
    db_.write([&](Connection& c) {
        auto& st = c.prepare(
            "INSERT INTO settings (workspace_id, key, value) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value");
        st.bind(1, workspace_id);
        st.bind(2, key);
        st.bind(3, value);
        st.exec();
    });
}

bool Settings::mark_once(Id workspace_id, const std::string& key, Timestamp at) {
    bool first = false;
    db_.write([&](Connection& c) {
        auto& st = c.prepare("INSERT OR IGNORE INTO once_marks (workspace_id, key, at) VALUES (?1, ?2, ?3)");
        st.bind(1, workspace_id);
        st.bind(2, key);
        st.bind(3, sql::seconds(at));
        first = st.exec() == 1;
    });
    return first;
}

}  // namespace advocacy::storage
