// Users: channel membership replaced from the platform's member list ("#channel" audiences), and when it was synced.
#include <SQLiteCpp/SQLiteCpp.h>

#include <set>
#include <stdexcept>

#include "storage/indexed_queries.hpp"
#include "storage/sql_util.hpp"
#include "storage/user_rows.hpp"
#include "storage/users.hpp"

namespace advocacy::storage {

ChannelMembershipChange Users::set_channel_members(Id workspace_id, const std::string& channel_name,
                                                   const std::vector<std::string>& platform_user_ids, Timestamp now) {
    const std::string channel = channel_key(channel_name);
    if (channel.empty()) throw std::invalid_argument("set_channel_members: empty channel name");
    ChannelMembershipChange change;
    db_.write([&](Connection& c) {
        // Everyone listed, as user ids (creating the ones never seen, with just their platform id).
        std::set<Id> listed;
        auto& create = c.prepare(
            "INSERT INTO users (workspace_id, platform_user_id, created_at, contacted) VALUES (?1, ?2, ?3, 0) "
            "ON CONFLICT (workspace_id, platform_user_id) DO NOTHING");
        auto& find = c.prepare("SELECT id FROM users WHERE workspace_id = ?1 AND platform_user_id = ?2");
        for (const auto& platform_id : platform_user_ids) {
            if (platform_id.empty()) continue;
            create.reset();
            create.clearBindings();
            create.bind(1, workspace_id);
            create.bind(2, platform_id);
            create.bind(3, sql::seconds(now));
            change.new_users += create.exec();
            find.reset();
            find.clearBindings();
            find.bind(1, workspace_id);
            find.bind(2, platform_id);
            if (find.executeStep()) listed.insert(sql::column_int(find, 0));
        }

        std::set<Id> current;
        auto& members = c.prepare(queries::channel_members);
        members.bind(1, workspace_id);
        members.bind(2, channel);
        while (members.executeStep()) current.insert(sql::column_int(members, 0));

        auto& join = c.prepare("INSERT OR IGNORE INTO user_channels (user_id, channel) VALUES (?1, ?2)");
        for (const Id id : listed) {
            if (current.contains(id)) continue;
            join.reset();
            join.clearBindings();
            join.bind(1, id);
            join.bind(2, channel);
            change.joined += join.exec();
        }
        auto& leave = c.prepare("DELETE FROM user_channels WHERE user_id = ?1 AND channel = ?2");
        for (const Id id : current) {
            if (listed.contains(id)) continue;
            leave.reset();
            leave.clearBindings();
            leave.bind(1, id);
            leave.bind(2, channel);
            change.left += leave.exec();
        }

        auto& synced = c.prepare(
            "INSERT INTO channel_syncs (workspace_id, channel, synced_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (workspace_id, channel) DO UPDATE SET synced_at = excluded.synced_at");
        synced.bind(1, workspace_id);
        synced.bind(2, channel);
        synced.bind(3, sql::seconds(now));
        synced.exec();
    });
    return change;
}

std::optional<Timestamp> Users::channel_synced_at(Id workspace_id, const std::string& channel_name) {
    std::optional<Timestamp> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::channel_synced_at);
        st.bind(1, workspace_id);
        st.bind(2, channel_key(channel_name));
        if (st.executeStep()) out = sql::timestamp(sql::column_int(st, 0));
    });
    return out;
}

}  // namespace advocacy::storage
