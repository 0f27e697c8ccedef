#include "bot/model/identity.hpp"

namespace advocacy {

std::string_view to_string(Platform p) {
    switch (p) {
        case Platform::slack: return "slack";
        case Platform::teams: return "teams";
        case Platform::playground: return "playground";
    }
    return "playground";
}

std::optional<Platform> platform_from_string(std::string_view s) {
    if (s == "slack") return Platform::slack;
    if (s == "teams") return Platform::teams;
    if (s == "playground") return Platform::playground;
    return std::nullopt;
}

}  // namespace advocacy
