#include "bot/engine/sighting.hpp"

#include <algorithm>

#include "bot/i18n/catalog.hpp"
#include "config/values.hpp"

namespace advocacy::engine {

bool is_bootstrap_admin(const config::AdminsConfig& admins, Platform platform, const std::string& user_id) {
    const std::vector<std::string>* list = nullptr;
    switch (platform) {
        case Platform::slack: list = &admins.slack; break;
        case Platform::teams: list = &admins.teams; break;
        case Platform::playground: list = &admins.playground; break;
    }
    return list && std::find(list->begin(), list->end(), user_id) != list->end();
}

storage::UserSighting sighting_of(const Event& event, const config::Config& config) {
    const UserIdentity& who = event.user;
    storage::UserSighting s;
    s.platform = std::string(to_string(who.platform));
    s.workspace_external_id = who.workspace_id;
    s.platform_user_id = who.user_id;
    s.display_name = who.display_name;
    if (who.locale) {
        if (const auto lang = i18n::parse_lang(*who.locale)) s.locale = std::string(i18n::lang_code(*lang));
    }
    // An unknown zone name would only fall back later: keep the stored one instead.
    if (who.time_zone && config::is_known_time_zone(*who.time_zone)) s.time_zone = *who.time_zone;
    if (event.conversation.is_direct) s.dm_conversation = event.conversation.conversation_id;
    s.bootstrap_admin = is_bootstrap_admin(config.admins, who.platform, who.user_id);
    return s;
}

}  // namespace advocacy::engine
