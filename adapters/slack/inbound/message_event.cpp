// message.im: text a user writes to the bot in its DM ("why", "help", "me", "pourquoi ?") -> TextMessage.
// Our own messages, edits, joins and other subtypes are ignored (answering them would loop).
#include <boost/json.hpp>

#include "adapters/slack/inbound/inbound.hpp"
#include "adapters/slack/text_limits.hpp"

namespace advocacy::slack::inbound {

server::HttpResponse message_event(Services& s, const Request& r) {
    const auto& event = *object_at(r.body, "event");
    if (event.contains("bot_id") || event.contains("subtype") || text_at(event, "channel_type") != "im") return ack();
    const std::string user = text_at(event, "user");
    const std::string channel = text_at(event, "channel");
    const auto* text = string_at(event, "text");
    if (user.empty() || channel.empty() || !text) return malformed("message event needs user, channel and text");
    if (text->empty()) return ack();

    const std::string team = text_at(r.body, "team_id");
    // Slack sends & < > typed by the user as entities: the command language decodes them (Markup::slack).
    Event e{identify(s, team, user), slack_conversation(team, channel, true),
            TextMessage{clean_utf8(*text), commands::Markup::slack}};
    handle_and_deliver(s, e, ReplyOrigin{channel, user, true, std::nullopt, false, {}});
    return ack();
}

}  // namespace advocacy::slack::inbound
