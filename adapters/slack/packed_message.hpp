#pragma once
// A Message packed into one string (length-prefixed fields, no pointers): what a follow-up that waits for Slack
// holds (ReplyDelivery). A Message is ~1.6 KB in ~25 allocations (a 144-byte variant per block, a string per field);
// packed, it is its text plus a few bytes per field, in one allocation. Unpacked when its call starts.
#include <string>
#include <string_view>

#include "bot/model/message.hpp"

namespace advocacy::slack {

std::string pack_message(const Message& message);
// Throws std::runtime_error on a truncated or unknown packing (never happens with pack_message's output).
Message unpack_message(std::string_view packed);

}  // namespace advocacy::slack
