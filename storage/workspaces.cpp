// Users: workspaces (one per Slack team / Teams tenant / playground).
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/sql_util.hpp"
#include "storage/user_rows.hpp"
#include "storage/users.hpp"

namespace advocacy::storage {

namespace {
constexpr std::string_view find_workspace_sql = "SELECT id FROM workspaces WHERE platform = ?1 AND external_id = ?2";

std::optional<Id> find_workspace(Connection& c, const std::string& platform, const std::string& external_id) {
    auto& st = c.prepare(find_workspace_sql);
    st.bind(1, platform);
    st.bind(2, external_id);
    if (!st.executeStep()) return std::nullopt;
    return sql::column_int(st, 0);
}

Workspace workspace_from_row(const SQLite::Statement& st) {
    return Workspace{sql::column_int(st, 0), sql::column_text(st, 1), sql::column_text(st, 2)};
}
}  // namespace

Id ensure_workspace_row(Connection& c, const std::string& platform, const std::string& external_id) {
    if (auto id = find_workspace(c, platform, external_id)) return *id;
    auto& insert = c.prepare("INSERT INTO workspaces (platform, external_id) VALUES (?1, ?2)");
    insert.bind(1, platform);
    insert.bind(2, external_id);
    insert.exec();
    return c.raw().getLastInsertRowid();
}

Id Users::ensure_workspace(const std::string& platform, const std::string& external_id) {
    std::optional<Id> id;
    db_.read([&](Connection& c) { id = find_workspace(c, platform, external_id); });
    if (id) return *id;
    db_.write([&](Connection& c) { id = ensure_workspace_row(c, platform, external_id); });
    return *id;
}

std::vector<Workspace> Users::workspaces() {
    std::vector<Workspace> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare("SELECT id, platform, external_id FROM workspaces ORDER BY id");
        while (st.executeStep()) out.push_back(workspace_from_row(st));
    });
    return out;
}

std::optional<Workspace> Users::workspace(Id id) {
    std::optional<Workspace> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare("SELECT id, platform, external_id FROM workspaces WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(id));
        if (st.executeStep()) out = workspace_from_row(st);
    });
    return out;
}

}  // namespace advocacy::storage
