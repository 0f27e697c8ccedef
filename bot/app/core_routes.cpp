#include "bot/app/core_routes.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>

#include <algorithm>
#include <string>

#include "bot/engine.hpp"
#include "bot/log/log.hpp"
#include "bot/metrics/metrics.hpp"
#include "storage/database.hpp"

namespace advocacy {

namespace {

// Tokens are 22 base64url characters; anything else is not ours and never reaches the database.
bool plausible_token(std::string_view t) {
    return t.size() >= 16 && t.size() <= 64 && std::all_of(t.begin(), t.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
           });
}

server::HttpResponse link_not_found() {
    return server::HttpResponse::html(
        404,
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Link not found</title>"
        "<body style=\"font-family:system-ui,sans-serif;max-width:32em;margin:4em auto\">"
        "<h1>This link is not valid</h1><p>It may have been mistyped or removed. "
        "Ce lien n'est pas valide : il a peut-être été mal copié ou supprimé.</p></body></html>\n");
}

server::Handler link_handler(Engine& engine, char kind) {
    return [&engine, kind](const server::HttpRequest& req) {
        const std::string_view token = std::string_view(req.path).substr(3);  // after "/r/" or "/s/"
        if (!plausible_token(token)) return link_not_found();
        const auto redirect = engine.follow_link(kind, token, req.header("User-Agent"));
        if (!redirect) return link_not_found();
        return server::HttpResponse::redirect(redirect->location);
    };
}

}  // namespace

ReadinessCheck database_writable(storage::Database& db) {
    return {"database", [&db] {
                try {
                    // A real one-page commit: an empty transaction writes nothing, so it passes on a full disk.
                    // Rewriting user_version with its own value appends a WAL frame without touching any data.
                    db.write([](storage::Connection& c) {
                        c.raw().exec("PRAGMA user_version = " + std::to_string(storage::Database::schema_version()));
                    });
                    return true;
                } catch (const std::exception& e) {
                    log::warn("readyz", "database not writable", {{"error", e.what()}});
                    return false;
                }
            }};
}

// Prometheus scrapes: counts and durations only, no personal data, no secrets (see README "Monitoring").
void add_metrics_route(server::Router& router) {
    router.add("GET", "/metrics", [](const server::HttpRequest&) {
        server::HttpResponse r = server::HttpResponse::text(200, metrics::render());
        r.content_type = std::string(metrics::content_type);
        return r;
    });
}

void add_core_routes(server::Router& router, Engine& engine, std::vector<ReadinessCheck> readiness) {
    router.add("GET", "/healthz", [](const server::HttpRequest&) {
        return server::HttpResponse::json(200, R"({"status":"ok"})");
    });
    router.add("GET", "/readyz", [checks = std::move(readiness)](const server::HttpRequest&) {
        boost::json::object details;
        bool ready = true;
        for (const auto& c : checks) {
            const bool ok = c.ok();
            ready = ready && ok;
            details[c.name] = ok ? "ok" : "failing";
        }
        return server::HttpResponse::json(
            ready ? 200 : 503,
            boost::json::serialize(boost::json::object{{"status", ready ? "ready" : "not ready"}, {"checks", details}}));
    });
    add_metrics_route(router);
    router.add("GET", "/r/*", link_handler(engine, 'r'));
    router.add("GET", "/s/*", link_handler(engine, 's'));
}

}  // namespace advocacy
