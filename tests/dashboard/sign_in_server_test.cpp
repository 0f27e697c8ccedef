// Signing in to the dashboard over real HTTP: a link works once and briefly, a session cookie with every attribute,
// and nothing under /admin without a live session.
#include <catch2/catch.hpp>

#include <mutex>

#include "adapters/dashboard/assets.hpp"
#include "bot/dashboard/sign_in_token.hpp"
#include "bot/dashboard/signing_key.hpp"
#include "bot/log/log.hpp"
#include "tests/dashboard/dashboard_fixture.hpp"

using namespace advocacy;
using namespace advocacy::dashboard_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};

const std::vector<std::string> kSessionPaths{
    "/admin/",          "/admin/campaigns",         "/admin/content",           "/admin/networks",
    "/admin/teams",     "/admin/leaderboard",       "/admin/reach",             "/admin/assets/app.js",
    "/admin/assets/app.css", "/admin/assets/uPlot.iife.min.js", "/admin/assets/uPlot.min.css",
    "/admin/api/summary", "/admin/api/summary?from=2026-10-01&to=2026-10-26", "/admin/export.csv?kind=shares",
    "/admin/nothing-here", "/admin/assets/missing.js"};

bool is_refused_login(const Response& r) {
    return r.status == 401 && r.header("Set-Cookie").empty() && r.body.find("/advocacy dashboard") != std::string::npos &&
           r.header("Content-Type").rfind("text/html", 0) == 0 && has_security_headers(r);
}

}  // namespace

TEST_CASE("a valid link signs in: 303 to /admin/ and a session cookie with every attribute", "[dashboard][server]") {
    Fixture f;
    const std::string token = f.link_token();
    REQUIRE_FALSE(token.empty());
    const Response r = f.get("/admin/login?token=" + token);
    CHECK(r.status == 303);
    CHECK(r.header("Location") == "/admin/");
    CHECK(has_security_headers(r));
    const std::string cookie = r.header("Set-Cookie");
    INFO(cookie);
    REQUIRE(cookie.rfind("advocacy_dashboard=", 0) == 0);
    const std::string value = cookie.substr(19, cookie.find(';') - 19);
    CHECK(value.size() == 43U);  // 256 bits, base64url
    CHECK(cookie.substr(19 + value.size()) == "; Path=/admin; HttpOnly; Secure; SameSite=Strict; Max-Age=28800");

    const Response page = f.get("/admin/", value);
    CHECK(page.status == 200);
    CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(page.body == std::string(dashboard::embedded_asset("index.html")));
    CHECK(has_security_headers(page));
    for (const std::string& path : std::vector<std::string>{"/admin/campaigns", "/admin/reach", "/admin/leaderboard"}) {
        INFO(path);
        CHECK(f.get(path, value).body == page.body);
    }
    const Response js = f.get("/admin/assets/app.js", value);
    CHECK(js.status == 200);
    CHECK(js.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(js.body == std::string(dashboard::embedded_asset("app.js")));
    CHECK(has_security_headers(js));
    CHECK(f.get("/admin/assets/uPlot.min.css", value).header("Content-Type") == "text/css; charset=utf-8");
    CHECK(f.get("/admin/assets/nope.js", value).status == 404);
    CHECK(f.get("/admin/nope", value).status == 404);
    const Response api = f.get("/admin/api/summary", value);
    CHECK(api.status == 200);
    CHECK(has_security_headers(api));
}

TEST_CASE("a link works once, for 15 minutes", "[dashboard][server]") {
    Fixture f;
    const std::string token = f.link_token();
    CHECK(f.get("/admin/login?token=" + token).status == 303);
    CHECK(is_refused_login(f.get("/admin/login?token=" + token)));  // reused

    const std::string late = f.link_token();
    f.h.clock.advance(std::chrono::minutes{15});
    CHECK(is_refused_login(f.get("/admin/login?token=" + late)));  // expired

    const std::string almost = f.link_token();
    f.h.clock.advance(std::chrono::minutes{15} - std::chrono::seconds{1});
    CHECK(f.get("/admin/login?token=" + almost).status == 303);
}

TEST_CASE("tampered, forged, garbage and empty tokens get the 401 page and no session", "[dashboard][server]") {
    Fixture f;
    const std::string token = f.link_token();
    const auto dot = token.find('.');
    std::string tampered_payload = token;
    tampered_payload[dot / 2] = tampered_payload[dot / 2] == 'A' ? 'B' : 'A';
    std::string bad_signature = token;
    bad_signature[dot + 3] = bad_signature[dot + 3] == 'A' ? 'B' : 'A';
    const std::string wrong_key = dashboard::issue_sign_in_token(
        std::string(32, 'w'), *dashboard::verify_sign_in_token(dashboard::signing_key(f.h.config.dashboard), token,
                                                               f.h.clock.now()));
    for (const std::string& target : std::vector<std::string>
         {"/admin/login?token=" + tampered_payload, "/admin/login?token=" + bad_signature,
          "/admin/login?token=" + wrong_key, std::string("/admin/login?token=garbage"), std::string("/admin/login?token="),
          std::string("/admin/login"), "/admin/login?token=" + token + "&token=" + token,
          "/admin/login?token=" + std::string(2000, 'A'), std::string("/admin/login?token=%ZZ")}) {
        INFO(target.substr(0, 120));
        CHECK(is_refused_login(f.get(target)));
    }
    // None of those spent the genuine link.
    CHECK(f.get("/admin/login?token=" + token).status == 303);
}

TEST_CASE("the 401 page speaks French when the browser asks for it", "[dashboard][server]") {
    Fixture f;
    const Response fr = f.request("GET", "/admin/login?token=x", "Accept-Language: fr-FR,fr;q=0.9,en;q=0.8\r\n");
    CHECK(fr.status == 401);
    CHECK(fr.body.find("lang=\"fr\"") != std::string::npos);
    CHECK(fr.body.find("Tapez <code>/advocacy dashboard</code>") != std::string::npos);
    const Response en = f.request("GET", "/admin/", "Accept-Language: de-DE, en;q=0.5\r\n");
    CHECK(en.status == 401);
    CHECK(en.body.find("Type <code>/advocacy dashboard</code>") != std::string::npos);
}

TEST_CASE("non-admins get no link, and an admin demoted loses the link and the session", "[dashboard][server]") {
    Fixture f;
    CHECK(f.link_token(kAlice).empty());

    const std::string cookie = f.sign_in();
    REQUIRE(f.get("/admin/", cookie).status == 200);
    const std::string pending = f.link_token();
    const auto admin = f.h.users().find_by_platform_id(1, "admin");
    REQUIRE(admin);
    f.h.users().set_admin(admin->id, false);

    CHECK(f.get("/admin/", cookie).status == 401);
    const Response api = f.get("/admin/api/summary", cookie);
    CHECK(api.status == 401);
    CHECK(api.body == R"({"error":"unauthorized"})");
    CHECK(is_refused_login(f.get("/admin/login?token=" + pending)));
}

TEST_CASE("logout ends the session and expires the cookie", "[dashboard][server]") {
    Fixture f;
    const std::string cookie = f.sign_in();
    REQUIRE(f.get("/admin/", cookie).status == 200);
    const Response out = f.request("POST", "/admin/logout", "Cookie: advocacy_dashboard=" + cookie + "\r\n");
    CHECK(out.status == 303);
    CHECK(out.header("Location") == "/admin/signed-out");
    CHECK(out.header("Set-Cookie") == "advocacy_dashboard=; Path=/admin; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
    CHECK(has_security_headers(out));
    CHECK(f.get("/admin/", cookie).status == 401);
    const Response signed_out = f.get("/admin/signed-out");
    CHECK(signed_out.status == 200);
    CHECK(signed_out.body.find("signed out") != std::string::npos);
    CHECK(has_security_headers(signed_out));
}

TEST_CASE("a session lasts session_hours", "[dashboard][server]") {
    Fixture f;
    const std::string cookie = f.sign_in();
    f.h.clock.advance(std::chrono::hours{8} - std::chrono::seconds{1});
    CHECK(f.get("/admin/", cookie).status == 200);
    f.h.clock.advance(std::chrono::seconds{1});
    CHECK(f.get("/admin/", cookie).status == 401);
}

TEST_CASE("every /admin path needs a live session: none, a wrong or a malformed cookie get 401", "[dashboard][server]") {
    Fixture f;
    const std::string good = f.sign_in();
    const std::string wrong(43, 'A');
    for (const auto& path : kSessionPaths) {
        for (const std::string& cookie_header : std::vector<std::string>{std::string(), "Cookie: advocacy_dashboard=" + wrong + "\r\n", "Cookie: advocacy_dashboard=short\r\n",
              "Cookie: advocacy_dashboard=" + good + "; advocacy_dashboard=" + good + "\r\n",
              "Cookie: other=" + good + "\r\n", "Cookie: advocacy_dashboard=" + good + "x\r\n",
              "Cookie: " + std::string(5000, 'a') + "=b; advocacy_dashboard=" + good + "\r\n"}) {
            INFO(path << " / " << cookie_header.substr(0, 80));
            const Response r = f.request("GET", path, cookie_header);
            CHECK(r.status == 401);
            CHECK(r.header("Set-Cookie").empty());
            CHECK(has_security_headers(r));
            if (path.rfind("/admin/api/", 0) == 0) {
                CHECK(r.header("Content-Type").rfind("application/json", 0) == 0);
                CHECK(r.body == R"({"error":"unauthorized"})");
            } else if (path.rfind("/admin/export.csv", 0) == 0) {
                CHECK(r.header("Content-Type").rfind("text/plain", 0) == 0);
            } else {
                CHECK(r.header("Content-Type").rfind("text/html", 0) == 0);
            }
        }
    }
    // The genuine cookie, among others, still works.
    CHECK(f.request("GET", "/admin/", "Cookie: a=b; advocacy_dashboard=" + good + "; c=d\r\n").status == 200);
}

TEST_CASE("neither the link's token nor the session cookie reaches the log", "[dashboard][server][log]") {
    std::mutex mutex;
    std::string logged;
    log::set_sink([&](std::string_view line) {
        std::lock_guard lock(mutex);
        logged += line;
    });
    {
        Fixture f;
        const std::string token = f.link_token();
        const Response in = f.get("/admin/login?token=" + token);
        const std::string set_cookie = in.header("Set-Cookie");
        REQUIRE(set_cookie.size() > 62U);
        const std::string cookie = set_cookie.substr(19, 43);
        f.get("/admin/api/summary?from=2026-10-01&to=2026-10-26", cookie);
        f.get("/admin/login?token=" + token);  // refused: logged as such
        f.request("POST", "/admin/logout", "Cookie: advocacy_dashboard=" + cookie + "\r\n");
        std::lock_guard lock(mutex);
        CHECK(logged.find("path=/admin/login") != std::string::npos);  // the access log did run
        CHECK(logged.find("sign-in link refused") != std::string::npos);
        CHECK(logged.find(token) == std::string::npos);
        CHECK(logged.find(token.substr(token.find('.') + 1)) == std::string::npos);
        CHECK(logged.find(cookie) == std::string::npos);
    }
    log::set_sink({});
}
