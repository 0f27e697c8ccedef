#include "bot/engine/handlers/reply.hpp"

namespace advocacy::engine {

Conversation direct_conversation(const Request& r, const storage::User& user) {
    Conversation c;
    c.platform = r.event.user.platform;
    c.workspace_id = r.event.user.workspace_id;
    c.conversation_id = user.dm_conversation.empty() ? user.platform_user_id : user.dm_conversation;
    c.is_direct = true;
    return c;
}

}  // namespace advocacy::engine
