// POST /slack/events through the real server: signatures, malformed input, retries, the 3 s ack.
#include <catch2/catch.hpp>

#include "tests/slack/slack_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

TEST_CASE("url_verification echoes the challenge, ssl_check is a bare 200") {
    SlackFixture f;
    auto r = f.post("application/json", R"({"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})");
    CHECK(r.status == 200);
    CHECK(json::parse(r.body).at("challenge").as_string() == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    r = f.post("application/x-www-form-urlencoded", "ssl_check=1&token=x");
    CHECK(r.status == 200);
    CHECK(r.body.empty());
    CHECK(f.total_rows() == 0);
}

TEST_CASE("bad signature, stale timestamp, missing headers, malformed bodies, oversize: 4xx and nothing written") {
    slack::AdapterOptions options;
    options.body_limit = 16 * 1024;
    SlackFixture f(std::move(options));
    // Something in the database first, so "nothing written" is measured against a real state.
    REQUIRE(f.command(kAdmin, "campaign create \"Spring\" why=\"Launch\"").status == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    const auto rows = f.total_rows();
    const auto calls = f.fake.calls().size();
    const std::string command = form_body({{"team_id", kTeam}, {"channel_id", "C1"}, {"user_id", kAdmin},
                                           {"command", "/advocacy"}, {"text", "campaign create \"Evil\" why=\"x\""}});

    SECTION("401 for every signature problem") {
        const auto now = f.clock.now().time_since_epoch().count();
        CHECK(f.post("application/x-www-form-urlencoded", command, {}, false).status == 401);  // no headers
        CHECK(f.post("application/x-www-form-urlencoded", command, {{"X-Slack-Request-Timestamp", std::to_string(now)}},
                     false).status == 401);  // timestamp but no signature
        CHECK(f.post("application/x-www-form-urlencoded", command,
                     {{"X-Slack-Request-Timestamp", std::to_string(now)}, {"X-Slack-Signature", "v0=" + std::string(64, 'a')}},
                     false).status == 401);
        CHECK(f.post("application/x-www-form-urlencoded", command, {}, true, now - 301).status == 401);  // stale
        CHECK(f.post("application/x-www-form-urlencoded", command, {}, true, now + 301).status == 401);  // future
        // Signed with another secret.
        const std::string ts = std::to_string(now);
        CHECK(f.post("application/x-www-form-urlencoded", command,
                     {{"X-Slack-Request-Timestamp", ts}, {"X-Slack-Signature", slack::compute_signature("other", ts, command)}},
                     false).status == 401);
        // Signed body, then altered on the way (one byte).
        const std::string sig = slack::compute_signature(kSecret, ts, command);
        std::string altered = command;
        altered[altered.size() - 3] = 'Y';
        const auto r = f.post("application/x-www-form-urlencoded", altered,
                              {{"X-Slack-Request-Timestamp", ts}, {"X-Slack-Signature", sig}}, false);
        CHECK(r.status == 401);
        CHECK(testing::header_of(r.raw, "X-Slack-No-Retry") == "1");
    }
    SECTION("400 for malformed payloads, properly signed") {
        CHECK(f.post("application/x-www-form-urlencoded", "payload=%7Bnot+json").status == 400);
        CHECK(f.post("application/x-www-form-urlencoded", form_body({{"payload", "[1,2]"}})).status == 400);
        CHECK(f.post("application/x-www-form-urlencoded", form_body({{"payload", R"({"type":"block_actions"})"}})).status == 400);
        CHECK(f.post("application/x-www-form-urlencoded",
                     form_body({{"payload", R"({"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"actions":[{"value":"1"}]})"}}))
                  .status == 400);
        CHECK(f.post("application/x-www-form-urlencoded", "text=%ZZ&command=/advocacy").status == 400);
        CHECK(f.post("application/x-www-form-urlencoded", form_body({{"command", "/advocacy"}, {"text", "me"}})).status == 400);
        CHECK(f.post("application/x-www-form-urlencoded", "hello=world").status == 400);
        CHECK(f.post("application/json", "{\"type\":").status == 400);
        CHECK(f.post("application/json", R"({"no_type":1})").status == 400);
        CHECK(f.post("application/json", R"({"type":"event_callback","team_id":"T1","event":{"type":"message"}})").status == 400);
        CHECK(f.post("application/json", R"({"type":"url_verification"})").status == 400);
        CHECK(f.post("text/plain", "hello").status == 415);
        const auto r = f.event("EvBad1", json::object{{"type", "reaction_added"}, {"user", "U1"}});
        CHECK(r.status == 400);
        CHECK(testing::header_of(r.raw, "X-Slack-No-Retry") == "1");
    }
    SECTION("413 for a body over the route's limit") {
        const std::string big = form_body({{"command", "/advocacy"}, {"user_id", kAdmin}, {"team_id", kTeam},
                                           {"channel_id", "C1"}, {"text", std::string(20'000, 'x')}});
        CHECK(f.post("application/x-www-form-urlencoded", big).status == 413);
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.total_rows() == rows);
    CHECK(f.fake.calls().size() == calls);
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 1);
}

TEST_CASE("a retried event is handled once") {
    SlackFixture f;
    const json::object dm{{"type", "message"}, {"channel", "DU1"}, {"user", "U1"}, {"text", "help"},
                          {"ts", "1700000000.000001"}, {"channel_type", "im"}, {"event_ts", "1700000000.000001"}};
    REQUIRE(f.event("Ev0001", dm).status == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    const auto posted = f.fake.calls("chat.postMessage").size();
    const auto rows = f.total_rows();
    CHECK(posted >= 1);
    for (const auto& c : f.fake.calls("chat.postMessage")) CHECK(c.args.at("channel").as_string() == "DU1");

    for (const char* n : {"1", "2", "3"}) {
        const auto r = f.event("Ev0001", dm, {{"X-Slack-Retry-Num", n}, {"X-Slack-Retry-Reason", "http_timeout"}});
        CHECK(r.status == 200);
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.fake.calls("chat.postMessage").size() == posted);
    CHECK(f.total_rows() == rows);

    // Another event id is new work.
    REQUIRE(f.event("Ev0002", dm).status == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.fake.calls("chat.postMessage").size() > posted);
}

TEST_CASE("the bot's own messages, edits and unknown events are acked and ignored") {
    SlackFixture f;
    CHECK(f.event("Ev1", json::object{{"type", "message"}, {"channel", "DU1"}, {"bot_id", "B1"}, {"text", "hi"},
                                      {"channel_type", "im"}}).status == 200);
    CHECK(f.event("Ev2", json::object{{"type", "message"}, {"subtype", "message_changed"}, {"channel", "DU1"},
                                      {"channel_type", "im"}}).status == 200);
    CHECK(f.event("Ev3", json::object{{"type", "team_join"}, {"user", json::object{{"id", "U9"}}}}).status == 200);
    CHECK(f.post("application/json", R"({"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1})").status == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.total_rows() == 0);
    CHECK(f.fake.calls().empty());
}

TEST_CASE("a slow or failing Web API never delays the ack") {
    SlackFixture f;
    REQUIRE(f.command("U1", "me").status == 200);  // U1 is known
    f.fake.script("chat.postMessage", {testing::Scripted{200, "", {}, milliseconds(2500)}});
    f.fake.script("response_url", {testing::Scripted{200, "", {}, milliseconds(2500)}});
    const json::object dm{{"type", "message"}, {"channel", "DU1"}, {"user", "U1"}, {"text", "help"},
                          {"channel_type", "im"}};
    auto start = steady_clock::now();
    CHECK(f.event("EvSlow", dm).status == 200);
    CHECK(steady_clock::now() - start < milliseconds(1500));
    start = steady_clock::now();
    CHECK(f.interaction(SlackFixture::click("U1", "DU1", "1700000000.000100", "advocacy_why", "1",
                                            f.fake.response_url("slow"))).status == 200);
    CHECK(steady_clock::now() - start < milliseconds(1500));
    f.fake.script("chat.postMessage", {testing::FakeSlack::server_error(), testing::FakeSlack::server_error()});
    CHECK(f.event("EvFail", dm).status == 200);
    REQUIRE(f.adapter->drain(seconds(20)));
    CHECK(f.fake.wait_for_count("chat.postMessage", 2));
}
