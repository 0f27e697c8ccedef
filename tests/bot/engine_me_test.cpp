// `me` (and so the Slack App Home, which shows it) links today's item once one was pushed.
#include <catch2/catch.hpp>

#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {
const TextSpan* link_to(const Reply& r, const std::string& url) {
    for (const auto& m : r.messages)
        for (const auto& b : m.blocks)
            if (const auto* rich = std::get_if<RichTextBlock>(&b))
                for (const auto& s : rich->spans)
                    if (s.link && *s.link == url) return &s;
    return nullptr;
}
}  // namespace

TEST_CASE("engine me: today's pushed item is linked, and only on its day") {
    Harness h(utc(2026, 10, 26, 7));  // Monday 08:00 in Paris
    const Person alice{"alice", "Alice", "en-US", "Europe/Paris"};
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    REQUIRE(add_content(h, campaign, "https://example.com/today title=\"Today's news\" why=\"W\" text=\"T\"") == 1);
    h.text(alice, "hello");
    CHECK(link_to(h.command(alice, "me"), "https://example.com/today") == nullptr);  // nothing pushed yet

    h.run_until(utc(2026, 10, 26, 9));  // past 09:00 + the stagger window in Paris
    const Reply me = h.command(alice, "me");
    const TextSpan* link = link_to(me, "https://example.com/today");
    REQUIRE(link);
    CHECK(link->text == "Today's news");
    CHECK(all_text(me).find("Today's item:") != std::string::npos);

    h.clock.set(utc(2026, 10, 27, 6));  // Tuesday 07:00 in Paris: Monday's item is no longer "today"
    CHECK(link_to(h.command(alice, "me"), "https://example.com/today") == nullptr);
}
