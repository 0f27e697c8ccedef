#pragma once
// The route table: method + path -> handler. Paths are exact ("/healthz") or a prefix ending in "/*" ("/r/*").
// Unknown paths get 404, known paths with another method 405 (with Allow).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/server/http_message.hpp"
#include "bot/server/websocket.hpp"

namespace advocacy::server {

// Handlers run on the worker pool (never on an I/O thread), so they may block on SQLite.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

struct RouteOptions {
    std::optional<std::size_t> body_limit;  // bytes; default: the server's default body limit
};

struct Route {
    std::string method;
    std::string pattern;
    Handler handler;                       // HTTP route
    std::shared_ptr<WsHandler> websocket;  // or a WebSocket route (GET + Upgrade)
    RouteOptions options;
};

class Router {
public:
    void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
    void add_websocket(std::string pattern, std::shared_ptr<WsHandler> handler);

    struct Match {
        const Route* route = nullptr;  // set when found
        int status = 200;              // 404 / 405 when not found
        std::string allow;             // for 405: "GET, POST"
    };
    Match match(std::string_view method, std::string_view path) const;

private:
    std::vector<Route> routes_;
};

bool path_matches(std::string_view pattern, std::string_view path);

}  // namespace advocacy::server
