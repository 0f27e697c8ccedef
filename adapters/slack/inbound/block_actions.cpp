// block_actions: a button of one of our messages -> ButtonClicked (action_id, value, "<channel>:<message_ts>").
// URL buttons (advocacy_share_<network>) arrive here too: the engine acks them without counting (the /s/ redirect
// they open is the count). The engine's work is a quick durable write, so it runs before the 200; the Web API
// follow-up (chat.update of the card, an ephemeral "why") is queued and never delays the ack.
#include <boost/json.hpp>

#include "adapters/slack/app_home.hpp"
#include "adapters/slack/inbound/inbound.hpp"
#include "adapters/slack/text_limits.hpp"

namespace advocacy::slack::inbound {

namespace json = boost::json;

server::HttpResponse block_actions(Services& s, const Request& r) {
    const auto* user = object_at(r.body, "user");
    const auto* actions_value = r.body.if_contains("actions");
    const auto* actions = actions_value ? actions_value->if_array() : nullptr;
    const std::string user_id = user ? text_at(*user, "id") : std::string{};
    std::string team = object_at(r.body, "team") ? text_at(*object_at(r.body, "team"), "id") : std::string{};
    if (team.empty() && user) team = text_at(*user, "team_id");
    if (user_id.empty() || team.empty() || !actions || actions->empty()) {
        return malformed("block_actions needs user.id, team.id and actions");
    }
    for (const auto& a : *actions) {
        if (!a.is_object() || text_at(a.as_object(), "action_id").empty()) return malformed("action without action_id");
    }

    const json::object empty;
    const auto* container = object_at(r.body, "container");
    const json::object& c = container ? *container : empty;
    std::string channel = object_at(r.body, "channel") ? text_at(*object_at(r.body, "channel"), "id") : std::string{};
    if (channel.empty()) channel = text_at(c, "channel_id");
    const std::string message_ts = text_at(c, "message_ts");
    const auto* ephemeral = c.if_contains("is_ephemeral");

    ReplyOrigin origin;
    origin.channel = channel;
    origin.user = user_id;
    origin.direct = is_dm_channel(channel);
    if (!channel.empty() && !message_ts.empty()) origin.clicked = MessageRef{channel, message_ts};
    origin.clicked_is_ephemeral = ephemeral && ephemeral->is_bool() && ephemeral->as_bool();
    origin.response_url = trusted_response_url(text_at(r.body, "response_url"), s.api_base_url);

    const UserIdentity who = identify(s, team, user_id, user ? text_at(*user, "name") : std::string{});
    Reply all;
    bool home_command = false;
    for (const auto& a : *actions) {
        const auto& action = a.as_object();
        const std::string action_id = text_at(action, "action_id");
        if (action_id.starts_with(kCommandActionPrefix)) {
            // A settings button of the Home tab: the command in its value, as if typed; answered in the DM.
            home_command = true;
            // No conversation: the Home tab is not a channel (the engine must not note it as one).
            const Reply reply = s.engine.handle(Event{who, slack_conversation(team, {}, false),
                                                      CommandInvoked{clean_utf8(text_at(action, "value"))}});
            deliver_to_dm(s, reply, team, user_id, user_id);
            continue;
        }
        ButtonClicked click{clean_utf8(text_at(action, "action_id")), clean_utf8(text_at(action, "value")),
                            origin.clicked ? std::optional<std::string>(origin.clicked->str()) : std::nullopt};
        Event e{who, slack_conversation(team, channel, origin.direct), std::move(click)};
        Reply reply = s.engine.handle(e);
        for (auto& m : reply.messages) {
            // A click is one person's: what answers it (e.g. "why share this?") is shown to the clicker only,
            // unless it updates the clicked message.
            if (!m.replace_original) m.ephemeral = true;
            all.messages.push_back(std::move(m));
        }
        for (auto& n : reply.notifications) all.notifications.push_back(std::move(n));
    }
    s.delivery.deliver(std::move(all), std::move(origin));
    if (home_command) publish_home(s, who, slack_conversation(team, {}, false));
    return ack();
}

}  // namespace advocacy::slack::inbound
