// The command table: every command of the issue, in help order, with the usage line the issue gives.
#include <catch2/catch.hpp>

#include "commands/command.hpp"

using namespace advocacy::commands;

TEST_CASE("the table lists every command in help order with its usage line") {
    const std::vector<std::pair<std::string, std::string>> expected{
        {"campaign create",
         R"(campaign create "NAME" why="..." [audience=all|#channel|group:NAME] [start=YYYY-MM-DD] [end=YYYY-MM-DD])"},
        {"campaign list", "campaign list"},
        {"campaign show", "campaign show ID"},
        {"campaign pause", "campaign pause ID"},
        {"campaign resume", "campaign resume ID"},
        {"campaign archive", "campaign archive ID"},
        {"content add",
         R"(content add CAMPAIGN_ID URL title="..." why="..." text="..." [summary="..."] [linkedin="..."] [x="..."] )"
         R"([facebook="..."] [on=YYYY-MM-DD] [expires=YYYY-MM-DD] [lang=en|fr])"},
        {"content list", "content list CAMPAIGN_ID"},
        {"content remove", "content remove ID"},
        {"content pending", "content pending"},
        {"content approve", "content approve ID"},
        {"content reject", "content reject ID"},
        {"push", "push [CONTENT_ID] [to=me]"},
        {"schedule", R"(schedule [daily=HH:MM] [tz=Area/City] [days=mon-fri] [leaderboard="fri 16:00"])"},
        {"leaderboard post", "leaderboard post"},
        {"stats", "stats [CAMPAIGN_ID] [week|month|all]"},
        {"admins add", "admins add @user"},
        {"admins remove", "admins remove @user"},
        {"admins list", "admins list"},
        {"group set", "group set @user NAME"},
        {"dashboard", "dashboard"},
        {"help", "help [TOPIC]"},
        {"why", "why [CONTENT_ID]"},
        {"me", "me"},
        {"leaderboard", "leaderboard"},
        {"pause", "pause [DAYS]"},
        {"resume", "resume"},
        {"frequency", "frequency daily|weekly"},
        {"optout", "optout"},
        {"optin", "optin"},
        {"tips", "tips"},
        {"forget-me", "forget-me"},
        {"suggest", R"(suggest URL [why="..."] [lang=en|fr])"},
    };
    const auto& table = command_table();
    REQUIRE(table.size() == expected.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        CHECK(table[i].name == expected[i].first);
        CHECK(table[i].usage == expected[i].second);
    }
}

TEST_CASE("admin commands are the first twenty-one; everyone's follow") {
    const auto& table = command_table();
    for (std::size_t i = 0; i < table.size(); ++i) {
        INFO(table[i].name);
        CHECK(table[i].admin_only == (i < 21));
    }
    REQUIRE(find_spec("leaderboard") != nullptr);
    CHECK_FALSE(find_spec("leaderboard")->admin_only);
    CHECK(find_spec("leaderboard post")->admin_only);
}

TEST_CASE("find_spec finds a command by its name, case-insensitively") {
    REQUIRE(find_spec("campaign create") != nullptr);
    CHECK(find_spec("campaign create") == &command_table()[0]);
    CHECK(find_spec("Campaign LIST") == find_spec("campaign list"));
    CHECK(find_spec("campaign") == nullptr);
    CHECK(find_spec("") == nullptr);
    CHECK(find_spec("campaign  list") == nullptr);
}

TEST_CASE("help topics are the command words, once each, in help order") {
    const auto& topic = find_spec("help")->args.at(0);
    CHECK(topic.type == ValueType::choice);
    CHECK_FALSE(topic.required);
    CHECK(topic.choices == std::vector<std::string>{"campaign", "content", "push", "schedule", "leaderboard", "stats",
                                                    "admins", "group", "dashboard", "help", "why", "me", "pause", "resume",
                                                    "frequency", "optout", "optin", "tips", "forget-me", "suggest"});
}

TEST_CASE("only stats takes its arguments in any order") {
    for (const auto& spec : command_table()) {
        INFO(spec.name);
        CHECK(spec.args_any_order == (spec.name == "stats"));
    }
}

TEST_CASE("option keys are lower-case and unique per command") {
    for (const auto& spec : command_table()) {
        for (std::size_t i = 0; i < spec.options.size(); ++i) {
            INFO(spec.name << " " << spec.options[i].key);
            for (char c : spec.options[i].key) CHECK_FALSE((c >= 'A' && c <= 'Z'));
            for (std::size_t j = i + 1; j < spec.options.size(); ++j) CHECK(spec.options[i].key != spec.options[j].key);
        }
    }
}

TEST_CASE("error codes and value types have stable names") {
    CHECK(error_code_name(ErrorCode::bad_value) == "bad_value");
    CHECK(error_code_name(ErrorCode::too_long) == "too_long");
    CHECK(value_type_name(ValueType::weekday_time) == "weekday_time");
    CHECK(value_type_name(ValueType::choice) == "choice");
}
