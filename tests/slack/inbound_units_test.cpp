// Small parts of the inbound path: form decoding, the event-id dedupe cache, response_url trust.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "adapters/slack/event_dedupe.hpp"
#include "adapters/slack/form.hpp"
#include "adapters/slack/inbound/inbound.hpp"
#include "adapters/slack/outbox.hpp"
#include "adapters/slack/user_directory.hpp"

#include <boost/json.hpp>

using namespace advocacy;
using namespace advocacy::slack;

TEST_CASE("form bodies decode '+' and percent escapes, invalid forms are rejected") {
    const auto f = parse_form("command=%2Fadvocacy&text=campaign+create+%22Spring+launch%22&user_id=U1");
    REQUIRE(f);
    CHECK(field(*f, "command") == "/advocacy");
    CHECK(field(*f, "text") == "campaign create \"Spring launch\"");
    CHECK(field(*f, "user_id") == "U1");
    CHECK(field(*f, "absent").empty());
    CHECK(parse_form("a=1&a=2").value().at("a") == "1");
    CHECK(parse_form("")->empty());
    CHECK(!parse_form("text=%ZZ"));
    CHECK(!parse_form("=x"));
    CHECK(!parse_form("a b=1"));
}

TEST_CASE("the payload= fast path decodes exactly what the full form parse accepts, and nothing else") {
    // sole_field must agree with parse_form wherever it answers; where it declines, parse_form decides.
    const std::vector<std::string> bodies{
        "payload=%7B%22type%22%3A%22block_actions%22%7D",
        "payload=a+b%20c",
        "payload=caf%C3%A9",
        "payload=x=y:@/?!$'()*,;~-._",
        "payload=",
        "payload=%ZZ",       // bad escape
        "payload=%4",        // truncated escape
        "payload=%C3%28",    // not UTF-8
        "payload=%ED%A0%80", // a surrogate
        "payload=a b",       // a raw space
        "payload=a#b",
        "payload=a[b]",
        "payload=1&token=x", // a second field: the full parse
        "payloads=1",
        "payload",
        "command=%2Fadvocacy",
    };
    for (const auto& body : bodies) {
        INFO(body);
        const auto fast = sole_field(body, "payload");
        const auto full = parse_form(body);
        if (fast) {
            REQUIRE(full);
            CHECK(full->size() == 1);
            CHECK(field(*full, "payload") == *fast);
        }
    }
    CHECK(sole_field("payload=a+b%20c", "payload") == std::optional<std::string>("a b c"));
    CHECK(sole_field("payload=caf%C3%A9", "payload") == std::optional<std::string>("caf\xC3\xA9"));
    CHECK(!sole_field("payload=%ZZ", "payload"));
    CHECK(!sole_field("payload=%C3%28", "payload"));
    CHECK(!sole_field("payload=1&token=x", "payload"));
    CHECK(!sole_field("payloads=1", "payload"));
}

TEST_CASE("a form body is read from its view only, not up to a NUL (fuzz_slack_form)") {
    // Boost.URL measured the query with strlen: a view into a longer buffer was read past its end, and an empty
    // view without data crashed.
    const std::string buffer = "text=hi+there&user_id=U1";
    const auto prefix = parse_form(std::string_view(buffer).substr(0, 7));
    REQUIRE(prefix);
    CHECK(*prefix == FormFields{{"text", "hi"}});
    CHECK(parse_form(std::string_view(buffer).substr(0, 5)).value().at("text").empty());
    CHECK(parse_form(std::string_view{})->empty());
}

TEST_CASE("event ids are handled once within the TTL, the cache is bounded") {
    ManualClock clock(std::chrono::sys_seconds{std::chrono::seconds{1'700'000'000}});
    EventDedupe d(clock, 3, std::chrono::minutes(30));
    CHECK(d.first_time("Ev1"));
    CHECK(!d.first_time("Ev1"));
    CHECK(d.first_time("Ev2"));
    CHECK(d.first_time("Ev3"));
    CHECK(d.first_time("Ev4"));  // evicts Ev1, the oldest
    CHECK(d.size() == 3);
    CHECK(d.first_time("Ev1"));
    clock.advance(std::chrono::minutes(29));
    CHECK(!d.first_time("Ev4"));
    clock.advance(std::chrono::minutes(2));
    CHECK(d.first_time("Ev4"));  // expired
    d.forget("Ev4");
    CHECK(d.first_time("Ev4"));
}

TEST_CASE("response_url is trusted only on Slack's hooks host or the configured API origin") {
    using inbound::trusted_response_url;
    const std::string api = "https://slack.com/api";
    CHECK(trusted_response_url("https://hooks.slack.com/actions/T1/2/abc", api) == "https://hooks.slack.com/actions/T1/2/abc");
    CHECK(trusted_response_url("https://hooks.slack-gov.com/actions/T1/2/abc", api) != "");
    CHECK(trusted_response_url("http://hooks.slack.com/actions/T1/2/abc", api).empty());
    CHECK(trusted_response_url("https://hooks.slack.com.evil.example/x", api).empty());
    CHECK(trusted_response_url("https://evil.example/hooks.slack.com", api).empty());
    CHECK(trusted_response_url("https://hooks.slack.com:8443/x", api).empty());
    CHECK(trusted_response_url("not a url", api).empty());
    CHECK(trusted_response_url("", api).empty());
    CHECK(trusted_response_url("http://127.0.0.1:5555/response/1", "http://127.0.0.1:5555/api") != "");
    CHECK(trusted_response_url("http://127.0.0.1:5556/response/1", "http://127.0.0.1:5555/api").empty());
}

TEST_CASE("message references are <channel>:<ts>") {
    const auto r = parse_message_ref("D123:1712345678.000100");
    REQUIRE(r);
    CHECK(r->channel == "D123");
    CHECK(r->ts == "1712345678.000100");
    CHECK(r->str() == "D123:1712345678.000100");
    CHECK(!parse_message_ref("nocolon"));
    CHECK(!parse_message_ref(":1.2"));
    CHECK(!parse_message_ref("C1:"));
    CHECK(is_user_id("U123"));
    CHECK(is_user_id("W123"));
    CHECK(!is_user_id("D123"));
    CHECK(!is_user_id("C123"));
}

TEST_CASE("users.info replies give the display name, locale and time zone") {
    const auto p = profile_from(boost::json::parse(
        R"({"ok":true,"user":{"id":"U1","real_name":"Ann Real","tz":"Europe/Paris","locale":"fr-FR","profile":{"display_name":"","real_name":"Ann R"}}})").as_object());
    REQUIRE(p);
    CHECK(p->display_name == "Ann R");
    CHECK(p->locale == "fr-FR");
    CHECK(p->time_zone == "Europe/Paris");
    CHECK(!profile_from(boost::json::parse(R"({"ok":true})").as_object()));
}
