#pragma once
// Workspaces and users: who is in the program and their own preferences.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

// What the platform told us about a user in the latest event; empty fields leave stored values alone.
struct UserSighting {
    std::string platform;        // "slack" | "teams" | "playground"
    std::string workspace_external_id;
    std::string platform_user_id;
    std::string display_name;
    std::string locale;          // "en" | "fr" (already normalised by the caller) or empty
    std::string time_zone;       // IANA or empty
    std::string dm_conversation; // or empty
    bool bootstrap_admin = false;  // listed in [admins]: forces is_admin on
};

struct UpsertedUser {
    User user;
    bool created = false;  // first time we see this person: the engine sends the onboarding message
};

// What `forget-me` erased, counted, so the user can be told.
struct ErasureReport {
    int deliveries = 0;
    int interactions = 0;
    int points_entries = 0;
    int suggestions = 0;  // their pending suggestions, deleted
};

class Users {
public:
    explicit Users(Database& db) : db_(db) {}

    Id ensure_workspace(const std::string& platform, const std::string& external_id);
    std::vector<Workspace> workspaces();
    std::optional<Workspace> workspace(Id id);

    UpsertedUser upsert(const UserSighting& sighting, Timestamp now);
    std::optional<User> find(Id id);
    std::optional<User> find_by_platform_id(Id workspace_id, const std::string& platform_user_id);
    std::vector<User> in_workspace(Id workspace_id);
    std::vector<User> admins(Id workspace_id);
    // Users a campaign audience designates: "all" (everyone in the workspace), "group:NAME", or "#channel"
    // (users seen in that channel, see note_channel).
    std::vector<User> audience(Id workspace_id, const std::string& audience);
    // Remember that the user is a member of a channel (adapters report it from events and member lists).
    void note_channel(Id user_id, const std::string& channel_name);

    void set_admin(Id user_id, bool is_admin);
    void set_group(Id user_id, const std::string& group);  // empty clears
    void set_pause(Id user_id, std::optional<Date> until, bool indefinitely);  // (nullopt, false) resumes
    void set_frequency(Id user_id, Frequency f);
    void set_leaderboard_opt_out(Id user_id, bool opt_out);

    // Erases the user's personal data: their row, deliveries, interactions, points, link tokens, pending
    // suggestions. Audit entries they made keep the action but lose the actor (set to 0).
    ErasureReport forget(Id user_id);

private:
    Database& db_;
};

}  // namespace advocacy::storage
