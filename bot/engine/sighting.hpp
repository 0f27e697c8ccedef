#pragma once
// What an inbound event tells us about its sender, as a storage UserSighting.
#include "bot/model/event.hpp"
#include "config/config.hpp"
#include "storage/users.hpp"

namespace advocacy::engine {

storage::UserSighting sighting_of(const Event& event, const config::Config& config);
bool is_bootstrap_admin(const config::AdminsConfig& admins, Platform platform, const std::string& user_id);

}  // namespace advocacy::engine
