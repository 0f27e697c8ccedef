#pragma once
// The employee flow on Slack, written once for every transport: `F` is SlackFixture (HTTP mode) or the Socket Mode
// fixture (tests/slack_socket/socket_fixture.hpp). Both answer command(), interaction() and event() with what Slack
// got back (the HTTP reply, or the envelope's ack payload), once the bot has acted on it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/slack/slack_fixture.hpp"

namespace advocacy::slack_test {

inline const std::vector<std::string> kEmployees{"U1", "U2", "U3"};

// Admin creates a campaign with one content item; the employees are known to the bot (they used the command).
template <class F>
std::string set_up_program(F& f) {
    for (const auto& u : kEmployees) REQUIRE(f.command(u, "me").status == 200);
    auto r = f.command(kAdmin, "campaign create \"Spring launch\" why=\"Our biggest release this year\"");
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body).at("response_type").as_string() == "ephemeral");
    REQUIRE(f.scalar("SELECT count(*) FROM campaigns") == 1);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    r = f.command(kAdmin, "content add " + campaign +
                              " https://example.com/spring title=\"Spring is here\" why=\"Customers asked for it\" "
                              "text=\"Proud of what we shipped!\"");
    REQUIRE(r.status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM contents") == 1);
    return std::to_string(f.scalar("SELECT id FROM contents"));
}

// The chat.postMessage calls that carried the content card to `channel`.
inline std::vector<testing::RecordedCall> pushes_to(const SlackCore& f, const std::string& channel) {
    std::vector<testing::RecordedCall> out;
    for (const auto& c : f.fake.calls("chat.postMessage")) {
        if (c.status == 200 && c.args.at("channel").as_string() == channel &&
            text_of(c).find("advocacy_shared") != std::string::npos) {
            out.push_back(c);
        }
    }
    return out;
}

// The ts of the message the push delivered to `user`.
inline std::string delivered_ts(SlackCore& f, const std::string& user) {
    std::string ts;
    f.db->read([&](storage::Connection& c) {
        auto& st = c.prepare("SELECT platform_ref FROM deliveries d JOIN users u ON u.id = d.user_id "
                             "WHERE u.platform_user_id = ?");
        st.bind(1, user);
        REQUIRE(st.executeStep());
        const std::string platform_ref = st.getColumn(0).getString();
        ts = platform_ref.substr(platform_ref.find(':') + 1);
    });
    return ts;
}

// Slash commands run the program, a push reaches three people, "I shared it" records once and updates the card, a
// repeat click records nothing, "why" answers only the clicker, a share URL button is acked and not counted.
template <class F>
void check_push_share_why(F& f) {
    const std::string content_id = set_up_program(f);

    // A user error is an ephemeral 200, never a 500.
    auto r = f.command("U1", "campaign create \"Not allowed\" why=\"x\"");
    CHECK(r.status == 200);
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 1);

    REQUIRE(f.command(kAdmin, "push").status == 200);
    f.engine->tick(*f.outbox);

    for (const auto& u : kEmployees) {
        INFO(u);
        std::size_t opens = 0;
        for (const auto& c : f.fake.calls("conversations.open")) opens += c.args.at("users").as_string() == u;
        CHECK(opens == 1);
        const auto pushes = pushes_to(f, "D" + u);
        REQUIRE(pushes.size() == 1);
        CHECK(pushes[0].authorization == "Bearer xoxb-test-token");
        CHECK(pushes[0].content_type.starts_with("application/json"));
        CHECK(!pushes[0].args.at("text").as_string().empty());
        CHECK(text_of(pushes[0]).find("Spring is here") != std::string::npos);
    }
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'sent' AND platform_ref LIKE 'DU_:%'") >= 3);

    // U1 clicks "I shared it" on the pushed card.
    REQUIRE(pushes_to(f, "DU1").size() == 1);
    const std::string ts = delivered_ts(f, "U1");
    const auto updates_before = f.fake.calls("chat.update").size();
    r = f.interaction(SlackCore::click("U1", "DU1", ts, "advocacy_shared", content_id, f.fake.response_url("a1")));
    CHECK(r.status == 200);
    CHECK(f.scalar("SELECT count(*) FROM interactions WHERE kind = 'shared'") == 1);
    REQUIRE(f.fake.wait_for_count("chat.update", updates_before + 1));
    const auto update = f.fake.calls("chat.update").back();
    CHECK(update.args.at("channel").as_string() == "DU1");
    CHECK(update.args.at("ts").as_string() == ts);
    CHECK(text_of(update).find("advocacy_shared") == std::string::npos);  // the button is gone once shared

    // A repeat click records nothing new.
    const auto rows = f.total_rows();
    r = f.interaction(SlackCore::click("U1", "DU1", ts, "advocacy_shared", content_id, f.fake.response_url("a2")));
    CHECK(r.status == 200);
    CHECK(f.scalar("SELECT count(*) FROM interactions WHERE kind = 'shared'") == 1);
    CHECK(f.total_rows() == rows);
    REQUIRE(f.adapter->drain(std::chrono::seconds(10)));
    CHECK(f.fake.calls("chat.update").size() == updates_before + 2);  // the card says it was already recorded

    // "Why share this?" answers only the clicker, through the response_url, without touching the card.
    const auto updates = f.fake.calls("chat.update").size();
    r = f.interaction(SlackCore::click("U2", "DU2", "1700000000.000100", "advocacy_why", content_id,
                                       f.fake.response_url("why-U2")));
    CHECK(r.status == 200);
    REQUIRE(f.fake.wait_for([](const auto& calls) {
        for (const auto& c : calls)
            if (c.path == "/response/why-U2") return true;
        return false;
    }));
    REQUIRE(f.adapter->drain(std::chrono::seconds(10)));
    const auto why = f.fake.calls("response_url").back();
    CHECK(why.path == "/response/why-U2");
    CHECK(why.args.at("response_type").as_string() == "ephemeral");
    CHECK(why.args.at("replace_original").as_bool() == false);
    CHECK(text_of(why).find("Customers asked for it") != std::string::npos);
    CHECK(why.authorization.empty());  // the token is never sent to a response_url
    CHECK(f.fake.calls("chat.update").size() == updates);

    // A share URL button is acked and not counted (the /s/ redirect is the count).
    const auto before = f.total_rows();
    r = f.interaction(SlackCore::click("U3", "DU3", "1700000000.000100", "advocacy_share_linkedin", content_id,
                                       f.fake.response_url("u3")));
    CHECK(r.status == 200);
    CHECK(f.total_rows() == before);
}

// The configured reaction on a pushed message counts as a share; other emoji, or on someone else's message, do not.
template <class F>
void check_reaction_share(F& f) {
    set_up_program(f);
    REQUIRE(f.command(kAdmin, "push").status == 200);
    f.engine->tick(*f.outbox);
    REQUIRE(pushes_to(f, "DU2").size() == 1);
    const std::string ts = delivered_ts(f, "U2");
    const auto reaction = [&](const std::string& user, const std::string& emoji) {
        return json::object{{"type", "reaction_added"}, {"user", user}, {"reaction", emoji},
                            {"item_user", "UBOT"},      {"event_ts", "1700000100.000"},
                            {"item", {{"type", "message"}, {"channel", "DU2"}, {"ts", ts}}}};
    };
    CHECK(f.event("EvR1", reaction("U2", "thumbsup")).status == 200);
    CHECK(f.event("EvR2", reaction("U3", "white_check_mark")).status == 200);  // not U3's message
    REQUIRE(f.adapter->drain(std::chrono::seconds(10)));
    CHECK(f.scalar("SELECT count(*) FROM interactions WHERE kind = 'shared'") == 0);
    CHECK(f.event("EvR3", reaction("U2", "white_check_mark::skin-tone-2")).status == 200);
    CHECK(f.scalar("SELECT count(*) FROM interactions WHERE kind = 'shared'") == 1);
    REQUIRE(f.adapter->drain(std::chrono::seconds(10)));
}

// `leaderboard post`: the board goes to the leaderboard channel, the admin gets a private confirmation.
template <class F>
void check_leaderboard_post(F& f) {
    REQUIRE(f.command("U1", "me").status == 200);
    const auto r = f.command(kAdmin, "leaderboard post");
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body).at("response_type").as_string() == "ephemeral");
    REQUIRE(f.fake.wait_for([](const auto& calls) {
        for (const auto& c : calls)
            if (c.method == "chat.postMessage" && c.status == 200 && c.args.at("channel").as_string() == "C0BOARD") return true;
        return false;
    }));
    REQUIRE(f.adapter->drain(std::chrono::seconds(10)));
    CHECK(f.fake.calls("conversations.open").empty());  // a channel, not a DM
    const auto board = f.fake.calls("chat.postMessage").back();
    CHECK(!board.args.at("text").as_string().empty());
    CHECK(text_of(board).find("<@") == std::string::npos);  // no mentions, no notification storms
}

}  // namespace advocacy::slack_test
