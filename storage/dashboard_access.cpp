// DashboardAccess: single-use sign-in nonces and hashed sessions for the admin dashboard (schema v8).
#include "storage/dashboard_access.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {
// Expired rows linger a day, so a "link expired" vs "link unknown" difference stays visible in the shell meanwhile.
constexpr std::chrono::hours kKeepExpired{24};
}  // namespace

void DashboardAccess::record_link(const std::string& nonce, Id user_id, Timestamp expires_at, Timestamp now) {
    db_.write([&](Connection& c) {
        const auto stale = sql::seconds(now - kKeepExpired);
        for (const char* sweep : {"DELETE FROM dashboard_links WHERE expires_at < ?1",
                                  "DELETE FROM dashboard_sessions WHERE expires_at < ?1"}) {
            auto& st = c.prepare(sweep);
            st.bind(1, stale);
            st.exec();
        }
        auto& st = c.prepare("INSERT INTO dashboard_links (nonce, user_id, expires_at) VALUES (?1, ?2, ?3)");
        st.bind(1, nonce);
        st.bind(2, user_id);
        st.bind(3, sql::seconds(expires_at));
        st.exec();
    });
}

bool DashboardAccess::spend_link(const std::string& nonce, Timestamp now) {
    int changed = 0;
    db_.write([&](Connection& c) {
        // One statement: two concurrent followers of the same link cannot both see it unused.
        auto& st = c.prepare(
            "UPDATE dashboard_links SET used_at = ?2 WHERE nonce = ?1 AND used_at IS NULL AND expires_at > ?2");
        st.bind(1, nonce);
        st.bind(2, sql::seconds(now));
        changed = st.exec();
    });
    return changed == 1;
}

void DashboardAccess::create_session(const std::string& token_hash, Id user_id, Id workspace_id,
                                     Timestamp expires_at) {
    const auto created = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    db_.write([&](Connection& c) {
        auto& st = c.prepare(
            "INSERT INTO dashboard_sessions (token_hash, user_id, workspace_id, created_at, expires_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)");
        st.bind(1, token_hash);
        st.bind(2, user_id);
        st.bind(3, workspace_id);
        st.bind(4, sql::seconds(created));
        st.bind(5, sql::seconds(expires_at));
        st.exec();
    });
}

std::optional<DashboardSession> DashboardAccess::find_session(const std::string& token_hash, Timestamp now) {
    std::optional<DashboardSession> found;
    db_.read([&](Connection& c) {
        // The join re-checks the user on every request: an admin demoted (or erased) loses the dashboard at once.
        auto& st = c.prepare(
            "SELECT s.user_id, s.workspace_id, s.expires_at FROM dashboard_sessions AS s "
            "JOIN users AS u ON u.id = s.user_id "
            "WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.is_admin = 1 AND u.workspace_id = s.workspace_id");
        st.bind(1, token_hash);
        st.bind(2, sql::seconds(now));
        if (st.executeStep())
            found = DashboardSession{sql::column_int(st, 0), sql::column_int(st, 1),
                                     sql::timestamp(sql::column_int(st, 2))};
    });
    return found;
}

void DashboardAccess::delete_session(const std::string& token_hash) {
    db_.write([&](Connection& c) {
        auto& st = c.prepare("DELETE FROM dashboard_sessions WHERE token_hash = ?1");
        st.bind(1, token_hash);
        st.exec();
    });
}

}  // namespace advocacy::storage
