// conversationUpdate: the bot was added to a 1:1 chat (first contact: the onboarding message, as UserJoined), to a
// team or a group chat (the reference is stored, nothing is posted), or removed (the reference is marked dead).
// Other members joining or leaving are ignored.
#include "adapters/teams/inbound/inbound.hpp"

namespace advocacy::teams::inbound {

server::HttpResponse conversation_update(Services& s, const Activity& a) {
    if (a.tenant_id.empty() || a.conversation_id.empty()) return malformed("conversationUpdate needs a tenant and conversation.id");
    if (includes_bot(a, a.members_removed)) {
        const auto ref = reference_of(a, s.clock.now());
        s.refs.mark_dead(ref.tenant_id, ref.owner, s.clock.now());
        return ack();
    }
    if (includes_bot(a, a.members_added) && a.personal() && !a.from.id.empty()) {
        deliver(s, a, s.engine.handle(Event{teams_user(a), teams_conversation(a), UserJoined{}}));
    }
    return ack();
}

}  // namespace advocacy::teams::inbound
