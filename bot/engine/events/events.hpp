#pragma once
// One handler per inbound event kind; engine.cpp dispatches with std::visit.
#include "bot/engine.hpp"
#include "bot/engine/request.hpp"

namespace advocacy::engine {

Reply on_event(Request& r, const CommandInvoked& e);
Reply on_event(Request& r, const ButtonClicked& e);
Reply on_event(Request& r, const TextMessage& e);
Reply on_event(Request& r, const UserJoined& e);
Reply on_event(Request& r, const SharedByReaction& e);

// The text without a leading "/advocacy", "advocacy" or the configured slash command.
std::string_view strip_command_prefix(std::string_view text, std::string_view slash_command);

}  // namespace advocacy::engine
