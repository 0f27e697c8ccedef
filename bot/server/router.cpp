#include "bot/server/router.hpp"

namespace advocacy::server {

bool path_matches(std::string_view pattern, std::string_view path) {
    if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == "/*") {
        const auto prefix = pattern.substr(0, pattern.size() - 1);  // keep the '/'
        return path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix;
    }
    return pattern == path;
}

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
    routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler), nullptr, options});
}

void Router::add_websocket(std::string pattern, std::shared_ptr<WsHandler> handler) {
    routes_.push_back(Route{"GET", std::move(pattern), nullptr, std::move(handler), {}});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
    Match m;
    m.status = 404;
    for (const auto& r : routes_) {
        if (!path_matches(r.pattern, path)) continue;
        if (r.method == method) return Match{&r, 200, {}};
        m.status = 405;
        if (m.allow.find(r.method) == std::string::npos) {
            if (!m.allow.empty()) m.allow += ", ";
            m.allow += r.method;
        }
    }
    return m;
}

}  // namespace advocacy::server
