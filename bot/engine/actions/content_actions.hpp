#pragma once
// What a user can do with a content item, whichever way they asked (button, reaction, command, free text).
#include <optional>

#include "bot/engine/request.hpp"

namespace advocacy::engine {

// How the answer is shown: updating the clicked content message, or as a new reply.
enum class AnswerStyle { update_card, new_message };

// "I shared it": records the share (idempotent) with its points.
Reply share_content(Request& r, storage::Id content_id, AnswerStyle style);
// "Skip": never pushed again.
Reply skip_content(Request& r, storage::Id content_id, AnswerStyle style);
// "Why share this?": the item's why (else the campaign's) plus one how-to-share tip. Without an id: the content
// most recently delivered to the requester.
Reply explain_content(Request& r, std::optional<storage::Id> content_id);

}  // namespace advocacy::engine
