#pragma once
// The dashboard over a real server on 127.0.0.1: the engine on a real SQLite file with a ManualClock (the bot
// harness), the /admin routes on an HttpServer, and a raw HTTP client, so tests see every header.
#include <memory>
#include <string>

#include "adapters/dashboard/routes.hpp"
#include "bot/server/server.hpp"
#include "tests/bot/engine_harness.hpp"
#include "tests/server/raw_client.hpp"

namespace advocacy::dashboard_test {

using namespace engine_test;

struct Response {
    int status = 0;
    std::string raw;  // status line, headers, body
    std::string body;
    std::string header(const std::string& name) const { return testing::header_of(raw.substr(0, raw.find("\r\n\r\n") + 2), name); }
};

inline config::Config dashboard_config() {
    config::Config c = test_config();
    c.dashboard.value_per_click = 0.5;
    c.dashboard.currency = "EUR";
    c.dashboard.session_lifetime = std::chrono::hours{8};
    return c;
}

struct Fixture {
    explicit Fixture(config::Config config = dashboard_config()) : h(utc(2026, 10, 26, 7), std::move(config)) {
        server::ServerOptions options;
        options.port = 0;
        http = std::make_unique<server::HttpServer>(options);
        dashboard::add_dashboard_routes(http->routes(), h.config, *h.db, h.clock, h.random);
        port = http->start();
    }
    ~Fixture() {
        http->stop();
        http->wait();
    }

    Response request(const std::string& method, const std::string& target, const std::string& extra_headers = "") {
        testing::RawClient client(port, std::chrono::seconds(10));
        client.send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra_headers +
                    "Content-Length: 0\r\n\r\n");
        Response r;
        r.raw = client.read_response().value_or("");
        r.status = testing::status_of(r.raw);
        r.body = testing::body_of(r.raw);
        return r;
    }
    Response get(const std::string& target, const std::string& cookie = "") {
        return request("GET", target, cookie.empty() ? "" : "Cookie: advocacy_dashboard=" + cookie + "\r\n");
    }

    // The token of a fresh link asked by `who` (empty when the reply has none).
    std::string link_token(const Person& who = kAdmin) {
        const Reply r = h.command(who, "dashboard");
        for (const auto& m : r.messages) {
            if (const auto b = find_button(m, "advocacy_dashboard"); b && b->url) {
                const auto at = b->url->find("token=");
                return at == std::string::npos ? "" : b->url->substr(at + 6);
            }
        }
        return "";
    }
    // Follows a fresh admin link and returns the session cookie's value.
    std::string sign_in() {
        const Response r = get("/admin/login?token=" + link_token());
        const std::string set_cookie = r.header("Set-Cookie");
        const auto eq = set_cookie.find('=');
        return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
    }

    Harness h;
    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
};

// The four headers every /admin response carries.
inline bool has_security_headers(const Response& r) {
    return r.header("Cache-Control") == "no-store" &&
           r.header("Content-Security-Policy") == "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'" &&
           r.header("X-Content-Type-Options") == "nosniff" && r.header("Referrer-Policy") == "no-referrer";
}

}  // namespace advocacy::dashboard_test
