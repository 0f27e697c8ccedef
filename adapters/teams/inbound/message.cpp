// message: text typed to the bot ("why", "me", "campaign list", "/advocacy help", with the bot's @mention in a
// channel) -> TextMessage; or an Action.Submit from one of our cards (the Action.Execute fallback of older clients):
// `value` carries {advocacy_action, advocacy_value} and `replyToId` the card -> ButtonClicked.
#include <boost/json.hpp>

#include "adapters/teams/inbound/inbound.hpp"

namespace advocacy::teams::inbound {

server::HttpResponse message(Services& s, const Activity& a) {
    if (a.from.id.empty() || a.tenant_id.empty() || a.conversation_id.empty())
        return malformed("message needs from.id, a tenant and conversation.id");
    if (a.value) {
        auto click = button_of(*a.value, a);
        if (!click) return ack();  // a card that is not ours
        Reply reply = s.engine.handle(Event{teams_user(a), teams_conversation(a), std::move(*click)});
        for (auto& m : reply.messages) {
            if (!m.replace_original) m.ephemeral = true;  // an answer to a click is the clicker's
        }
        deliver(s, a, std::move(reply), a.reply_to_id);
        return ack();
    }
    const std::string text = strip_bot_mention(a);
    if (text.empty()) return ack();
    deliver(s, a, s.engine.handle(Event{teams_user(a), teams_conversation(a), TextMessage{text}}));
    return ack();
}

}  // namespace advocacy::teams::inbound
