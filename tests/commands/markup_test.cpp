// Slack markup (mentions, channels, links, entities) and value normalisation as seen through parse().
#include <catch2/catch.hpp>

#include "commands/command.hpp"

using namespace advocacy::commands;

namespace {

// The value `text` normalises to as the only option of a command, or nullopt when it is refused.
std::optional<std::string> option_value(const std::string& command, const std::string& key, const std::string& text) {
    auto result = parse(command + " " + key + "=" + text);
    if (const auto* failure = std::get_if<ParseError>(&result)) {
        INFO("input: " << text << " error " << error_code_name(failure->code) << " " << failure->detail);
        CHECK(failure->code == ErrorCode::bad_value);
        return std::nullopt;
    }
    return std::get<ParsedCommand>(result).option(key);
}

std::optional<std::string> first_arg(const std::string& text) {
    auto result = parse(text);
    if (std::holds_alternative<ParseError>(result)) return std::nullopt;
    return std::get<ParsedCommand>(result).arg(0);
}

std::optional<std::string> audience(const std::string& text) {
    return option_value("campaign create A why=x", "audience", text);
}

std::optional<std::string> text_option(const std::string& text) {
    return option_value("content add 1 https://x.y title=t why=w", "text", text);
}

}  // namespace

TEST_CASE("user mentions normalise to the bare id") {
    CHECK(first_arg("admins add @U123") == "U123");
    CHECK(first_arg("admins add <@U123>") == "U123");
    CHECK(first_arg("admins add <@U123|ann>") == "U123");
    CHECK(first_arg("admins add <@W0ABC|Ann Lee>") == "W0ABC");  // a label with a space stays one token
    CHECK(first_arg("admins add @alice") == "alice");             // playground ids
    CHECK_FALSE(first_arg("admins add @"));
    CHECK_FALSE(first_arg("admins add <@>"));
    CHECK_FALSE(first_arg("admins add <@|ann>"));
    CHECK_FALSE(first_arg("admins add @a@b"));
    CHECK_FALSE(first_arg("admins add <!here>"));
    CHECK_FALSE(first_arg("admins add <https://x.y>"));
}

TEST_CASE("audiences: all, #channel (Slack <#C|name> unwrapped), group:NAME") {
    CHECK(audience("all") == "all");
    CHECK(audience("ALL") == "all");
    CHECK(audience("#marketing") == "#marketing");
    CHECK(audience("<#C123|marketing>") == "#marketing");
    CHECK(audience("<#C123|>") == "#C123");
    CHECK(audience("<#C123>") == "#C123");
    CHECK(audience("group:Sales") == "group:Sales");
    CHECK(audience("Group:Sales") == "group:Sales");
    CHECK(audience("\"group:Sales EMEA\"") == std::nullopt);
    CHECK_FALSE(audience("<@U1>"));
    CHECK_FALSE(audience("everyone"));
    CHECK_FALSE(audience("group:"));
}

TEST_CASE("URLs: http and https only, Slack's <url> and <url|label> unwrapped, &amp; decoded") {
    const auto url = [](const std::string& text) { return first_arg("suggest " + text); };
    CHECK(url("https://example.com/a?b=1#c") == "https://example.com/a?b=1#c");
    CHECK(url("http://example.com") == "http://example.com");
    CHECK(url("<https://example.com/a>") == "https://example.com/a");
    CHECK(url("<http://example.com|example.com>") == "http://example.com");
    CHECK(url("<https://example.com/a?x=1&amp;y=2|our launch post>") == "https://example.com/a?x=1&y=2");
    CHECK_FALSE(url("ftp://example.com/file"));
    CHECK_FALSE(url("javascript:alert(1)"));
    CHECK_FALSE(url("<mailto:a@b.c|a@b.c>"));
    CHECK_FALSE(url("example.com"));
    CHECK_FALSE(url("https://"));
}

TEST_CASE("free text: Slack link markup turns back into what was typed; spaces trimmed") {
    CHECK(text_option("\"Read <https://x.y/post> now\"") == "Read https://x.y/post now");
    CHECK(text_option("\"See <http://x.y|x.y> today\"") == "See x.y today");
    CHECK(text_option("\"Ask in <#C1|general>\"") == "Ask in #general");
    CHECK(text_option("\"Thanks <@U1>!\"") == "Thanks <@U1>!");
    CHECK(text_option("\"a < b > c\"") == "a < b > c");
    CHECK(text_option("\"  padded \"") == "padded");
    CHECK(text_option("\"two\nlines\"") == "two\nlines");
    CHECK(text_option("<https://x.y|our post>") == "our post");
    CHECK(text_option("\"\u00C9t\u00E9 \u2014 \U0001F680\"") == "\u00C9t\u00E9 \u2014 \U0001F680");
}

TEST_CASE("Slack-escaped text: & < > typed by the user are decoded once, after links and mentions are read") {
    const auto slack = [](const std::string& text) -> std::optional<std::string> {
        auto result = parse("content add 1 https://x.y title=t why=w text=" + text, Markup::slack);
        if (std::holds_alternative<ParseError>(result)) return std::nullopt;
        return std::get<ParsedCommand>(result).option("text");
    };
    CHECK(slack("\"R&amp;D &lt;3 &gt;_&lt;\"") == "R&D <3 >_<");
    CHECK(slack("\"typed &amp;amp; literally\"") == "typed &amp; literally");
    CHECK(slack("\"See <https://x.y/?a=1&amp;b=2|Q&amp;A> now &amp; then\"") == "See Q&A now & then");
    CHECK(slack("\"Ask <#C1|r&amp;d> or <@U1>\"") == "Ask #r&d or <@U1>");
    // A typed "<https://evil.example|x>" arrives as entities: decoded to text, never read as a link.
    CHECK(slack("\"&lt;https://evil.example|x&gt;\"") == "<https://evil.example|x>");
    // Without Slack markup the same bytes are what the user typed (Teams, the playground).
    CHECK(text_option("\"R&amp;D\"") == "R&amp;D");

    const auto slack_arg = [](const std::string& text) -> std::optional<std::string> {
        auto result = parse(text, Markup::slack);
        if (std::holds_alternative<ParseError>(result)) return std::nullopt;
        return std::get<ParsedCommand>(result).arg(0);
    };
    CHECK(slack_arg("suggest https://x.y/?a=1&amp;b=2") == "https://x.y/?a=1&b=2");
    CHECK(slack_arg("suggest <https://x.y/?a=1&amp;b=2>") == "https://x.y/?a=1&b=2");
    CHECK(slack_arg("admins add <@U123|ann>") == "U123");
    CHECK(slack_arg("campaign show 0042") == "42");
    CHECK_FALSE(slack_arg("admins add &lt;@&gt;"));
}

TEST_CASE("dates must be real calendar dates") {
    const auto date = [](const std::string& text) { return option_value("campaign create A why=x", "start", text); };
    CHECK(date("2026-03-01") == "2026-03-01");
    CHECK(date("2028-02-29") == "2028-02-29");
    CHECK_FALSE(date("2026-02-29"));
    CHECK_FALSE(date("2026-13-01"));
    CHECK_FALSE(date("2026-3-1x"));
    CHECK_FALSE(date("tomorrow"));
}

TEST_CASE("times, weekdays, weekday_time and zones use the config grammars") {
    const auto schedule = [](const std::string& key, const std::string& text) {
        return option_value("schedule", key, text);
    };
    CHECK(schedule("daily", "9:30") == "09:30");
    CHECK(schedule("daily", "00:00") == "00:00");
    CHECK_FALSE(schedule("daily", "9"));
    CHECK(schedule("days", "MON,wed,Fri") == "mon,wed,fri");
    CHECK(schedule("days", "sat,sun") == "sat,sun");
    CHECK(schedule("days", "FRI-MON") == "fri-mon");
    CHECK_FALSE(schedule("days", "mon-"));
    CHECK(schedule("leaderboard", "\"fri 16:00\"") == "fri 16:00");
    CHECK(schedule("leaderboard", "\u201Cthursday 9:05\u201D") == "thu 09:05");
    CHECK_FALSE(schedule("leaderboard", "\"fri 16:00 extra\""));
    CHECK(schedule("tz", "America/New_York") == "America/New_York");
    CHECK_FALSE(schedule("tz", "Nowhere/City"));
}

TEST_CASE("ids and counts drop leading zeros and refuse signs, spaces and overflow") {
    CHECK(first_arg("why 0042") == "42");
    CHECK_FALSE(first_arg("why +4"));
    CHECK_FALSE(first_arg("why \" 4\""));
    CHECK_FALSE(first_arg("why 99999999999999999999"));
    CHECK(first_arg("pause 3650") == "3650");
    CHECK(first_arg("pause 01") == "1");
}
