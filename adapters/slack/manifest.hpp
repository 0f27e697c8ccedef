#pragma once
// The Slack app manifest an admin pastes into "Create an app > From a manifest": bot user, the slash command,
// the scopes the adapter actually uses, interactivity and event subscriptions at <public_base_url>/slack/events
// (or Socket Mode when [slack] mode = "socket").
#include <boost/json/object.hpp>

#include "config/config.hpp"

namespace advocacy::slack {

boost::json::object app_manifest(const config::Config& config, std::string_view app_name = "advocacy-bot");

}  // namespace advocacy::slack
