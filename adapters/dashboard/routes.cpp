#include "adapters/dashboard/routes.hpp"

#include <array>
#include <memory>

#include "adapters/dashboard/assets.hpp"
#include "adapters/dashboard/data_routes.hpp"
#include "adapters/dashboard/http_helpers.hpp"
#include "adapters/dashboard/pages.hpp"
#include "adapters/dashboard/sign_in_routes.hpp"
#include "adapters/dashboard/state.hpp"

namespace advocacy::dashboard {

namespace {

// One HTML shell; the script renders the page its path names.
constexpr std::array<std::string_view, 7> kPagePaths{"/admin/",      "/admin/campaigns",   "/admin/content",
                                                     "/admin/networks", "/admin/teams", "/admin/leaderboard",
                                                     "/admin/reach"};

struct AssetFile {
    std::string_view name;
    std::string_view content_type;
};
constexpr std::array<AssetFile, 4> kAssets{{{"app.js", "text/javascript; charset=utf-8"},
                                            {"app.css", "text/css; charset=utf-8"},
                                            {"uPlot.iife.min.js", "text/javascript; charset=utf-8"},
                                            {"uPlot.min.css", "text/css; charset=utf-8"}}};

server::HttpResponse not_found() { return secured(server::HttpResponse::text(404, "Not Found\n")); }

server::HttpResponse page(State& s, const server::HttpRequest& request) {
    if (!s.session_of(request)) return notice_page(Notice::unauthorized, visitor_lang(request));
    return secured(server::HttpResponse::html(200, std::string(embedded_asset("index.html"))));
}

server::HttpResponse asset(State& s, const server::HttpRequest& request) {
    if (!s.session_of(request)) return notice_page(Notice::unauthorized, visitor_lang(request));
    const std::string_view name = std::string_view(request.path).substr(std::string_view("/admin/assets/").size());
    for (const auto& a : kAssets) {
        if (a.name == name) {
            server::HttpResponse r{200, std::string(a.content_type), std::string(embedded_asset(a.name)), {}};
            return secured(std::move(r));
        }
    }
    return not_found();
}

// Any other /admin path: a session first (so the 401 never tells what exists), then 404.
server::HttpResponse unknown(State& s, const server::HttpRequest& request) {
    if (!s.session_of(request)) return notice_page(Notice::unauthorized, visitor_lang(request));
    return not_found();
}

}  // namespace

void add_dashboard_routes(server::Router& router, const config::Config& config, storage::Database& db, Clock& clock,
                          RandomSource& random) {
    if (!config.dashboard.enabled) return;
    const auto state = std::make_shared<State>(config, db, clock, random);
    add_sign_in_routes(router, state);
    add_data_routes(router, state);
    for (const auto path : kPagePaths)
        router.add("GET", std::string(path), [state](const server::HttpRequest& r) { return page(*state, r); });
    router.add("GET", "/admin", [](const server::HttpRequest&) {
        server::HttpResponse r = server::HttpResponse::text(303, "See Other\n");
        r.headers.emplace_back("Location", "/admin/");
        return secured(std::move(r));
    });
    router.add("GET", "/admin/assets/*", [state](const server::HttpRequest& r) { return asset(*state, r); });
    // Last: exact routes above win (the router takes the first match).
    router.add("GET", "/admin/*", [state](const server::HttpRequest& r) { return unknown(*state, r); });
}

}  // namespace advocacy::dashboard
