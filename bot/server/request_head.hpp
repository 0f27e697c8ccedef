#pragma once
// Strict checks on a request head, on top of Beast's parser: what Beast tolerates but a proxy in front of the bot
// may read differently, the root of request smuggling (RFC 9112 sections 2.2, 5.2 and 6.1). Each problem found is a
// 400 and a closed connection. No Beast here: the session hands over raw bytes and header values.
#include <cstddef>
#include <string_view>
#include <vector>

namespace advocacy::server {

// Incremental scan of the raw head as it arrives (so slow clients cost no rescans).
struct HeadScan {
    std::size_t scanned = 0;     // bytes already checked
    bool complete = false;       // the blank line ending the head was seen
    std::string_view problem;    // set on the first problem: "bare LF", "obs-fold"
};

// Checks bytes[scanned, size) of a head that starts at bytes[0]: a line ending without CR (bare LF) and a line
// starting with SP or HTAB (obs-fold, or whitespace before the first field) are refused. Stops at the end of the head.
void scan_head(std::string_view bytes, HeadScan& state);

// Transfer-Encoding values of a request (one per field). Only a single "chunked" is accepted: anything else ("gzip",
// "chunked, gzip", "xchunked", two fields) would make the body's length ambiguous. Empty when fine.
std::string_view transfer_encoding_problem(const std::vector<std::string_view>& values);

}  // namespace advocacy::server
