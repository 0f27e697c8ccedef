// The content message (blocks, buttons, links) and the tracked links behind it.
#include <catch2/catch.hpp>

#include "storage/interactions.hpp"
#include "storage/leaderboard.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};

// Monday 2026-10-26 07:00 UTC = 08:00 in Paris; a campaign with one item; Alice and Bruno known.
struct ContentFixture {
    Harness h;
    long campaign = 0;
    long content = 0;
    ContentFixture() {
        campaign = create_campaign(h, "\"Autumn launch\" why=\"Our biggest release this year\"");
        content = add_content(h, campaign,
                              "https://example.com/blog/launch?ref=home#top title=\"We launched!\" "
                              "why=\"Customers asked for it\" text=\"Proud of the team\" summary=\"The new product\" "
                              "x=\"Short and sweet\" expires=2026-11-06");
        h.text(kAlice, "hello");
        h.text(kBruno, "bonjour");
        h.outbox.take();
    }
    // The content message Alice got today.
    Message alice_push() {
        h.run_until(utc(2026, 10, 26, 8, 40));
        for (auto& s : h.outbox.sent)
            if (s.to.conversation_id == "dm-alice") return s.message;
        FAIL("no push to Alice");
        return {};
    }
};

std::string token_of(const std::string& url) { return url.substr(url.rfind('/') + 1); }

}  // namespace

TEST_CASE("engine content: the pushed message has the card, share links, action buttons and context") {
    ContentFixture f;
    REQUIRE(f.campaign > 0);
    REQUIRE(f.content > 0);
    const Message m = f.alice_push();
    CHECK(m.kind == MessageKind::content);

    const auto* c = card(m);
    REQUIRE(c);
    CHECK(c->content_id == f.content);
    CHECK(c->title == "We launched!");
    CHECK(c->url == "https://example.com/blog/launch?ref=home#top");
    CHECK(c->summary == "The new product");
    CHECK(c->suggested_text == "Proud of the team #employee");

    for (std::string network : {"linkedin", "x", "facebook"}) {
        const auto b = find_button(m, "advocacy_share_" + network);
        REQUIRE(b);
        REQUIRE(b->url);
        CHECK(b->url->starts_with("https://adv.example/s/"));
        CHECK(token_of(*b->url).size() == 22);
        CHECK(b->value == std::to_string(f.content));
    }
    CHECK(find_button(m, "advocacy_share_linkedin")->label == "Share on LinkedIn");
    const auto shared = find_button(m, "advocacy_shared");
    REQUIRE(shared);
    CHECK(shared->style == ButtonStyle::primary);
    CHECK(shared->label == "I shared it");
    CHECK(find_button(m, "advocacy_why")->label == "Why share this?");
    CHECK(find_button(m, "advocacy_skip")->label == "Skip");
    CHECK(all_text(m).find("Campaign: Autumn launch \xC2\xB7 expires Fri 6 November") != std::string::npos);
}

TEST_CASE("engine content: French users get the French message and dates") {
    ContentFixture f;
    f.h.run_until(utc(2026, 10, 26, 8, 40));
    const Message* m = nullptr;
    for (auto& s : f.h.outbox.sent)
        if (s.to.conversation_id == "dm-bruno") m = &s.message;
    REQUIRE(m);
    CHECK(find_button(*m, "advocacy_share_linkedin")->label == "Partager sur LinkedIn");
    CHECK(find_button(*m, "advocacy_shared")->label == "Je l'ai partagé");
    CHECK(all_text(*m).find("Campagne : Autumn launch \xC2\xB7 expire le ven. 6 novembre") != std::string::npos);
}

TEST_CASE("engine links: /s/ records an intent click and redirects to the network with the /r/ link of that delivery") {
    ContentFixture f;
    const Message m = f.alice_push();
    const std::string s_token = token_of(*find_button(m, "advocacy_share_x")->url);

    const auto redirect = f.h.engine->follow_link('s', s_token, "Mozilla/5.0");
    REQUIRE(redirect);
    CHECK(redirect->location.starts_with("https://twitter.com/intent/tweet?"));
    CHECK(redirect->location.find("adv.example%2Fr%2F") != std::string::npos);
    CHECK(redirect->location.find("Short") != std::string::npos);  // the X-specific text

    storage::Leaderboard board(*f.h.db);
    const auto stats = board.campaign_stats(f.campaign, sys_seconds{}, f.h.clock.now() + hours{1});
    CHECK(stats.intent_clicks == 1);
    CHECK(stats.post_clicks == 0);
    // Intent clicks earn no points.
    CHECK(board.week_points(1, "2026-W44").empty());
}

TEST_CASE("engine links: /r/ counts post clicks with points up to the cap, crawlers are redirected but not counted") {
    config::Config cfg = test_config();
    cfg.program.points.post_click = 2;
    cfg.program.points.post_click_cap_per_item = 5;
    Harness h(utc(2026, 10, 26, 7), cfg);
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    add_content(h, campaign, "https://example.com/a?x=1#frag title=\"A\" why=\"w\" text=\"t\"");
    h.text(kAlice, "hi");
    h.run_until(utc(2026, 10, 26, 8, 40));

    const auto alice = h.users().find_by_platform_id(1, "alice");
    REQUIRE(alice);
    auto deliveries = h.deliveries();
    const auto d = deliveries.find_for(alice->id, 1);
    REQUIRE(d);
    std::string post_token;
    for (const auto& t : deliveries.tokens_for(d->id))
        if (t.kind == storage::LinkKind::post && t.network == "linkedin") post_token = t.token;
    REQUIRE(!post_token.empty());

    const auto crawler = h.engine->follow_link('r', post_token, "LinkedInBot/1.0 (compatible; Mozilla/5.0)");
    REQUIRE(crawler);
    CHECK(crawler->location ==
          "https://example.com/a?x=1&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=launch#frag");

    for (int i = 0; i < 4; ++i) REQUIRE(h.engine->follow_link('r', post_token, "Mozilla/5.0"));
    storage::Leaderboard board(*h.db);
    CHECK(board.campaign_stats(campaign, sys_seconds{}, h.clock.now() + hours{1}).post_clicks == 4);
    const auto rows = board.week_points(1, "2026-W44");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].points == 5);  // 4 clicks x 2 points, capped at 5
}

TEST_CASE("engine links: unknown tokens, wrong kinds and tokens under the wrong path give nothing") {
    ContentFixture f;
    const Message m = f.alice_push();
    const std::string s_token = token_of(*find_button(m, "advocacy_share_linkedin")->url);
    CHECK_FALSE(f.h.engine->follow_link('r', s_token, "Mozilla/5.0"));  // an intent token is not a post token
    CHECK_FALSE(f.h.engine->follow_link('s', "AAAAAAAAAAAAAAAAAAAAAA", "Mozilla/5.0"));
    CHECK_FALSE(f.h.engine->follow_link('x', s_token, "Mozilla/5.0"));
    storage::Leaderboard board(*f.h.db);
    CHECK(board.campaign_stats(f.campaign, sys_seconds{}, f.h.clock.now() + hours{1}).intent_clicks == 0);
}

TEST_CASE("engine content: a share URL button reported as a click is acknowledged and not counted") {
    ContentFixture f;
    f.alice_push();
    const Reply r = f.h.click(kAlice, "advocacy_share_linkedin", std::to_string(f.content));
    CHECK(r.messages.empty());
    storage::Leaderboard board(*f.h.db);
    CHECK(board.campaign_stats(f.campaign, sys_seconds{}, f.h.clock.now() + hours{1}).intent_clicks == 0);
}

TEST_CASE("engine content: push to=me previews privately without creating a delivery") {
    ContentFixture f;
    const Reply r = f.h.command(kAdmin, "push " + std::to_string(f.content) + " to=me");
    REQUIRE(r.messages.size() == 2);
    CHECK(r.messages[1].kind == MessageKind::content);
    CHECK(r.messages[1].ephemeral);
    // The preview's share buttons go straight to the networks (no tracking token exists).
    CHECK(find_button(r.messages[1], "advocacy_share_linkedin")->url->starts_with("https://www.linkedin.com/"));
    const auto admin = f.h.users().find_by_platform_id(1, "admin");
    CHECK_FALSE(f.h.deliveries().find_for(admin->id, f.content));
}
