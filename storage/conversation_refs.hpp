#pragma once
// Microsoft Teams conversation references (schema v5): where a proactive message to a user or a channel goes. The
// Teams adapter records one from every inbound activity (the serviceUrl may change) and from each 1:1 chat it
// opens; an uninstall or a 403 from the Bot Connector marks it dead, and nothing is sent there until the user
// writes again or reinstalls.
#include <optional>
#include <string>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

struct ConversationRef {
    std::string tenant_id;
    std::string owner;            // user id ("29:...") for the 1:1 chat; the conversation id for a channel or group
    std::string kind = "personal";  // personal | channel | groupChat
    std::string conversation_id;
    std::string service_url;
    std::string bot_id;           // "28:<app id>"
    bool alive = true;
    Timestamp updated_at{};

    // Same place to send to (updated_at aside).
    bool same_target(const ConversationRef& o) const {
        return kind == o.kind && conversation_id == o.conversation_id && service_url == o.service_url &&
               bot_id == o.bot_id && alive == o.alive;
    }
};

class ConversationRefs {
public:
    explicit ConversationRefs(Database& db) : db_(db) {}

    // Inserts or replaces (tenant_id, owner). Returns false, writing nothing, when the stored row already says the
    // same (every inbound activity calls this: an unchanged reference costs one read, no write).
    bool save(const ConversationRef& ref);
    std::optional<ConversationRef> find(const std::string& tenant_id, const std::string& owner);
    // The reference whose conversation id this is (a 1:1 chat "a:...", a channel "19:...@thread...").
    std::optional<ConversationRef> find_by_conversation(const std::string& conversation_id);
    // A serviceUrl the tenant was last seen on, to open a 1:1 chat with someone who never wrote to the bot alone.
    std::optional<std::string> recent_service_url(const std::string& tenant_id);
    // No more proactive messages there (uninstall, 403). Returns how many references changed.
    int mark_dead(const std::string& tenant_id, const std::string& owner, Timestamp at);
    int mark_conversation_dead(const std::string& conversation_id, Timestamp at);

private:
    Database& db_;
};

}  // namespace advocacy::storage
