// The one routing table of the Teams endpoint: the activity's kind ("<type>", or "invoke/<name>") and its handler.
// Kinds we do not handle (typing, messageUpdate, other invokes, types that do not exist yet) are acknowledged and
// ignored; their conversation reference is still refreshed (the serviceUrl may have changed).
#include <map>
#include <string>

#include "adapters/teams/inbound/inbound.hpp"
#include "bot/log/log.hpp"

namespace advocacy::teams::inbound {

namespace {

const std::map<std::string, Handler, std::less<>>& routes() {
    static const std::map<std::string, Handler, std::less<>> table{
        {"message", message},
        {"invoke/adaptiveCard/action", card_action},
        {"conversationUpdate", conversation_update},
        {"installationUpdate", installation_update},
        {"messageReaction", message_reaction},
    };
    return table;
}

// Removal activities close the reference instead; the rest refresh it.
bool removes_bot(const Activity& a) {
    if (a.type == "installationUpdate") return a.action.starts_with("remove");
    return a.type == "conversationUpdate" && includes_bot(a, a.members_removed);
}

}  // namespace

server::HttpResponse dispatch(Services& s, const Activity& a) {
    if (!a.tenant_id.empty() && !a.conversation_id.empty() && !a.service_url.empty() && !removes_bot(a) &&
        (!a.personal() || !a.from.id.empty())) {
        s.refs.save(reference_of(a, s.clock.now()));
    }
    const std::string kind = a.type == "invoke" ? "invoke/" + a.name : a.type;
    // User ids are not secrets; admins look theirs up here for [admins] teams.
    log::info("teams", "activity", {{"kind", kind}, {"from", a.from.id}, {"conversation", a.kind()}});
    const auto& table = routes();
    const auto it = table.find(kind);
    if (it == table.end()) {
        log::debug("teams", "ignored", {{"kind", kind}});
        return ack();
    }
    return it->second(s, a);
}

}  // namespace advocacy::teams::inbound
