// Users::forget: erase one person's data in one write job, counting what went.
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/users.hpp"

namespace advocacy::storage {

namespace {
int delete_rows(Connection& c, std::string_view sql, Id user_id) {
    auto& st = c.prepare(sql);
    st.bind(1, user_id);
    return st.exec();
}
}  // namespace

ErasureReport Users::forget(Id user_id) {
    ErasureReport report;
    db_.write([&](Connection& c) {
        // Explicit deletes (rather than relying on ON DELETE CASCADE alone) so the counts are exact.
        report.interactions = delete_rows(c, "DELETE FROM interactions WHERE user_id = ?1", user_id);
        report.points_entries = delete_rows(c, "DELETE FROM points_ledger WHERE user_id = ?1", user_id);
        report.deliveries = delete_rows(c, "DELETE FROM deliveries WHERE user_id = ?1", user_id);  // + link tokens
        report.suggestions =
            delete_rows(c, "DELETE FROM contents WHERE suggested_by = ?1 AND status = 'pending'", user_id);
        // A Teams user's 1:1 conversation reference (keyed by tenant and platform user id, not by our id).
        delete_rows(c,
                    "DELETE FROM conversation_refs WHERE (tenant_id, owner) IN ("
                    " SELECT w.external_id, u.platform_user_id FROM users AS u JOIN workspaces AS w"
                    " ON w.id = u.workspace_id WHERE u.id = ?1 AND w.platform = 'teams')",
                    user_id);
        // Audit actor, campaign creator and approved suggestions' author become NULL (ON DELETE SET NULL);
        // channel memberships cascade.
        delete_rows(c, "DELETE FROM users WHERE id = ?1", user_id);
    });
    return report;
}

}  // namespace advocacy::storage
