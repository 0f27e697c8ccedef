#include "adapters/dashboard/sign_in_routes.hpp"

#include "adapters/dashboard/http_helpers.hpp"
#include "adapters/dashboard/pages.hpp"
#include "bot/dashboard/encoding.hpp"
#include "bot/dashboard/sign_in_token.hpp"
#include "bot/dashboard/signing_key.hpp"
#include "bot/log/log.hpp"
#include "storage/users.hpp"

namespace advocacy::dashboard {

namespace {

constexpr std::size_t kSessionBytes = 32;  // 256 bits
constexpr std::string_view kCookieAttributes = "; Path=/admin; HttpOnly; Secure; SameSite=Strict; Max-Age=";

server::HttpResponse see_other(std::string location) {
    server::HttpResponse r = server::HttpResponse::text(303, "See Other\n");
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

// The signed claims when the link is genuine, unexpired, unused (spent now) and its user still an admin of the
// workspace it names.
std::optional<SignInClaims> accept_link(State& s, const server::HttpRequest& request) {
    const auto query = query_parameters(request.query);
    if (!query) return std::nullopt;
    const auto token = query->find("token");
    if (token == query->end()) return std::nullopt;
    const auto now = s.clock.now();
    auto claims = verify_sign_in_token(signing_key(s.config.dashboard), token->second, now);
    if (!claims || !s.access.spend_link(claims->nonce, now)) return std::nullopt;
    const auto user = s.ctx.users.find(claims->user_id);
    if (!user || !user->is_admin || user->workspace_id != claims->workspace_id) return std::nullopt;
    return claims;
}

server::HttpResponse login(State& s, const server::HttpRequest& request) {
    const auto claims = accept_link(s, request);
    if (!claims) {
        log::info("dashboard", "sign-in link refused");
        return notice_page(Notice::link_refused, visitor_lang(request));
    }
    const std::string cookie = s.random_token(kSessionBytes);
    const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(s.config.dashboard.session_lifetime);
    s.access.create_session(sha256_hex(cookie), claims->user_id, claims->workspace_id, s.clock.now() + lifetime);
    log::info("dashboard", "signed in", {{"user_id", std::to_string(claims->user_id)}});
    server::HttpResponse r = see_other("/admin/");
    r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + cookie + std::string(kCookieAttributes) +
                                             std::to_string(lifetime.count()));
    return secured(std::move(r));
}

// Ends the session when there is one; either way the browser drops the cookie and lands on the signed-out page.
server::HttpResponse logout(State& s, const server::HttpRequest& request) {
    if (const auto cookie = session_cookie(request)) s.access.delete_session(sha256_hex(*cookie));
    server::HttpResponse r = see_other("/admin/signed-out");
    r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + std::string(kCookieAttributes) + "0");
    return secured(std::move(r));
}

}  // namespace

void add_sign_in_routes(server::Router& router, const std::shared_ptr<State>& state) {
    router.add("GET", "/admin/login", [state](const server::HttpRequest& r) { return login(*state, r); });
    router.add("POST", "/admin/logout", [state](const server::HttpRequest& r) { return logout(*state, r); });
    router.add("GET", "/admin/signed-out", [](const server::HttpRequest& r) {
        return notice_page(Notice::signed_out, visitor_lang(r));
    });
}

}  // namespace advocacy::dashboard
