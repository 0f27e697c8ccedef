#pragma once
// The Outbox for Teams: bot-initiated messages (daily pushes, leaderboard posts, notices) and the adapter's replies.
// Where a message goes is a stored conversation reference (storage/conversation_refs.hpp):
//  - a user id ("29:...") is a 1:1 chat: the stored one, or one opened with POST /v3/conversations (tenant, the
//    bot's id, a serviceUrl the tenant was last seen on) and remembered;
//  - any other id is a conversation (1:1 chat "a:...", channel "19:...@thread..."): its stored serviceUrl, or for
//    the configured leaderboard channel, [teams] leaderboard_service_url.
// A 403 (bot removed, user blocked it) marks the reference dead and is permanent: nothing more goes there until the
// user writes again or reinstalls. The platform reference of a sent message is "<conversation id>|<activity id>".
#include <optional>
#include <string>
#include <string_view>

#include "adapters/teams/connector_client.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "config/config.hpp"
#include "storage/conversation_refs.hpp"

namespace advocacy::teams {

struct ActivityRef {
    std::string conversation_id;
    std::string activity_id;
    std::string str() const { return conversation_id + "|" + activity_id; }
};
std::optional<ActivityRef> parse_activity_ref(std::string_view ref);

// A Teams user id (29:..., 8:orgid:...), as opposed to a conversation id.
bool is_user_id(std::string_view id);

// A known place to send to: an inbound activity's conversation, or a resolved reference.
struct Route {
    std::string service_url;
    std::string conversation_id;
    std::string tenant_id;
    std::string owner;  // the reference to mark dead on a 403 (user id, or the channel's id)
};

class TeamsOutbox final : public Outbox {
public:
    TeamsOutbox(const config::Config& config, ConnectorClient& connector, storage::Database& db, const Clock& clock);

    SendResult send(const Conversation& to, const Message& message) override;
    // The rate limiter paces each conversation; this many sends at once hide the network's latency.
    std::size_t max_concurrent_sends() const override { return 16; }

    // A reply where an activity came from (its serviceUrl and conversation, thread included).
    SendResult send_to(const Route& route, const Message& message);
    // Replaces a message we sent (PUT), e.g. the card after "I shared it".
    SendResult replace(const Route& route, const std::string& activity_id, const Message& message);

private:
    // nullopt with `why` (and `permanent`) when there is nowhere to send.
    std::optional<Route> resolve(const Conversation& to, std::string& why, bool& permanent);
    std::optional<Route> open_chat(const std::string& tenant, const std::string& user, std::string& why);
    SendResult outcome(const ConnectorResult& r, const Route& route, const std::string& activity_id = {});

    const config::Config& config_;
    ConnectorClient& connector_;
    storage::ConversationRefs refs_;
    const Clock& clock_;
};

}  // namespace advocacy::teams
