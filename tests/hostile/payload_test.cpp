// Bad payloads from senders that pass authentication: invalid UTF-8 and JSON nested 100,000 levels deep, in Slack
// commands, events and interactivity payloads. A 4xx (or a clean error reply) quickly, never a crash, nothing stored.
#include <catch2/catch.hpp>

#include "tests/hostile/hostile_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

namespace {

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

struct Sent {
    int status = 0;
    milliseconds took{0};
};

Sent send_signed(const HostileServer& f, const std::string& content_type, const std::string& body) {
    const auto start = steady_clock::now();
    const int status = f.status_of(f.signed_head(content_type, body) + "Content-Length: " +
                                   std::to_string(body.size()) + "\r\n\r\n" + body);
    return {status, duration_cast<milliseconds>(steady_clock::now() - start)};
}

}  // namespace

TEST_CASE("JSON nested 100,000 levels deep is a 400, quickly, with a bounded stack", "[hostile][json]") {
    HostileServer f;
    const auto rows = f.total_rows();
    SECTION("an Events API body that is only brackets") {
        const auto r = send_signed(f, "application/json", nested_arrays(100'000));
        CHECK(r.status == 400);
        CHECK(r.took < kPrompt);
    }
    SECTION("a genuine event envelope with a deep value inside") {
        auto envelope = json::serialize(f.event_callback("EvDeep", json::object{{"type", "app_mention"}, {"user", kAdmin},
                                                                                 {"text", "stats"}, {"deep", "@@"}}));
        envelope.replace(envelope.find("\"@@\""), 4, nested_arrays(100'000));
        const auto r = send_signed(f, "application/json", envelope);
        CHECK(r.status == 400);
        CHECK(r.took < kPrompt);
    }
    SECTION("an interactivity payload nested 50,000 levels (percent-encoded, it fills the 512 KiB limit)") {
        const auto r = send_signed(f, "application/x-www-form-urlencoded", form_body({{"payload", nested_arrays(50'000)}}));
        CHECK(r.status == 400);
        CHECK(r.took < kPrompt);
    }
    SECTION("deep objects") {
        std::string deep;
        for (int i = 0; i < 60'000; ++i) deep += "{\"a\":";
        deep += "1" + std::string(60'000, '}');
        const auto r = send_signed(f, "application/json", deep);
        CHECK(r.status == 400);
        CHECK(r.took < kPrompt);
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.total_rows() == rows);
    CHECK(f.fake.calls().empty());
}

TEST_CASE("invalid UTF-8 in commands, events and payloads: a 4xx or a clean reply, nothing stored", "[hostile][utf8]") {
    HostileServer f;
    const auto rows = f.total_rows();
    // Overlong, lone continuation, truncated sequence, surrogate, beyond U+10FFFF, and a stray 0xFF.
    const std::vector<std::string> bad = {"\xC0\xAF", "\x80", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"};
    for (const auto& b : bad) {
        INFO("bytes: " << testing::header_of("\r\nx: " + std::to_string(static_cast<unsigned char>(b[0])), "x"));
        // A slash command whose text (a campaign name) is not UTF-8.
        const auto command = send_signed(f, "application/x-www-form-urlencoded",
                                         form_body(f.command_fields(kAdmin, "campaign create \"A" + b + "\" why=\"x\"",
                                                                    "C0GENERAL")));
        CHECK(command.status == 400);  // the form itself is refused (adapters/slack/form.cpp)
        // An event and an interactivity payload with the bytes raw inside JSON strings.
        const auto event = send_signed(f, "application/json",
                                       "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\","
                                       "\"event\":{\"type\":\"app_mention\",\"user\":\"UADMIN\",\"text\":\"stats " +
                                           b + "\"}}");
        CHECK(event.status == 400);
        const auto payload = send_signed(f, "application/x-www-form-urlencoded",
                                         form_body({{"payload", "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + b + "\"}}"}}));
        CHECK(payload.status == 400);
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 0);
    // Whatever the replies said, nothing that is not UTF-8 reached the database.
    CHECK(f.total_rows() == rows);
    int status = 0;
    CHECK(f.healthz_latency(&status) < kPrompt);
    CHECK(status == 200);
}
