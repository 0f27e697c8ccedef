#include "adapters/slack/manifest.hpp"

#include <boost/json.hpp>

#include "adapters/slack/adapter.hpp"

namespace advocacy::slack {

namespace json = boost::json;

json::object app_manifest(const config::Config& config, std::string_view app_name) {
    const bool socket = config.slack.mode == config::SlackMode::socket;
    const std::string url = config.server.public_base_url + std::string(kEventsPath);

    json::object command{{"command", config.slack.slash_command},
                         {"description", "Employee advocacy: today's content, campaigns, your shares"},
                         {"usage_hint", "help | me | why | campaign list | content add ..."},
                         {"should_escape", true}};  // the command parser expects <@U..> and <url|x> forms
    if (!socket) command["url"] = url;

    // Scopes the adapter's calls and events need, and nothing more.
    json::array scopes{
        "commands",          // the slash command
        "chat:write",        // chat.postMessage, chat.update, chat.postEphemeral
        "im:write",          // conversations.open (DMs)
        "im:history",        // message.im events (text to the bot)
        "reactions:read",    // reaction_added events (the "I shared it" emoji)
        "users:read",        // users.info: display name, locale and time zone
        "channels:read",     // conversations.list / conversations.members: "#channel" audiences (public)
        "groups:read",       // the same for private channels the bot was invited to
    };

    json::object events{{"bot_events", json::array{"app_home_opened", "message.im", "reaction_added"}}};
    json::object interactivity{{"is_enabled", true}};
    if (!socket) {
        events["request_url"] = url;
        interactivity["request_url"] = url;
    }

    return json::object{
        {"_metadata", json::object{{"major_version", 1}, {"minor_version", 1}}},
        {"display_information",
         json::object{{"name", app_name},
                      {"description", "Share your company's content in one click, and know why it matters."},
                      {"background_color", "#1d4ed8"}}},
        {"features",
         json::object{{"app_home", json::object{{"home_tab_enabled", true},
                                                 {"messages_tab_enabled", true},
                                                 {"messages_tab_read_only_enabled", false}}},
                      {"bot_user", json::object{{"display_name", app_name}, {"always_online", true}}},
                      {"slash_commands", json::array{std::move(command)}}}},
        {"oauth_config", json::object{{"scopes", json::object{{"bot", std::move(scopes)}}}}},
        {"settings", json::object{{"event_subscriptions", std::move(events)},
                                  {"interactivity", std::move(interactivity)},
                                  {"org_deploy_enabled", false},
                                  {"socket_mode_enabled", socket},
                                  {"token_rotation_enabled", false}}},
    };
}

}  // namespace advocacy::slack
