#include "adapters/dashboard/state.hpp"

#include "adapters/dashboard/http_helpers.hpp"
#include "bot/dashboard/encoding.hpp"

namespace advocacy::dashboard {

std::string State::random_token(std::size_t bytes) {
    std::lock_guard lock(random_mutex);
    return random_base64url(random, bytes);
}

std::optional<storage::DashboardSession> State::session_of(const server::HttpRequest& request) {
    const auto cookie = session_cookie(request);
    if (!cookie) return std::nullopt;
    return access.find_session(sha256_hex(*cookie), clock.now());
}

}  // namespace advocacy::dashboard
