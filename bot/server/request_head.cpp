#include "bot/server/request_head.hpp"

#include <algorithm>
#include <cctype>

namespace advocacy::server {

void scan_head(std::string_view bytes, HeadScan& state) {
    for (std::size_t i = state.scanned; i < bytes.size() && !state.complete; ++i) {
        if (bytes[i] != '\n') continue;
        if (i == 0 || bytes[i - 1] != '\r') {
            state.problem = "bare LF";
            return;
        }
        if (i >= 3 && bytes.substr(i - 3, 4) == "\r\n\r\n") {
            state.complete = true;
            state.scanned = i + 1;
            return;
        }
        if (i + 1 == bytes.size()) {
            state.scanned = i;  // the next line's first byte is not here yet: look at this line end again
            return;
        }
        if (bytes[i + 1] == ' ' || bytes[i + 1] == '\t') {
            state.problem = "obs-fold";
            return;
        }
    }
    if (!state.complete) state.scanned = std::max(state.scanned, bytes.size());
}

std::string_view transfer_encoding_problem(const std::vector<std::string_view>& values) {
    if (values.empty()) return {};
    if (values.size() > 1) return "more than one Transfer-Encoding";
    std::string_view v = values.front();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    constexpr std::string_view kChunked = "chunked";
    const bool chunked = v.size() == kChunked.size() &&
                         std::equal(v.begin(), v.end(), kChunked.begin(), [](char a, char b) {
                             return std::tolower(static_cast<unsigned char>(a)) == b;
                         });
    return chunked ? std::string_view{} : std::string_view{"unsupported Transfer-Encoding"};
}

}  // namespace advocacy::server
