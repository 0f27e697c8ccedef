#include "adapters/playground/routes.hpp"

#include "adapters/playground/assets.hpp"
#include "adapters/playground/playground.hpp"

namespace advocacy::playground {

namespace {
server::Handler serve(std::string_view asset, std::string content_type) {
    return [asset, content_type](const server::HttpRequest&) {
        server::HttpResponse r{200, content_type, std::string(embedded_asset(asset)), {}};
        // The page talks only to this server: forbid everything else, including inline script.
        r.headers.emplace_back("Content-Security-Policy",
                               "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'");
        r.headers.emplace_back("X-Content-Type-Options", "nosniff");
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
    };
}
}  // namespace

void add_playground_routes(server::Router& router, const std::shared_ptr<Playground>& playground) {
    router.add("GET", "/", serve("index.html", "text/html; charset=utf-8"));
    router.add("GET", "/playground", serve("index.html", "text/html; charset=utf-8"));
    router.add("GET", "/playground/app.css", serve("app.css", "text/css; charset=utf-8"));
    router.add("GET", "/playground/app.js", serve("app.js", "text/javascript; charset=utf-8"));
    router.add_websocket("/playground/ws", playground);
}

}  // namespace advocacy::playground
