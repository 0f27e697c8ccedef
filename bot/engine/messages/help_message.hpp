#pragma once
// `help`: one line per command the requester may run (usage + localized description).
#include <string_view>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"

namespace advocacy::engine {

// The description key of a command: "help.cmd.campaign_create", "help.cmd.forget_me".
std::string help_key(std::string_view command_name);
// Admin commands are listed for admins only; `topic` (a command's first word) narrows the list.
Message help_message(i18n::Lang lang, bool is_admin, std::string_view topic);

}  // namespace advocacy::engine
