// AuditLog: append-only record of admin actions.
#include "storage/audit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/sql_util.hpp"

namespace advocacy::storage {

void AuditLog::append(Id workspace_id, Id actor_user_id, const std::string& action, const std::string& detail,
                      Timestamp at) {
    db_.write([&](Connection& c) {
        auto& st = c.prepare(
            "INSERT INTO audit_log (workspace_id, actor_user_id, action, detail, at) VALUES (?1, ?2, ?3, ?4, ?5)");
        st.bind(1, workspace_id);
        sql::bind_id_or_null(st, 2, actor_user_id);  // 0: the bot itself
        st.bind(3, action);
        st.bind(4, detail);
        st.bind(5, sql::seconds(at));
        st.exec();
    });
}

std::vector<AuditEntry> AuditLog::recent(Id workspace_id, int limit) {
    std::vector<AuditEntry> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(
            "SELECT id, workspace_id, actor_user_id, action, detail, at FROM audit_log WHERE workspace_id = ?1 "
            "ORDER BY id DESC LIMIT ?2");
        st.bind(1, workspace_id);
        st.bind(2, limit);
        while (st.executeStep())
            out.push_back(AuditEntry{sql::column_int(st, 0), sql::column_int(st, 1), sql::column_id_or_zero(st, 2),
                                     sql::column_text(st, 3), sql::column_text(st, 4),
                                     sql::timestamp(sql::column_int(st, 5))});
    });
    return out;
}

}  // namespace advocacy::storage
