#pragma once
// Append-only log of admin actions, and per-workspace program settings changed at run time (`schedule`).
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

class AuditLog {
public:
    explicit AuditLog(Database& db) : db_(db) {}
    void append(Id workspace_id, Id actor_user_id, const std::string& action, const std::string& detail, Timestamp at);
    std::vector<AuditEntry> recent(Id workspace_id, int limit);

private:
    Database& db_;
};

// Key/value overrides of [program] per workspace: "push_time", "time_zone", "working_days", "leaderboard".
class Settings {
public:
    explicit Settings(Database& db) : db_(db) {}
    std::optional<std::string> get(Id workspace_id, const std::string& key);
    void set(Id workspace_id, const std::string& key, const std::string& value);

    // Last time a scheduled job ran, keyed e.g. "leaderboard:2026-W48", so a restart does not post twice.
    // Returns true if it was not marked before (and marks it), atomically.
    bool mark_once(Id workspace_id, const std::string& key, Timestamp at);

private:
    Database& db_;
};

}  // namespace advocacy::storage
