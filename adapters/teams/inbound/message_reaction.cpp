// messageReaction: the configured reaction ([teams] share_reaction, default "like") added to one of our content
// cards counts as "I shared it". The card is `replyToId`; the engine finds the delivery by
// "<conversation id>|<activity id>" and checks it was sent to this user. Removed reactions change nothing.
#include <algorithm>

#include "adapters/teams/inbound/inbound.hpp"

namespace advocacy::teams::inbound {

server::HttpResponse message_reaction(Services& s, const Activity& a) {
    const auto& added = a.reactions_added;
    if (std::find(added.begin(), added.end(), s.config.teams.share_reaction) == added.end()) return ack();
    if (a.from.id.empty() || a.tenant_id.empty() || a.conversation_id.empty() || a.reply_to_id.empty())
        return malformed("messageReaction needs from.id, a tenant, conversation.id and replyToId");
    const ActivityRef card{a.conversation_id, a.reply_to_id};
    deliver(s, a, s.engine.handle(Event{teams_user(a), teams_conversation(a), SharedByReaction{card.str()}}));
    return ack();
}

}  // namespace advocacy::teams::inbound
