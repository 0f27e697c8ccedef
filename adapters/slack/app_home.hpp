#pragma once
// The App Home tab (views.publish): the user's own summary (the engine's answer to `me`: shares, rank, settings)
// and one-click settings. Those buttons carry a command of the command language as their value and action ids
// `advocacy_command_<name>`; a click is that command typed by the user (CommandInvoked), so the engine's rules
// (and its admin checks) apply unchanged.
#include <boost/json/object.hpp>

#include <string>
#include <string_view>

#include "bot/engine.hpp"

namespace advocacy::slack {

inline constexpr std::string_view kCommandActionPrefix = "advocacy_command_";

// The `home` view for views.publish, from the engine's reply to `me` ("fr" labels or English).
boost::json::object home_view(const Reply& me, std::string_view lang);

}  // namespace advocacy::slack
