// A program run on Slack, end to end: slash commands create a campaign and its content, a push reaches three people
// through conversations.open + chat.postMessage, "I shared it" records one row and updates the card, "why" answers
// only the clicker, a reaction counts as a share, and a burst of 429s still delivers every message exactly once.
#include <catch2/catch.hpp>

#include "tests/slack/employee_flow.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

TEST_CASE("slash commands run the program, a push reaches three people, I shared it, why, repeat click") {
    SlackFixture f;
    check_push_share_why(f);
}

TEST_CASE("the configured reaction on a pushed message counts as a share, other emoji do not") {
    SlackFixture f;
    check_reaction_share(f);
}

TEST_CASE("a push during a burst of 429s delivers every message exactly once") {
    SlackFixture f;
    set_up_program(f);
    REQUIRE(f.command(kAdmin, "push").status == 200);
    f.fake.script("chat.postMessage", {testing::FakeSlack::rate_limited(1), testing::FakeSlack::rate_limited(1)});
    f.fake.script("conversations.open", {testing::FakeSlack::rate_limited(1)});
    f.engine->tick(*f.outbox);

    std::size_t rate_limited = 0;
    for (const auto& c : f.fake.calls()) rate_limited += c.status == 429;
    CHECK(rate_limited == 3);
    for (const auto& u : std::vector<std::string>{"U1", "U2", "U3", kAdmin}) {
        INFO(u);
        CHECK(pushes_to(f, "D" + u).size() == 1);
    }
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state <> 'sent'") == 0);
    // Ticking again sends nothing twice.
    const auto posts = f.fake.calls("chat.postMessage").size();
    f.engine->tick(*f.outbox);
    CHECK(f.fake.calls("chat.postMessage").size() == posts);
}

TEST_CASE("a permanent Slack error fails the delivery, app_home_opened onboards in the DM") {
    SlackFixture f;
    set_up_program(f);
    REQUIRE(f.command(kAdmin, "push").status == 200);
    f.fake.script("conversations.open", {testing::FakeSlack::error("user_not_found")});
    f.engine->tick(*f.outbox);
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'failed'") == 1);
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE last_error LIKE '%user_not_found%'") == 1);
    // Permanent: given up at once, never retried by later ticks.
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE gave_up = 1") == 1);
    const auto opens = f.fake.calls("conversations.open").size();
    f.engine->tick(*f.outbox);
    f.engine->tick(*f.outbox);
    CHECK(f.fake.calls("conversations.open").size() == opens);

    const auto before = f.fake.calls("chat.postMessage").size();
    CHECK(f.event("EvHome", json::object{{"type", "app_home_opened"}, {"user", "U7"}, {"channel", "DU7"},
                                         {"tab", "messages"}, {"event_ts", "1700000000.1"}}).status == 200);
    REQUIRE(f.fake.wait_for_count("chat.postMessage", before + 1));
    REQUIRE(f.adapter->drain(seconds(10)));
    const auto onboarding = f.fake.calls("chat.postMessage").back();
    CHECK(onboarding.args.at("channel").as_string() == "DU7");
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id = 'U7' AND dm_conversation = 'DU7'") == 1);
}
