// `/advocacy dashboard` in the engine: admins get a one-time sign-in link, privately; never in a shared channel.
#include <catch2/catch.hpp>

#include "bot/dashboard/sign_in_token.hpp"
#include "bot/dashboard/signing_key.hpp"
#include "storage/dashboard_access.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Conversation kChannel{Platform::playground, "playground", "general", false};
const std::string kLinkPrefix = "https://adv.example/admin/login?token=";

// The URL of the message's dashboard button, or "".
std::string button_url(const Message& m) {
    const auto b = find_button(m, "advocacy_dashboard");
    return b && b->url ? *b->url : "";
}

}  // namespace

TEST_CASE("dashboard in a direct conversation: a private link, signed, recorded, valid 15 minutes", "[dashboard][command]") {
    Harness h;
    const Reply r = h.command(kAdmin, "dashboard");
    REQUIRE_FALSE(r.messages.empty());
    const Message& m = r.messages.back();
    CHECK(m.ephemeral);
    CHECK(r.notifications.empty());
    const std::string url = button_url(m);
    REQUIRE(url.rfind(kLinkPrefix, 0) == 0);
    CHECK(all_text(m).find(url) != std::string::npos);  // the URL itself, for clients without buttons
    CHECK(all_text(m).find("valid 15 minutes, once") != std::string::npos);

    const std::string token = url.substr(kLinkPrefix.size());
    const auto claims = dashboard::verify_sign_in_token(dashboard::signing_key(h.config.dashboard), token, h.clock.now());
    REQUIRE(claims);
    const auto admin = h.users().find_by_platform_id(claims->workspace_id, "admin");
    REQUIRE(admin);
    CHECK(claims->user_id == admin->id);
    CHECK(claims->expires_at == h.clock.now() + std::chrono::minutes{15});
    CHECK(claims->nonce.size() == 22U);  // 128 bits
    // Recorded before the reply: the nonce can be spent, once.
    storage::DashboardAccess access(*h.db);
    CHECK(access.spend_link(claims->nonce, h.clock.now()));
    CHECK_FALSE(access.spend_link(claims->nonce, h.clock.now()));

    // Each request is a new link.
    const std::string second = button_url(h.command(kAdmin, "dashboard").messages.back());
    CHECK_FALSE(second.empty());
    CHECK(second != url);
}

TEST_CASE("dashboard in a shared channel: the link goes to the admin's direct conversation only", "[dashboard][command]") {
    Harness h;
    h.command(kAdmin, "help");  // known already, so no onboarding in the way
    const Reply r = h.send(kAdmin, CommandInvoked{"dashboard"}, kChannel);
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].ephemeral);
    CHECK(all_text(r).find("sent you a link to the dashboard in a direct message") != std::string::npos);
    CHECK(all_text(r).find("/admin/login") == std::string::npos);
    CHECK(button_url(r.messages[0]).empty());

    REQUIRE(r.notifications.size() == 1);
    const Notification& n = r.notifications[0];
    CHECK(n.to.is_direct);
    CHECK(n.to.platform == Platform::playground);
    CHECK(n.to.conversation_id != kChannel.conversation_id);
    CHECK(button_url(n.message).rfind(kLinkPrefix, 0) == 0);
}

TEST_CASE("dashboard is for admins, and says so when turned off", "[dashboard][command]") {
    Harness h;
    const Reply refused = h.command(kAlice, "dashboard");
    CHECK(answer(refused).find("is for program admins") != std::string::npos);
    CHECK(answer(refused).find("/admin/login") == std::string::npos);
    CHECK(refused.notifications.empty());

    auto config = test_config();
    config.dashboard.enabled = false;
    Harness off(utc(2026, 10, 26, 7), config);
    const Reply r = off.command(kAdmin, "dashboard");
    CHECK(answer(r).find("turned off") != std::string::npos);
    CHECK(answer(r).find("/admin/login") == std::string::npos);
}

TEST_CASE("help lists dashboard for admins only", "[dashboard][command]") {
    Harness h;
    CHECK(answer(h.command(kAdmin, "help")).find("dashboard - a sign-in link") != std::string::npos);
    CHECK(answer(h.command(kAlice, "help")).find("dashboard - ") == std::string::npos);
}
