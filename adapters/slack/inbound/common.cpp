// Helpers shared by the inbound handlers.
#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "adapters/slack/app_home.hpp"
#include "adapters/slack/inbound/inbound.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack::inbound {

namespace json = boost::json;

server::HttpResponse ack() { return server::HttpResponse::text(200, ""); }

server::HttpResponse malformed(std::string_view why) {
    auto r = server::HttpResponse::text(400, "bad request: " + std::string(why) + "\n");
    r.headers.emplace_back("X-Slack-No-Retry", "1");
    return r;
}

const json::string* string_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v ? v->if_string() : nullptr;
}

const json::object* object_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v ? v->if_object() : nullptr;
}

std::string text_at(const json::object& o, std::string_view key) {
    const auto* s = string_at(o, key);
    return s ? std::string(*s) : std::string{};
}

UserIdentity slack_user(std::string team_id, std::string user_id, std::string display_name) {
    UserIdentity u;
    u.platform = Platform::slack;
    u.workspace_id = std::move(team_id);
    u.user_id = std::move(user_id);
    u.display_name = std::move(display_name);
    return u;
}

UserIdentity identify(Services& s, std::string team_id, std::string user_id, std::string display_name) {
    UserIdentity u = slack_user(std::move(team_id), std::move(user_id), std::move(display_name));
    if (s.users) s.users->enrich(u);
    return u;
}

Conversation slack_conversation(std::string team_id, std::string channel, bool direct) {
    return Conversation{Platform::slack, std::move(team_id), std::move(channel), direct};
}

bool is_dm_channel(std::string_view channel) { return !channel.empty() && channel.front() == 'D'; }

std::string trusted_response_url(std::string_view url, std::string_view api_base_url) {
    const auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || !parsed->has_authority()) return {};
    const auto host = parsed->encoded_host();
    if (parsed->scheme() == "https" && (host == "hooks.slack.com" || host == "hooks.slack-gov.com") &&
        !parsed->has_port()) {
        return std::string(url);
    }
    const auto base = boost::urls::parse_absolute_uri(api_base_url);
    if (base && base->scheme() == parsed->scheme() && base->encoded_authority() == parsed->encoded_authority()) {
        return std::string(url);
    }
    return {};
}

std::string language_of(const Services& s, const UserIdentity& who) {
    if (who.locale && !who.locale->empty()) return who.locale->substr(0, 2);
    return s.config.program.default_locale;
}

void publish_home(Services& s, const UserIdentity& who, const Conversation& where) {
    if (!s.api) return;
    const Reply me = s.engine.handle(Event{who, where, CommandInvoked{"me"}});
    s.api->call_async("views.publish", json::object{{"user_id", who.user_id}, {"view", home_view(me, language_of(s, who))}},
                      [](ApiResult r) {
                          if (!r.ok) log::warn("slack", "views.publish failed", {{"error", r.error}});
                      });
}

void deliver_to_dm(Services& s, const Reply& reply, const std::string& team, const std::string& user,
                   const std::string& dm) {
    Reply out;
    for (const auto& m : reply.messages) out.notifications.push_back({slack_conversation(team, dm, true), m});
    for (const auto& n : reply.notifications) out.notifications.push_back(n);
    s.delivery.deliver(std::move(out), ReplyOrigin{dm, user, true, std::nullopt, false, {}});
}

void handle_and_deliver(Services& s, const Event& event, ReplyOrigin origin) {
    s.delivery.deliver(s.engine.handle(event), std::move(origin));
}

}  // namespace advocacy::slack::inbound
