#pragma once
// Private: reading users and workspaces rows, and the workspace upsert shared by Users::ensure_workspace/upsert.
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

inline constexpr std::string_view user_columns =
    "id, workspace_id, platform_user_id, display_name, locale, time_zone, group_name, dm_conversation, is_admin, "
    "leaderboard_opt_out, paused_until, paused_indefinitely, frequency, created_at, contacted";

// Reads the current row of a statement selecting `user_columns` (in that order, from column 0).
User user_from_row(const SQLite::Statement& st);

// A channel as stored in user_channels and channel_syncs: the name without its leading '#'.
inline std::string channel_key(const std::string& name) {
    return !name.empty() && name[0] == '#' ? name.substr(1) : name;
}

// Inside a write job: the workspace's id, inserting it when new.
Id ensure_workspace_row(Connection& c, const std::string& platform, const std::string& external_id);

}  // namespace advocacy::storage
