// `dashboard` (admins): a personal sign-in link to the admin dashboard (docs/dashboard.md), valid 15 minutes, once.
// The link is a credential: it only ever goes to the admin's direct conversation, never to a shared channel.
#include "bot/dashboard/encoding.hpp"
#include "bot/dashboard/sign_in_token.hpp"
#include "bot/dashboard/signing_key.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "storage/dashboard_access.hpp"

namespace advocacy::engine {

namespace {

constexpr std::size_t kNonceBytes = 16;  // 128 bits

Message link_message(Request& r, const std::string& url) {
    const auto minutes = std::to_string(dashboard::kSignInLinkLifetime.count());
    Message m = text_message(r.tr("dashboard.link", {{"minutes", minutes}}));
    RichTextBlock link_line;
    TextSpan link = span(url);
    link.link = url;
    link_line.spans.push_back(std::move(link));
    m.blocks.emplace_back(std::move(link_line));
    Button open;
    open.label = r.tr("dashboard.button");
    open.action_id = "advocacy_dashboard";
    open.url = url;
    open.style = ButtonStyle::primary;
    m.blocks.emplace_back(ButtonsBlock{{std::move(open)}});
    return m;
}

}  // namespace

Reply dashboard(Request& r, const Command&) {
    const auto& config = r.ctx.config;
    if (!config.dashboard.enabled) return reply_private(r.tr("dashboard.disabled"));

    const auto now = r.ctx.now();
    dashboard::SignInClaims claims;
    claims.workspace_id = r.user.workspace_id;
    claims.user_id = r.user.id;
    claims.expires_at = now + dashboard::kSignInLinkLifetime;
    claims.nonce = dashboard::random_base64url(r.ctx.random, kNonceBytes);
    // Durable before anyone can follow the link.
    storage::DashboardAccess(r.ctx.db).record_link(claims.nonce, r.user.id, claims.expires_at, now);
    const std::string token = dashboard::issue_sign_in_token(dashboard::signing_key(config.dashboard), claims);
    const std::string url = config.server.public_base_url + "/admin/login?token=" + token;
    r.audit("dashboard.link", "");

    Message message = link_message(r, url);
    if (r.event.conversation.is_direct) {
        message.ephemeral = true;
        return reply_of(std::move(message));
    }
    Reply reply = reply_private(r.tr("dashboard.sent_dm"));
    reply.notifications.push_back({direct_conversation(r, r.user), std::move(message)});
    return reply;
}

}  // namespace advocacy::engine
