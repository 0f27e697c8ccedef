#pragma once
// Private to the Teams adapter: the handlers of each inbound activity kind (one file each), what they may use, and
// helpers they share. The routing table that picks the handler is in routes.cpp.
#include <string>

#include "adapters/teams/activity.hpp"
#include "adapters/teams/outbox.hpp"
#include "bot/work_queue.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/server/http_message.hpp"
#include "config/config.hpp"
#include "storage/conversation_refs.hpp"

namespace advocacy::teams::inbound {

struct Services {
    const config::Config& config;
    Engine& engine;
    storage::ConversationRefs& refs;
    TeamsOutbox& outbox;
    WorkQueue& follow_ups;
    const Clock& clock;
};

using Handler = server::HttpResponse (*)(Services&, const Activity&);

// One per inbound kind.
server::HttpResponse message(Services&, const Activity&);             // text, or Action.Submit (value)
server::HttpResponse card_action(Services&, const Activity&);         // invoke adaptiveCard/action (Action.Execute)
server::HttpResponse conversation_update(Services&, const Activity&);  // bot added/removed, in a chat or a team
server::HttpResponse installation_update(Services&, const Activity&);  // app installed/uninstalled
server::HttpResponse message_reaction(Services&, const Activity&);     // the share reaction on a content card

// Stores the activity's conversation reference, then dispatches an authenticated activity.
server::HttpResponse dispatch(Services& services, const Activity& activity);

// ---- shared by the handlers (common.cpp) ----

server::HttpResponse ack();
server::HttpResponse malformed(std::string_view why);

UserIdentity teams_user(const Activity& a);
Conversation teams_conversation(const Activity& a);
// The activity's own conversation, for replies (thread included).
Route route_of(const Activity& a);
// "19:abc@thread.tacv2;messageid=1" -> "19:abc@thread.tacv2": a channel, whatever thread the activity is in.
std::string base_conversation_id(std::string_view conversation_id);
// What the activity tells about where to reach its conversation (owner: the user in a 1:1 chat, else the channel).
storage::ConversationRef reference_of(const Activity& a, storage::Timestamp at);
// The bot itself is among these member ids.
bool includes_bot(const Activity& a, const std::vector<std::string>& members);

// Queues the engine's reply for after the response: a message with replace_original replaces `replaced_activity`
// (when set), a private answer given in a channel or group goes to the user's 1:1 chat, everything else is posted
// in the activity's conversation; notifications go through the Outbox.
void deliver(Services& s, const Activity& a, Reply reply, const std::string& replaced_activity = {});

// The "I shared it" / "Why share this?" / "Skip" data of our cards: {advocacy_action, advocacy_value}.
std::optional<ButtonClicked> button_of(const boost::json::object& data, const Activity& a);

}  // namespace advocacy::teams::inbound
