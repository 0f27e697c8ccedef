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

// What Users::set_channel_members changed.
struct ChannelMembershipChange {
    int joined = 0;     // memberships added
    int left = 0;       // memberships removed (no longer in the member list)
    int new_users = 0;  // users created with just their platform id (never seen in an event yet)
};

struct UpsertedUser {
    User user;
    // First time we hear from this person (new, or known only from a channel's member list until now): the engine
    // sends the onboarding message.
    bool created = false;
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
    // (the channel's members: set_channel_members from the platform's list, or note_channel from events).
    std::vector<User> audience(Id workspace_id, const std::string& audience);
    // Remember that the user is a member of a channel (adapters report it from events and member lists).
    void note_channel(Id user_id, const std::string& channel_name);
    // Replaces, in one transaction, the workspace's members of a channel ("#" optional, case-insensitive) with the
    // platform's member list: unknown platform ids become users (just the id, not `contacted`: their first event is
    // still a first contact), members no longer listed leave the
    // channel (their user row stays), and the channel's sync time becomes `now`.
    ChannelMembershipChange set_channel_members(Id workspace_id, const std::string& channel_name,
                                                const std::vector<std::string>& platform_user_ids, Timestamp now);
    // When set_channel_members last ran for that channel; nullopt when never.
    std::optional<Timestamp> channel_synced_at(Id workspace_id, const std::string& channel_name);

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
