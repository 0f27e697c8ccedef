// Helpers shared by the inbound handlers.
#include <boost/json.hpp>

#include <algorithm>

#include "adapters/teams/adaptive_card.hpp"
#include "adapters/teams/inbound/inbound.hpp"
#include "bot/log/log.hpp"

namespace advocacy::teams::inbound {

namespace json = boost::json;

server::HttpResponse ack() { return server::HttpResponse::text(200, ""); }

server::HttpResponse malformed(std::string_view why) {
    return server::HttpResponse::text(400, "bad request: " + std::string(why) + "\n");
}

UserIdentity teams_user(const Activity& a) {
    UserIdentity u;
    u.platform = Platform::teams;
    u.workspace_id = a.tenant_id;
    u.user_id = a.from.id;
    u.display_name = a.from.name;
    if (!a.locale.empty()) u.locale = a.locale;
    if (!a.time_zone.empty()) u.time_zone = a.time_zone;
    return u;
}

Conversation teams_conversation(const Activity& a) {
    return Conversation{Platform::teams, a.tenant_id, a.conversation_id, a.personal()};
}

Route route_of(const Activity& a) {
    const std::string owner = a.personal() ? a.from.id : base_conversation_id(a.conversation_id);
    return Route{a.service_url, a.conversation_id, a.tenant_id, owner};
}

std::string base_conversation_id(std::string_view conversation_id) {
    return std::string(conversation_id.substr(0, conversation_id.find(";messageid=")));
}

storage::ConversationRef reference_of(const Activity& a, storage::Timestamp at) {
    storage::ConversationRef r;
    r.tenant_id = a.tenant_id;
    r.kind = a.kind();
    r.conversation_id = a.personal() ? a.conversation_id : base_conversation_id(a.conversation_id);
    r.owner = a.personal() ? a.from.id : r.conversation_id;
    r.service_url = a.service_url;
    r.bot_id = a.recipient.id;
    r.alive = true;
    r.updated_at = at;
    return r;
}

bool includes_bot(const Activity& a, const std::vector<std::string>& members) {
    return !a.recipient.id.empty() && std::find(members.begin(), members.end(), a.recipient.id) != members.end();
}

std::optional<ButtonClicked> button_of(const json::object& data, const Activity& a) {
    const auto* action = data.if_contains(kActionKey);
    if (!action || !action->is_string() || action->as_string().empty()) return std::nullopt;
    ButtonClicked click;
    click.action_id = std::string(action->as_string());
    if (const auto* value = data.if_contains(kValueKey); value && value->is_string())
        click.value = std::string(value->as_string());
    if (!a.reply_to_id.empty()) click.message_ref = ActivityRef{a.conversation_id, a.reply_to_id}.str();
    return click;
}

void deliver(Services& s, const Activity& a, Reply reply, const std::string& replaced_activity) {
    if (reply.messages.empty() && reply.notifications.empty()) return;
    const Route here = route_of(a);
    const Conversation user_chat{Platform::teams, a.tenant_id, a.from.id, true};
    const bool shared_place = !a.personal();
    TeamsOutbox& outbox = s.outbox;
    s.follow_ups.post([&outbox, here, user_chat, shared_place, replaced_activity, reply = std::move(reply)] {
        for (const auto& m : reply.messages) {
            SendResult r;
            if (m.replace_original && !replaced_activity.empty()) {
                r = outbox.replace(here, replaced_activity, m);
            } else if (m.ephemeral && shared_place) {
                r = outbox.send(user_chat, m);  // Teams has no ephemeral messages: a private answer goes 1:1
            } else {
                r = outbox.send_to(here, m);
            }
            if (!r.ok) log::warn("teams", "reply not delivered", {{"error", r.error}});
        }
        for (const auto& n : reply.notifications) {
            const SendResult r = outbox.send(n.to, n.message);
            if (!r.ok) log::warn("teams", "notification not delivered", {{"error", r.error}});
        }
    });
}

}  // namespace advocacy::teams::inbound
