// The app manifest: URLs from the config, the configured slash command, scopes the adapter uses, socket mode.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "adapters/slack/manifest.hpp"

using namespace advocacy;
namespace json = boost::json;

TEST_CASE("the manifest points Slack at <public_base_url>/slack/events in HTTP mode") {
    config::Config c;
    c.server.public_base_url = "https://advocacy.acme.example";
    c.slack.enabled = true;
    c.slack.slash_command = "/share";
    const json::object m = slack::app_manifest(c);
    const std::string url = "https://advocacy.acme.example/slack/events";
    const auto& cmd = m.at("features").at("slash_commands").at(0);
    CHECK(cmd.at("command").as_string() == "/share");
    CHECK(cmd.at("url").as_string() == url);
    CHECK(cmd.at("should_escape").as_bool());
    CHECK(m.at("settings").at("interactivity").at("request_url").as_string() == url);
    CHECK(m.at("settings").at("interactivity").at("is_enabled").as_bool());
    CHECK(m.at("settings").at("event_subscriptions").at("request_url").as_string() == url);
    CHECK(m.at("settings").at("socket_mode_enabled").as_bool() == false);
    CHECK(m.at("features").at("bot_user").at("always_online").as_bool());
    std::vector<std::string> scopes;
    for (const auto& s : m.at("oauth_config").at("scopes").at("bot").as_array()) scopes.emplace_back(s.as_string());
    CHECK(scopes == std::vector<std::string>{"commands", "chat:write", "im:write", "im:history", "reactions:read", "users:read",
                                         "channels:read", "groups:read"});
    std::vector<std::string> events;
    for (const auto& e : m.at("settings").at("event_subscriptions").at("bot_events").as_array())
        events.emplace_back(e.as_string());
    CHECK(events == std::vector<std::string>{"app_home_opened", "message.im", "reaction_added"});
}

TEST_CASE("in socket mode the manifest has no request URLs") {
    config::Config c;
    c.slack.enabled = true;
    c.slack.mode = config::SlackMode::socket;
    const json::object m = slack::app_manifest(c);
    CHECK(m.at("settings").at("socket_mode_enabled").as_bool());
    CHECK(!m.at("settings").at("interactivity").as_object().contains("request_url"));
    CHECK(!m.at("settings").at("event_subscriptions").as_object().contains("request_url"));
    CHECK(!m.at("features").at("slash_commands").at(0).as_object().contains("url"));
}
