#pragma once
// First contact: what the bot sends, why sharing matters, what is recorded, how to pause or opt out.
#include <string>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"

namespace advocacy::engine {

Message onboarding_message(i18n::Lang lang, const std::string& display_name);

}  // namespace advocacy::engine
