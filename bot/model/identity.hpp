#pragma once
// Who an event comes from, in platform-neutral terms. Adapters fill it; the engine never sees platform JSON.
#include <optional>
#include <string>
#include <string_view>

namespace advocacy {

enum class Platform { slack, teams, playground };

std::string_view to_string(Platform p);
std::optional<Platform> platform_from_string(std::string_view s);

struct UserIdentity {
    Platform platform = Platform::playground;
    std::string workspace_id;  // Slack team id, Teams tenant id, "playground"
    std::string user_id;       // the platform's own user id
    std::string display_name;  // may be empty when the platform did not send it
    std::optional<std::string> locale;     // platform locale as sent ("fr-FR", "en-US"...), if known
    std::optional<std::string> time_zone;  // IANA name ("Europe/Paris"), if known
};

// Where a reply or a push goes. `conversation_id` is the platform's own id (Slack channel/DM id, Teams conversation id).
struct Conversation {
    Platform platform = Platform::playground;
    std::string workspace_id;
    std::string conversation_id;
    bool is_direct = true;  // DM with one user vs. shared channel
};

}  // namespace advocacy
