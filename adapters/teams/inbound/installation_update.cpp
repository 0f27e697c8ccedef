// installationUpdate: the app was installed (add, add-upgrade) or uninstalled (remove, remove-upgrade) for a user or
// in a team. Install in a 1:1 chat is first contact (UserJoined: the onboarding message, once per user); uninstall
// marks the reference dead, so pushes stop until the user comes back.
#include "adapters/teams/inbound/inbound.hpp"

namespace advocacy::teams::inbound {

server::HttpResponse installation_update(Services& s, const Activity& a) {
    if (a.tenant_id.empty() || a.conversation_id.empty())
        return malformed("installationUpdate needs a tenant and conversation.id");
    if (a.action.starts_with("remove")) {
        const auto ref = reference_of(a, s.clock.now());
        s.refs.mark_dead(ref.tenant_id, ref.owner, s.clock.now());
        return ack();
    }
    if (a.action.starts_with("add") && a.personal() && !a.from.id.empty()) {
        deliver(s, a, s.engine.handle(Event{teams_user(a), teams_conversation(a), UserJoined{}}));
    }
    return ack();
}

}  // namespace advocacy::teams::inbound
