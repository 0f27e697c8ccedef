// "I shared it", "Skip", "Why share this?" and the reaction path.
#include <catch2/catch.hpp>

#include "storage/leaderboard.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};

struct ShareFixture {
    Harness h;
    long campaign = 0;
    long with_why = 0;
    long without_why = 0;
    ShareFixture() {
        campaign = create_campaign(h, "\"Launch\" why=\"The campaign reason\"");
        with_why = add_content(h, campaign, "https://example.com/1 title=\"First\" why=\"The item reason\" text=\"t1\"");
        h.text(kAlice, "hi");
        h.text(kBruno, "salut");
        // content add requires why=; a suggestion approved without one falls back to the campaign's why.
        h.command(kBruno, "suggest https://example.com/2");
        without_why = static_cast<long>(with_why + 1);
        h.command(kAdmin, "content approve " + std::to_string(without_why));
        h.outbox.take();
    }
    int week_points(const std::string& user) {
        storage::Leaderboard board(*h.db);
        for (const auto& row : board.week_points(1, "2026-W44"))
            if (row.display_name == user) return row.points;
        return 0;
    }
};

}  // namespace

TEST_CASE("engine share: I shared it records once, updates the card, and a repeat is idempotent") {
    ShareFixture f;
    f.h.run_until(utc(2026, 10, 26, 8, 40));
    const std::string id = std::to_string(f.with_why);

    const Reply first = f.h.click(kAlice, "advocacy_shared", id);
    REQUIRE(first.messages.size() == 1);
    const Message& updated = first.messages[0];
    CHECK(updated.replace_original);
    CHECK(updated.kind == MessageKind::content);
    CHECK_FALSE(find_button(updated, "advocacy_shared"));  // replaced by the note
    CHECK(find_button(updated, "advocacy_share_linkedin"));
    CHECK(all_text(updated).find("Shared - thank you! +10 points, this week: 1 shares") != std::string::npos);
    CHECK(f.week_points("Alice") == 10);

    const Reply again = f.h.click(kAlice, "advocacy_shared", id);
    CHECK(all_text(again).find("Already recorded - thank you! This week: 1 shares") != std::string::npos);
    CHECK(f.week_points("Alice") == 10);
    storage::Leaderboard board(*f.h.db);
    CHECK(board.campaign_stats(f.campaign, sys_seconds{}, f.h.clock.now() + hours{1}).shared == 1);
}

TEST_CASE("engine share: a reaction on the pushed message counts as I shared it") {
    ShareFixture f;
    f.h.run_until(utc(2026, 10, 26, 8, 40));
    std::string ref;
    for (const auto& s : f.h.outbox.sent)
        if (s.to.conversation_id == "dm-alice") ref = "ref-" + std::to_string(&s - &f.h.outbox.sent[0] + 1);
    REQUIRE_FALSE(ref.empty());

    // Someone else reacting does nothing.
    CHECK(f.h.send(kBruno, SharedByReaction{ref}).messages.empty());
    CHECK(f.week_points("Bruno") == 0);

    const Reply r = f.h.send(kAlice, SharedByReaction{ref});
    REQUIRE(r.messages.size() == 1);
    CHECK_FALSE(r.messages[0].replace_original);
    CHECK(all_text(r).find("Shared - thank you! +10 points") != std::string::npos);
    CHECK(f.week_points("Alice") == 10);
    CHECK(f.h.send(kAlice, SharedByReaction{"ref-unknown"}).messages.empty());
}

TEST_CASE("engine share: skip updates the card and the item is never pushed again") {
    ShareFixture f;
    f.h.run_until(utc(2026, 10, 26, 8, 40));
    const Reply r = f.h.click(kAlice, "advocacy_skip", std::to_string(f.with_why));
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].replace_original);
    CHECK(all_text(r).find("Skipped - you won't hear about this one again") != std::string::npos);
    CHECK(buttons(r.messages[0]).empty());

    // Next day Alice gets the other item.
    f.h.outbox.take();
    f.h.run_until(utc(2026, 10, 27, 8, 40));
    bool got_second = false;
    for (const auto& s : f.h.outbox.sent)
        if (s.to.conversation_id == "dm-alice") got_second = card(s.message)->content_id == f.without_why;
    CHECK(got_second);
}

TEST_CASE("engine why: the item's why with one tip, falling back to the campaign's why, and recorded without points") {
    ShareFixture f;
    f.h.run_until(utc(2026, 10, 26, 8, 40));

    const Reply item = f.h.click(kAlice, "advocacy_why", std::to_string(f.with_why));
    const std::string text = all_text(item);
    CHECK(text.find("Why share \"First\"?") != std::string::npos);
    CHECK(text.find("The item reason") != std::string::npos);
    CHECK(text.find("Tip: ") != std::string::npos);
    CHECK(text.find("The campaign reason") == std::string::npos);
    // Only the asker sees it.
    REQUIRE(item.messages.size() == 1);
    CHECK(item.messages[0].ephemeral);

    const Reply fallback = f.h.command(kAlice, "why " + std::to_string(f.without_why));
    CHECK(all_text(fallback).find("The campaign reason") != std::string::npos);

    const Reply fr = f.h.text(kBruno, "pourquoi partager ça ?");
    CHECK(all_text(fr).find("Pourquoi partager « First » ?") != std::string::npos);
    CHECK(all_text(fr).find("Astuce : ") != std::string::npos);

    storage::Leaderboard board(*f.h.db);
    CHECK(board.campaign_stats(f.campaign, sys_seconds{}, f.h.clock.now() + hours{1}).why_asked == 3);
    CHECK(f.week_points("Alice") == 0);
}

TEST_CASE("engine why: without an id it explains the most recent delivery, or says nothing was sent yet") {
    ShareFixture f;
    CHECK(all_text(f.h.text(kAlice, "why?")).find("I haven't sent you anything yet") != std::string::npos);
    f.h.run_until(utc(2026, 10, 26, 8, 40));
    f.h.run_until(utc(2026, 10, 27, 8, 40));
    CHECK(all_text(f.h.command(kAlice, "why")).find("Why share \"https://example.com/2\"?") != std::string::npos);
}
