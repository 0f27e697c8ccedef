// A "#general" campaign on Slack: the channel is found with conversations.list and its members with
// conversations.members (both paged to the end by the fake), and the push reaches exactly those members.
#include <catch2/catch.hpp>

#include <map>

#include "tests/slack/slack_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

namespace {

// Content pushes (the card with the "I shared it" button) per channel.
std::map<std::string, int> content_pushes(const SlackFixture& f) {
    std::map<std::string, int> n;
    for (const auto& c : f.fake.calls("chat.postMessage")) {
        if (c.status == 200 && text_of(c).find("advocacy_shared") != std::string::npos)
            ++n[std::string(c.args.at("channel").as_string())];
    }
    return n;
}

std::string arg(const testing::RecordedCall& c, std::string_view key) {
    const auto* v = c.args.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

void set_up_channels(SlackFixture& f) {
    // Page size 2: five visible channels are three pages of conversations.list; #general's five members (with the
    // bot) three pages of conversations.members.
    f.fake.set_channels({{"C0RANDOM", "random", {"U4", "U1"}},
                         {"C0DESIGN", "design", {"U6"}},
                         {"C0OPS", "ops", {"U7"}},
                         {"C0OLD", "general-old", {"U9"}, false, true},
                         {"C0SALES", "sales", {"U5"}, true},
                         {"C0GENERAL", "general", {"U1", "U2", "UBOT", "U3", "U5"}},
                         {"C0ARCHIVED", "general", {"U8"}, false, true}},  // an archived namesake
                        2);
}

}  // namespace

TEST_CASE("a #general campaign created by slash command pushes to exactly the channel's members, paged") {
    SlackFixture f;
    set_up_channels(f);
    REQUIRE(f.command("U1", "me").status == 200);  // known to the bot
    REQUIRE(f.command("U4", "me").status == 200);  // known, but only in #random
    auto r = f.command(kAdmin, "campaign create \"Channel news\" why=\"Our team's work\" audience=<#C0GENERAL|general>");
    REQUIRE(r.status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM campaigns WHERE audience = '#general'") == 1);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    REQUIRE(f.command(kAdmin, "content add " + campaign + " https://example.com/news title=\"News\" why=\"w\" text=\"t\"").status ==
            200);
    REQUIRE(f.adapter->drain(seconds(10)));
    REQUIRE(f.scalar("SELECT count(*) FROM contents WHERE status = 'published'") == 1);

    f.clock.advance(hours(1));  // 10:00 in Paris: everyone's push is due
    f.engine->tick(*f.outbox);

    // conversations.list: public and private, archived left out, limit <= 1000, every page.
    const auto lists = f.fake.calls("conversations.list");
    REQUIRE(lists.size() == 3);
    for (const auto& c : lists) {
        CHECK(arg(c, "types") == "public_channel,private_channel");
        CHECK(arg(c, "exclude_archived") == "true");
        CHECK(std::stoi(arg(c, "limit")) <= 1000);
        CHECK(c.authorization == "Bearer xoxb-test-token");
    }
    CHECK(arg(lists[0], "cursor").empty());
    CHECK(arg(lists[1], "cursor") == "page:2");
    CHECK(arg(lists[2], "cursor") == "page:4");
    // conversations.members of the resolved id, every page.
    const auto members = f.fake.calls("conversations.members");
    REQUIRE(members.size() == 3);
    for (const auto& c : members) CHECK(arg(c, "channel") == "C0GENERAL");
    CHECK(arg(members[2], "cursor") == "page:4");

    // Exactly the members, the bot itself left out; U2, U3 and U5 never talked to the bot: reached by their id.
    CHECK(content_pushes(f) == std::map<std::string, int>{{"DU1", 1}, {"DU2", 1}, {"DU3", 1}, {"DU5", 1}});
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id IN ('U2', 'U3', 'U5')") == 3);
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id IN ('UBOT', 'U8', 'U9')") == 0);

    // The next ticks do not ask Slack again (the membership is fresh for 6 hours).
    f.clock.advance(minutes(30));
    f.engine->tick(*f.outbox);
    CHECK(f.fake.calls("conversations.list").size() == 3);
    CHECK(f.fake.calls("conversations.members").size() == 3);
}

TEST_CASE("a Slack member who left is not pushed after the next sync, and a Slack failure keeps the members") {
    SlackFixture f;
    set_up_channels(f);
    REQUIRE(f.command(kAdmin, "campaign create \"Channel news\" why=\"w\" audience=#general").status == 200);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    for (int i = 0; i < 3; ++i) {
        const auto added = f.command(kAdmin, "content add " + campaign + " https://example.com/" + std::to_string(i) +
                                                 " title=\"N\" why=\"w\" text=\"t\"");
        REQUIRE(added.status == 200);
        REQUIRE(added.body.find("Content #") != std::string::npos);
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    REQUIRE(f.scalar("SELECT count(*) FROM contents WHERE status = 'published'") == 3);
    f.clock.advance(hours(1));
    f.engine->tick(*f.outbox);
    CHECK(content_pushes(f).size() == 4);

    // Tuesday: Slack fails (a permanent error, no retry) when asked; Monday's members are kept.
    f.fake.script("conversations.members", {testing::FakeSlack::error("missing_scope")});
    f.clock.advance(hours(24));
    f.engine->tick(*f.outbox);
    CHECK(f.fake.calls("conversations.members").back().status == 200);
    CHECK(content_pushes(f) == std::map<std::string, int>{{"DU1", 2}, {"DU2", 2}, {"DU3", 2}, {"DU5", 2}});

    // Wednesday: U2 and U5 left the channel; the channel id is cached (no new conversations.list).
    f.fake.set_channels({{"C0GENERAL", "general", {"U1", "U3", "UBOT"}}}, 2);
    const auto lists = f.fake.calls("conversations.list").size();
    f.clock.advance(hours(24));
    f.engine->tick(*f.outbox);
    CHECK(f.fake.calls("conversations.list").size() == lists);
    CHECK(content_pushes(f) == std::map<std::string, int>{{"DU1", 3}, {"DU2", 2}, {"DU3", 3}, {"DU5", 2}});
}
