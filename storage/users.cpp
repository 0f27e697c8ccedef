// Users: who is in the program, their preferences, and campaign audiences.
#include "storage/users.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

#include "storage/enum_text.hpp"
#include "storage/sql_util.hpp"
#include "storage/user_rows.hpp"

namespace advocacy::storage {

namespace {

std::string select_users(std::string_view where) {
    return "SELECT " + std::string(user_columns) + " FROM users WHERE " + std::string(where);
}

std::optional<User> one_user(Connection& c, const std::string& sql, const std::function<void(SQLite::Statement&)>& bind) {
    auto& st = c.prepare(sql);
    bind(st);
    if (!st.executeStep()) return std::nullopt;
    return user_from_row(st);
}

std::vector<User> all_users(Connection& c, const std::string& sql, const std::function<void(SQLite::Statement&)>& bind) {
    std::vector<User> out;
    auto& st = c.prepare(sql);
    bind(st);
    while (st.executeStep()) out.push_back(user_from_row(st));
    return out;
}

const std::string by_id_sql = select_users("id = ?1");
const std::string by_platform_id_sql = select_users("workspace_id = ?1 AND platform_user_id = ?2");

// True when the sighting would change nothing stored (the common case: skip the write).
bool sighting_is_known(const User& u, const UserSighting& s) {
    auto same = [](const std::string& stored, const std::string& seen) { return seen.empty() || seen == stored; };
    return same(u.display_name, s.display_name) && same(u.locale, s.locale) && same(u.time_zone, s.time_zone) &&
           same(u.dm_conversation, s.dm_conversation) && (!s.bootstrap_admin || u.is_admin);
}

}  // namespace

User user_from_row(const SQLite::Statement& st) {
    User u;
    u.id = sql::column_int(st, 0);
    u.workspace_id = sql::column_int(st, 1);
    u.platform_user_id = sql::column_text(st, 2);
    u.display_name = sql::column_text(st, 3);
    u.locale = sql::column_text(st, 4);
    u.time_zone = sql::column_text(st, 5);
    u.group = sql::column_text(st, 6);
    u.dm_conversation = sql::column_text(st, 7);
    u.is_admin = sql::column_bool(st, 8);
    u.leaderboard_opt_out = sql::column_bool(st, 9);
    u.paused_until = sql::column_date(st, 10);
    u.paused_indefinitely = sql::column_bool(st, 11);
    u.frequency = sql::parse_enum<Frequency>(sql::column_text(st, 12));
    u.created_at = sql::timestamp(sql::column_int(st, 13));
    u.contacted = sql::column_bool(st, 14);
    return u;
}

UpsertedUser Users::upsert(const UserSighting& s, Timestamp now) {
    // Most events come from known users with nothing new: answer from a reader, no write.
    std::optional<User> known;
    db_.read([&](Connection& c) {
        auto& ws = c.prepare("SELECT id FROM workspaces WHERE platform = ?1 AND external_id = ?2");
        ws.bind(1, s.platform);
        ws.bind(2, s.workspace_external_id);
        if (!ws.executeStep()) return;
        const Id workspace_id = sql::column_int(ws, 0);
        known = one_user(c, by_platform_id_sql, [&](SQLite::Statement& st) {
            st.bind(1, workspace_id);
            st.bind(2, s.platform_user_id);
        });
    });
    if (known && known->contacted && sighting_is_known(*known, s)) return {*known, false};

    UpsertedUser result;
    db_.write([&](Connection& c) {
        const Id workspace_id = ensure_workspace_row(c, s.platform, s.workspace_external_id);
        auto& insert = c.prepare(
            "INSERT INTO users (workspace_id, platform_user_id, display_name, locale, time_zone, dm_conversation, "
            "is_admin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
            "ON CONFLICT (workspace_id, platform_user_id) DO NOTHING");
        insert.bind(1, workspace_id);
        insert.bind(2, s.platform_user_id);
        insert.bind(3, s.display_name);
        insert.bind(4, s.locale);
        insert.bind(5, s.time_zone);
        insert.bind(6, s.dm_conversation);
        insert.bind(7, s.bootstrap_admin ? 1 : 0);
        insert.bind(8, sql::seconds(now));
        result.created = insert.exec() == 1;
        if (!result.created) {
            // Known only from a channel's member list until now: this is their first contact.
            auto& contacted = c.prepare("SELECT contacted FROM users WHERE workspace_id = ?1 AND platform_user_id = ?2");
            contacted.bind(1, workspace_id);
            contacted.bind(2, s.platform_user_id);
            result.created = contacted.executeStep() && !sql::column_bool(contacted, 0);
            contacted.reset();
            auto& update = c.prepare(
                "UPDATE users SET "
                "display_name = CASE WHEN ?3 = '' THEN display_name ELSE ?3 END, "
                "locale = CASE WHEN ?4 = '' THEN locale ELSE ?4 END, "
                "time_zone = CASE WHEN ?5 = '' THEN time_zone ELSE ?5 END, "
                "dm_conversation = CASE WHEN ?6 = '' THEN dm_conversation ELSE ?6 END, "
                "is_admin = MAX(is_admin, ?7), contacted = 1 "
                "WHERE workspace_id = ?1 AND platform_user_id = ?2");
            update.bind(1, workspace_id);
            update.bind(2, s.platform_user_id);
            update.bind(3, s.display_name);
            update.bind(4, s.locale);
            update.bind(5, s.time_zone);
            update.bind(6, s.dm_conversation);
            update.bind(7, s.bootstrap_admin ? 1 : 0);
            update.exec();
        }
        result.user = *one_user(c, by_platform_id_sql, [&](SQLite::Statement& st) {
            st.bind(1, workspace_id);
            st.bind(2, s.platform_user_id);
        });
    });
    return result;
}

std::optional<User> Users::find(Id id) {
    std::optional<User> out;
    db_.read([&](Connection& c) { out = one_user(c, by_id_sql, [&](SQLite::Statement& st) { st.bind(1, id); }); });
    return out;
}

std::optional<User> Users::find_by_platform_id(Id workspace_id, const std::string& platform_user_id) {
    std::optional<User> out;
    db_.read([&](Connection& c) {
        out = one_user(c, by_platform_id_sql, [&](SQLite::Statement& st) {
            st.bind(1, workspace_id);
            st.bind(2, platform_user_id);
        });
    });
    return out;
}

std::vector<User> Users::in_workspace(Id workspace_id) {
    static const std::string sql = select_users("workspace_id = ?1 ORDER BY id");
    std::vector<User> out;
    db_.read([&](Connection& c) { out = all_users(c, sql, [&](SQLite::Statement& st) { st.bind(1, workspace_id); }); });
    return out;
}

std::vector<User> Users::admins(Id workspace_id) {
    static const std::string sql = select_users("workspace_id = ?1 AND is_admin = 1 ORDER BY id");
    std::vector<User> out;
    db_.read([&](Connection& c) { out = all_users(c, sql, [&](SQLite::Statement& st) { st.bind(1, workspace_id); }); });
    return out;
}

std::vector<User> Users::audience(Id workspace_id, const std::string& audience) {
    static const std::string all_sql = select_users("workspace_id = ?1 ORDER BY id");
    static const std::string group_sql = select_users("workspace_id = ?1 AND group_name = ?2 ORDER BY id");
    static const std::string channel_sql = select_users(
        "workspace_id = ?1 AND id IN (SELECT user_id FROM user_channels WHERE channel = ?2) ORDER BY id");
    const std::string group_prefix = "group:";
    const std::string* sql = nullptr;
    std::string key;
    if (audience == "all") {
        sql = &all_sql;
    } else if (audience.rfind(group_prefix, 0) == 0 && audience.size() > group_prefix.size()) {
        sql = &group_sql;
        key = audience.substr(group_prefix.size());
    } else if (audience.size() > 1 && audience[0] == '#') {
        sql = &channel_sql;
        key = channel_key(audience);
    } else {
        throw std::invalid_argument("unknown audience '" + audience + "': expected all, group:NAME or #channel");
    }
    std::vector<User> out;
    db_.read([&](Connection& c) {
        out = all_users(c, *sql, [&](SQLite::Statement& st) {
            st.bind(1, workspace_id);
            if (!key.empty()) st.bind(2, key);
        });
    });
    return out;
}

void Users::note_channel(Id user_id, const std::string& channel_name) {
    const std::string channel = channel_key(channel_name);
    if (channel.empty()) return;
    bool known = false;
    db_.read([&](Connection& c) {
        auto& st = c.prepare("SELECT 1 FROM user_channels WHERE user_id = ?1 AND channel = ?2");
        st.bind(1, user_id);
        st.bind(2, channel);
        known = st.executeStep();
    });
    if (known) return;
    db_.write([&](Connection& c) {
        auto& st = c.prepare("INSERT OR IGNORE INTO user_channels (user_id, channel) VALUES (?1, ?2)");
        st.bind(1, user_id);
        st.bind(2, channel);
        st.exec();
    });
}

namespace {
void update_user(Database& db, Id user_id, std::string_view sql, const std::function<void(SQLite::Statement&)>& bind) {
    db.write([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.bind(1, user_id);
        bind(st);
        st.exec();
    });
}
}  // namespace

void Users::set_admin(Id user_id, bool is_admin) {
    update_user(db_, user_id, "UPDATE users SET is_admin = ?2 WHERE id = ?1",
                [&](SQLite::Statement& st) { st.bind(2, is_admin ? 1 : 0); });
}

void Users::set_group(Id user_id, const std::string& group) {
    update_user(db_, user_id, "UPDATE users SET group_name = ?2 WHERE id = ?1",
                [&](SQLite::Statement& st) { st.bind(2, group); });
}

void Users::set_pause(Id user_id, std::optional<Date> until, bool indefinitely) {
    update_user(db_, user_id, "UPDATE users SET paused_until = ?2, paused_indefinitely = ?3 WHERE id = ?1",
                [&](SQLite::Statement& st) {
                    sql::bind_date(st, 2, until);
                    st.bind(3, indefinitely ? 1 : 0);
                });
}

void Users::set_frequency(Id user_id, Frequency f) {
    update_user(db_, user_id, "UPDATE users SET frequency = ?2 WHERE id = ?1",
                [&](SQLite::Statement& st) { st.bind(2, sql::text(f)); });
}

void Users::set_leaderboard_opt_out(Id user_id, bool opt_out) {
    update_user(db_, user_id, "UPDATE users SET leaderboard_opt_out = ?2 WHERE id = ?1",
                [&](SQLite::Statement& st) { st.bind(2, opt_out ? 1 : 0); });
}

}  // namespace advocacy::storage
