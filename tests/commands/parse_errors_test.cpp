// Every malformed command gives a ParseError with its code, detail and (once the command is known) spec.
#include <catch2/catch.hpp>

#include "commands/command.hpp"

using namespace advocacy::commands;

namespace {

ParseError failure_of(std::string_view text) {
    auto result = parse(text);
    INFO("input: " << text);
    REQUIRE(std::holds_alternative<ParseError>(result));
    return std::get<ParseError>(result);
}

void check(std::string_view text, ErrorCode code, const std::string& detail, const char* spec_name) {
    const ParseError failure = failure_of(text);
    INFO("input: " << text);
    CHECK(error_code_name(failure.code) == error_code_name(code));
    CHECK(failure.detail == detail);
    if (spec_name) {
        CHECK(failure.spec == find_spec(spec_name));
        REQUIRE(failure.spec != nullptr);
    } else {
        CHECK(failure.spec == nullptr);
    }
}

void check_bad_value(std::string_view text, const std::string& detail, ValueType expected, const std::string& field,
                     const char* spec_name) {
    check(text, ErrorCode::bad_value, detail, spec_name);
    const ParseError failure = failure_of(text);
    INFO("input: " << text);
    CHECK(value_type_name(failure.expected) == value_type_name(expected));
    CHECK(failure.field == field);
}

}  // namespace

TEST_CASE("empty: nothing typed") {
    check("", ErrorCode::empty, "", nullptr);
    check("   \t\n\u00A0", ErrorCode::empty, "", nullptr);
}

TEST_CASE("unknown_command: the word typed, with close spellings as choices") {
    check("frobnicate", ErrorCode::unknown_command, "frobnicate", nullptr);
    CHECK(failure_of("frobnicate").choices.empty());
    check("campain list", ErrorCode::unknown_command, "campain", nullptr);
    CHECK(failure_of("campain list").choices == std::vector<std::string>{"campaign"});
    CHECK(failure_of("hlep").choices == std::vector<std::string>{"help"});
    CHECK(failure_of("opt-out").choices == std::vector<std::string>{"optout"});
    check("why=x", ErrorCode::unknown_command, "why=x", nullptr);
    check(R"("campaign list")", ErrorCode::unknown_command, "campaign list", nullptr);
}

TEST_CASE("unknown_command for a group word: the sub-commands as choices") {
    check("campaign", ErrorCode::unknown_command, "campaign", nullptr);
    CHECK(failure_of("campaign").choices ==
          std::vector<std::string>{"create", "list", "show", "pause", "resume", "archive"});
    check("Content frob 3", ErrorCode::unknown_command, "Content frob", nullptr);
    CHECK(failure_of("content frob").choices ==
          std::vector<std::string>{"add", "list", "remove", "pending", "approve", "reject"});
    check("admins why=1", ErrorCode::unknown_command, "admins", nullptr);
    CHECK(failure_of("group").choices == std::vector<std::string>{"set"});
}

TEST_CASE("unterminated_quote and bad_escape: the column, and the spec when the first words name a command") {
    check(R"(campaign create "Spring)", ErrorCode::unterminated_quote, "17", "campaign create");
    check(R"(campaign create "A" why="x\y")", ErrorCode::bad_escape, "27", "campaign create");
    check(R"(Leaderboard   POST "x)", ErrorCode::unterminated_quote, "20", "leaderboard post");
    check(R"(leaderboard "x)", ErrorCode::unterminated_quote, "13", "leaderboard");
    check(R"(campaign "x)", ErrorCode::unterminated_quote, "10", nullptr);
    check(R"(frob "x)", ErrorCode::unterminated_quote, "6", nullptr);
    check(R"(suggest\q)", ErrorCode::bad_escape, "8", nullptr);
    check(R"(")", ErrorCode::unterminated_quote, "1", nullptr);
    check(R"(\)", ErrorCode::bad_escape, "1", nullptr);
}

TEST_CASE("missing_argument: the argument's name") {
    check("campaign show", ErrorCode::missing_argument, "ID", "campaign show");
    check("campaign create why=x", ErrorCode::missing_argument, "NAME", "campaign create");
    check("content add 3 title=a why=b text=c", ErrorCode::missing_argument, "URL", "content add");
    check("admins add", ErrorCode::missing_argument, "@user", "admins add");
    check("group set @U1", ErrorCode::missing_argument, "NAME", "group set");
    check("frequency", ErrorCode::missing_argument, "daily|weekly", "frequency");
    check("suggest why=x", ErrorCode::missing_argument, "URL", "suggest");
}

TEST_CASE("unexpected_argument: the extra token") {
    check("campaign list now", ErrorCode::unexpected_argument, "now", "campaign list");
    check("campaign show 3 4", ErrorCode::unexpected_argument, "4", "campaign show");
    check(R"(me "hello there")", ErrorCode::unexpected_argument, "hello there", "me");
    check("leaderboard week", ErrorCode::unexpected_argument, "week", "leaderboard");
    check("stats 3 week month", ErrorCode::unexpected_argument, "month", "stats");
    check("stats 3 4", ErrorCode::unexpected_argument, "4", "stats");
    check("help campaign create", ErrorCode::unexpected_argument, "create", "help");
    check(R"(optout "")", ErrorCode::unexpected_argument, R"("")", "optout");
    check("campaign create A B why=x", ErrorCode::unexpected_argument, "B", "campaign create");
}

TEST_CASE("unknown_option: the key; keys are lower-case only") {
    check("campaign create A why=x colour=red", ErrorCode::unknown_option, "colour", "campaign create");
    check("campaign create A Why=x", ErrorCode::unknown_option, "Why", "campaign create");
    check("push to=me from=you", ErrorCode::unknown_option, "from", "push");
    check("me x=1", ErrorCode::unknown_option, "x", "me");
}

TEST_CASE("duplicate_option: the key") {
    check("campaign create A why=x why=y", ErrorCode::duplicate_option, "why", "campaign create");
    check("schedule tz=UTC daily=9:00 tz=UTC", ErrorCode::duplicate_option, "tz", "schedule");
}

TEST_CASE("missing_option: the first required key missing, in spec order") {
    check(R"(campaign create "Spring")", ErrorCode::missing_option, "why", "campaign create");
    check("content add 3 https://x.y/a why=b text=c", ErrorCode::missing_option, "title", "content add");
    check("content add 3 https://x.y/a title=a text=c", ErrorCode::missing_option, "why", "content add");
    check("content add 3 https://x.y/a title=a why=b", ErrorCode::missing_option, "text", "content add");
}

TEST_CASE("bad_value for arguments: the token, the expected type, the argument's name") {
    check_bad_value("campaign show abc", "abc", ValueType::id, "ID", "campaign show");
    check_bad_value("campaign show 0", "0", ValueType::id, "ID", "campaign show");
    check_bad_value("campaign show -3", "-3", ValueType::id, "ID", "campaign show");
    check_bad_value("campaign show 9223372036854775808", "9223372036854775808", ValueType::id, "ID", "campaign show");
    check_bad_value("content add 3 ftp://x.y/a title=a why=b text=c", "ftp://x.y/a", ValueType::url, "URL",
                    "content add");
    check_bad_value("content add 3 example.com title=a why=b text=c", "example.com", ValueType::url, "URL",
                    "content add");
    check_bad_value("admins add U123", "U123", ValueType::user, "@user", "admins add");
    check_bad_value("admins add <#C1|general>", "<#C1|general>", ValueType::user, "@user", "admins add");
    check_bad_value(R"(group set @U1 "Sales EMEA")", "Sales EMEA", ValueType::word, "NAME", "group set");
    check_bad_value("pause 0", "0", ValueType::count, "DAYS", "pause");
    check_bad_value("pause 3651", "3651", ValueType::count, "DAYS", "pause");
    check_bad_value("pause two", "two", ValueType::count, "DAYS", "pause");
    check_bad_value(R"(campaign create "" why=x)", R"("")", ValueType::text, "NAME", "campaign create");
    check_bad_value(R"(campaign create "   " why=x)", "   ", ValueType::text, "NAME", "campaign create");
    check_bad_value("stats foo", "foo", ValueType::id, "CAMPAIGN_ID", "stats");
}

TEST_CASE("bad_value for a choice or period lists the allowed words") {
    check_bad_value("frequency hourly", "hourly", ValueType::choice, "daily|weekly", "frequency");
    CHECK(failure_of("frequency hourly").choices == std::vector<std::string>{"daily", "weekly"});
    check_bad_value("help nothing", "nothing", ValueType::choice, "TOPIC", "help");
    CHECK(failure_of("help nothing").choices.front() == "campaign");
    check_bad_value("push to=you", "to=you", ValueType::choice, "to", "push");
    CHECK(failure_of("push to=you").choices == std::vector<std::string>{"me"});
    check_bad_value("content add 3 https://example.com/a title=a why=b text=c lang=de", "lang=de", ValueType::choice,
                    "lang", "content add");
    CHECK(failure_of("content add 3 https://example.com/a title=a why=b text=c lang=de").choices ==
          std::vector<std::string>{"en", "fr"});
    check_bad_value("suggest https://example.com/a lang=english", "lang=english", ValueType::choice, "lang",
                    "suggest");
    check_bad_value("suggest https://example.com/a lang=", "lang=", ValueType::choice, "lang", "suggest");
    check_bad_value("stats 3 year", "year", ValueType::period, "week|month|all", "stats");
    CHECK(failure_of("stats 3 year").choices == std::vector<std::string>{"week", "month", "all"});
}

TEST_CASE("bad_value for options: key=value, the expected type, the key") {
    check_bad_value("campaign create A why=x start=2026-02-30", "start=2026-02-30", ValueType::date, "start",
                    "campaign create");
    check_bad_value("campaign create A why=x end=01/03/2026", "end=01/03/2026", ValueType::date, "end",
                    "campaign create");
    check_bad_value("campaign create A why=x audience=everyone", "audience=everyone", ValueType::audience, "audience",
                    "campaign create");
    check_bad_value("campaign create A why=x audience=group:", "audience=group:", ValueType::audience, "audience",
                    "campaign create");
    check_bad_value("campaign create A why=x audience=#", "audience=#", ValueType::audience, "audience",
                    "campaign create");
    check_bad_value("campaign create A why=", "why=", ValueType::text, "why", "campaign create");
    check_bad_value("schedule daily=24:00", "daily=24:00", ValueType::time, "daily", "schedule");
    check_bad_value("schedule daily=9h30", "daily=9h30", ValueType::time, "daily", "schedule");
    check_bad_value("schedule tz=Mars/Olympus", "tz=Mars/Olympus", ValueType::time_zone, "tz", "schedule");
    check_bad_value("schedule days=mon-funday", "days=mon-funday", ValueType::weekdays, "days", "schedule");
    check_bad_value("schedule leaderboard=fri", "leaderboard=fri", ValueType::weekday_time, "leaderboard", "schedule");
    check_bad_value(R"(schedule leaderboard="16:00 fri")", "leaderboard=16:00 fri", ValueType::weekday_time,
                    "leaderboard", "schedule");
    check_bad_value("suggest https://x.y/a why=", "why=", ValueType::text, "why", "suggest");
}

TEST_CASE("an unquoted weekday_time is cut at the space: the day alone is a bad value") {
    check("schedule leaderboard=fri 16:00", ErrorCode::bad_value, "leaderboard=fri", "schedule");
}

TEST_CASE("too_long: the limit, and the spec when the first words name a command") {
    check("campaign list " + std::string(max_input_chars, 'x'), ErrorCode::too_long, std::to_string(max_input_chars),
          "campaign list");
    check(std::string(max_input_chars + 1, 'x'), ErrorCode::too_long, std::to_string(max_input_chars), nullptr);
}

TEST_CASE("errors are reported left to right") {
    // The first problem typed wins over a required option missing further on.
    check("content add abc https://x.y/a", ErrorCode::bad_value, "abc", "content add");
    check("campaign create A colour=red why=x why=y", ErrorCode::unknown_option, "colour", "campaign create");
    check("campaign show 3 x=1", ErrorCode::unknown_option, "x", "campaign show");
}
