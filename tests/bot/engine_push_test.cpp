// Push planning rules: frequency, campaign windows and status, audiences, workspace schedule, destinations.
#include <catch2/catch.hpp>

#include <map>

#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};

// Content pushes per conversation id.
std::map<std::string, int> pushes(const std::vector<Sent>& sent) {
    std::map<std::string, int> n;
    for (const auto& s : sent)
        if (s.message.kind == MessageKind::content) ++n[s.to.conversation_id];
    return n;
}

void add_items(Harness& h, long campaign, int count) {
    for (int i = 0; i < count; ++i)
        add_content(h, campaign, "https://example.com/" + std::to_string(campaign) + "/" + std::to_string(i) +
                                     " title=\"T\" why=\"w\" text=\"t\"");
}

}  // namespace

TEST_CASE("engine push: weekly frequency gets one push per campaign per ISO week") {
    Harness h;  // Monday 2026-10-26
    add_items(h, create_campaign(h, "\"Launch\" why=\"w\""), 10);
    h.text(kAlice, "hi");
    h.command(kAlice, "frequency weekly");
    h.run_until(utc(2026, 11, 3, 12));  // two Mondays and a Tuesday
    CHECK(pushes(h.outbox.sent)["dm-alice"] == 2);
    CHECK(pushes(h.outbox.sent)["dm-admin"] == 7);
}

TEST_CASE("engine push: only active campaigns within their dates, one push per campaign per day") {
    Harness h;
    add_items(h, create_campaign(h, "\"Later\" why=\"w\" start=2026-10-28"), 5);
    add_items(h, create_campaign(h, "\"Ended\" why=\"w\" end=2026-10-26"), 5);
    const long paused = create_campaign(h, "\"Paused\" why=\"w\"");
    add_items(h, paused, 5);
    h.command(kAdmin, "campaign pause " + std::to_string(paused));
    h.text(kAlice, "hi");
    h.run_until(utc(2026, 10, 26, 12));
    CHECK(pushes(h.outbox.take())["dm-alice"] == 1);  // "Ended" runs on its last day
    h.run_until(utc(2026, 10, 27, 12));
    CHECK(pushes(h.outbox.take())["dm-alice"] == 0);
    h.run_until(utc(2026, 10, 28, 12));
    CHECK(pushes(h.outbox.take())["dm-alice"] == 1);
}

TEST_CASE("engine push: group and channel audiences; DM unknown -> platform user id") {
    Harness h;
    add_items(h, create_campaign(h, "\"Sales only\" why=\"w\" audience=group:Sales"), 3);
    h.text(kAlice, "hi");
    h.text(kBruno, "hi");
    h.command(kAdmin, "group set @bruno Sales");
    // Carla only ever talked in a channel: no DM known.
    const Person carla{"carla", "Carla", "en-US", "Europe/Paris"};
    h.send(carla, TextMessage{"hello"}, Conversation{Platform::playground, "playground", "general", false});
    h.command(kAdmin, "group set @carla Sales");
    h.run_until(utc(2026, 10, 26, 12));
    const auto n = pushes(h.outbox.sent);
    CHECK(n.count("dm-alice") == 0);
    CHECK(n.at("dm-bruno") == 1);
    CHECK(n.at("carla") == 1);
}

TEST_CASE("engine push: the workspace schedule overrides the config") {
    Harness h;
    add_items(h, create_campaign(h, "\"Launch\" why=\"w\""), 10);
    h.text(kAlice, "hi");
    h.command(kAdmin, "schedule daily=14:00 days=tue,thu");
    h.run_until(utc(2026, 10, 27, 12, 55));  // Monday, and Tuesday up to 13:55 Paris
    CHECK(pushes(h.outbox.take()).empty());
    h.run_until(utc(2026, 10, 27, 13, 40));
    CHECK(pushes(h.outbox.take())["dm-alice"] == 1);
    h.run_until(utc(2026, 10, 29, 0));  // Wednesday: not a working day any more
    CHECK(pushes(h.outbox.take()).empty());
}

TEST_CASE("engine push: a user without a known zone follows the program's zone") {
    Harness h;
    add_items(h, create_campaign(h, "\"Launch\" why=\"w\""), 3);
    h.text(Person{"zed", "Zed", "en-US", ""}, "hi");
    h.run_until(utc(2026, 10, 26, 7, 55));  // 08:55 in Paris
    CHECK(pushes(h.outbox.sent).count("dm-zed") == 0);
    h.run_until(utc(2026, 10, 26, 8, 35));
    CHECK(pushes(h.outbox.sent).at("dm-zed") == 1);
}

TEST_CASE("engine push: a pending push is held while the user is paused, and expires after a day") {
    Harness h;
    add_items(h, create_campaign(h, "\"Launch\" why=\"w\""), 5);
    h.text(kAlice, "hi");
    h.command(kAdmin, "push");      // queued for today, not sent yet
    h.command(kAlice, "pause");
    h.tick();
    CHECK(pushes(h.outbox.take()).count("dm-alice") == 0);
    h.clock.set(utc(2026, 10, 28, 7));  // two days later
    h.command(kAlice, "resume");
    h.tick();
    CHECK(pushes(h.outbox.take()).count("dm-alice") == 0);  // Monday's push is stale now
    const auto alice = h.users().find_by_platform_id(1, "alice");
    const auto monday = h.deliveries().find_for(alice->id, 1);
    REQUIRE(monday);
    CHECK(monday->state == storage::DeliveryState::failed);
    CHECK(monday->last_error == "expired: not sent on its day");
    h.run_until(utc(2026, 10, 28, 9));
    CHECK(pushes(h.outbox.take()).at("dm-alice") == 1);  // Wednesday's own push
}

namespace {

// The card titles pushed to `conversation`, in order.
std::vector<std::string> titles_to(const std::vector<Sent>& sent, const std::string& conversation) {
    std::vector<std::string> out;
    for (const auto& s : sent)
        if (s.message.kind == MessageKind::content && s.to.conversation_id == conversation && card(s.message))
            out.push_back(card(s.message)->title);
    return out;
}

}  // namespace

TEST_CASE("engine push: each user gets items in their own language first, then the other language") {
    Harness h;  // Monday 2026-10-26
    const long campaign = create_campaign(h, "\"Bilingual\" why=\"w\"");
    add_content(h, campaign, "https://example.com/en title=\"English news\" why=w text=t lang=en");
    add_content(h, campaign, "https://example.com/fr title=\"Nouvelles\" why=w text=t lang=fr");
    h.text(kAlice, "hi");  // en-US
    h.text(kBruno, "hi");  // fr-FR
    h.run_until(utc(2026, 10, 26, 12));
    CHECK(titles_to(h.outbox.sent, "dm-alice") == std::vector<std::string>{"English news"});
    CHECK(titles_to(h.outbox.sent, "dm-bruno") == std::vector<std::string>{"Nouvelles"});
    // Tuesday: only the other language is left for each of them; they still get it.
    h.run_until(utc(2026, 10, 27, 12));
    CHECK(titles_to(h.outbox.sent, "dm-alice") == std::vector<std::string>{"English news", "Nouvelles"});
    CHECK(titles_to(h.outbox.sent, "dm-bruno") == std::vector<std::string>{"Nouvelles", "English news"});
}

TEST_CASE("engine push: a user without a locale follows the program's default language") {
    config::Config cfg = test_config();
    cfg.program.default_locale = "fr";
    Harness h(utc(2026, 10, 26, 7), cfg);
    const long campaign = create_campaign(h, "\"Bilingual\" why=\"w\"");
    add_content(h, campaign, "https://example.com/en title=\"English news\" why=w text=t lang=en");
    add_content(h, campaign, "https://example.com/fr title=\"Nouvelles\" why=w text=t lang=fr");
    h.text(Person{"zoe", "Zoe", "", "Europe/Paris"}, "hi");
    h.run_until(utc(2026, 10, 26, 12));
    CHECK(titles_to(h.outbox.sent, "dm-zoe") == std::vector<std::string>{"Nouvelles"});
}

TEST_CASE("engine push: the push command picks each user's next item in their language too") {
    Harness h;
    const long campaign = create_campaign(h, "\"Bilingual\" why=\"w\"");
    add_content(h, campaign, "https://example.com/en title=\"English news\" why=w text=t lang=en");
    add_content(h, campaign, "https://example.com/fr title=\"Nouvelles\" why=w text=t lang=fr");
    h.text(kAlice, "hi");
    h.text(kBruno, "hi");
    h.command(kAdmin, "push");
    h.tick();
    CHECK(titles_to(h.outbox.sent, "dm-alice") == std::vector<std::string>{"English news"});
    CHECK(titles_to(h.outbox.sent, "dm-bruno") == std::vector<std::string>{"Nouvelles"});
    CHECK(titles_to(h.outbox.sent, "dm-admin") == std::vector<std::string>{"English news"});
}
