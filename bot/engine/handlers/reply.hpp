#pragma once
// Tiny helpers for building replies.
#include <string>

#include "bot/engine.hpp"
#include "bot/engine/messages/text.hpp"
#include "bot/engine/request.hpp"

namespace advocacy::engine {

inline Reply reply_of(Message message) {
    Reply reply;
    reply.messages.push_back(std::move(message));
    return reply;
}
inline Reply reply_text(std::string_view text) { return reply_of(text_message(text)); }
// Only the requester sees it (refusals, errors, previews).
inline Reply reply_private(std::string_view text) { return reply_of(private_message(text)); }

// The direct conversation with `user` on the requester's platform (the adapter opens the DM when only the user
// id is known).
Conversation direct_conversation(const Request& r, const storage::User& user);

}  // namespace advocacy::engine
