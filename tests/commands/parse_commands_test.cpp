// Every command parses to its spec with normalised arguments and options.
#include <catch2/catch.hpp>

#include "commands/command.hpp"

using namespace advocacy::commands;

namespace {

using Args = std::vector<std::string>;
using Options = std::map<std::string, std::string>;

ParsedCommand parsed(std::string_view text) {
    auto result = parse(text);
    INFO("input: " << text);
    if (const auto* failure = std::get_if<ParseError>(&result))
        FAIL("parse failed: " << error_code_name(failure->code) << " '" << failure->detail << "'");
    return std::get<ParsedCommand>(result);
}

void check(std::string_view text, const std::string& name, const Args& args, const Options& options = {}) {
    const ParsedCommand command = parsed(text);
    INFO("input: " << text);
    CHECK(command.name() == name);
    CHECK(command.spec == find_spec(name));
    CHECK(command.args == args);
    CHECK(command.options == options);
}

}  // namespace

TEST_CASE("campaign commands") {
    check(R"(campaign create "Spring launch" why="Our biggest release" audience=#marketing start=2026-03-01 )"
          R"(end=2026-03-31)",
          "campaign create", {"Spring launch"},
          {{"why", "Our biggest release"}, {"audience", "#marketing"}, {"start", "2026-03-01"}, {"end", "2026-03-31"}});
    check(R"(campaign create Launch why=short)", "campaign create", {"Launch"}, {{"why", "short"}});
    check("campaign list", "campaign list", {});
    check("campaign show 12", "campaign show", {"12"});
    check("campaign pause 007", "campaign pause", {"7"});
    check("campaign resume 3", "campaign resume", {"3"});
    check("campaign archive 9223372036854775807", "campaign archive", {"9223372036854775807"});
}

TEST_CASE("content commands") {
    check(R"(content add 4 https://example.com/blog/launch title="Launch day" why="It shows what we built" )"
          R"(text="We shipped!" summary="Short" linkedin="Long post" x="Tweet" facebook="FB post" on=2026-03-02 )"
          R"(expires=2026-04-01)",
          "content add", {"4", "https://example.com/blog/launch"},
          {{"title", "Launch day"},
           {"why", "It shows what we built"},
           {"text", "We shipped!"},
           {"summary", "Short"},
           {"linkedin", "Long post"},
           {"x", "Tweet"},
           {"facebook", "FB post"},
           {"on", "2026-03-02"},
           {"expires", "2026-04-01"}});
    check(R"(content add 4 <https://example.com/a?x=1&amp;y=2|example.com/a> title=T why=W text=X)", "content add",
          {"4", "https://example.com/a?x=1&y=2"}, {{"title", "T"}, {"why", "W"}, {"text", "X"}});
    check("content add 4 https://example.com/fr title=T why=W text=X lang=fr", "content add",
          {"4", "https://example.com/fr"}, {{"title", "T"}, {"why", "W"}, {"text", "X"}, {"lang", "fr"}});
    check("content add 4 https://example.com/en lang=EN title=T why=W text=X", "content add",
          {"4", "https://example.com/en"}, {{"title", "T"}, {"why", "W"}, {"text", "X"}, {"lang", "en"}});
    check("content list 4", "content list", {"4"});
    check("content remove 8", "content remove", {"8"});
    check("content pending", "content pending", {});
    check("content approve 8", "content approve", {"8"});
    check("content reject 8", "content reject", {"8"});
}

TEST_CASE("push: an optional content id and an optional to=me, alone or together") {
    check("push", "push", {});
    check("push 5", "push", {"5"});
    check("push to=me", "push", {}, {{"to", "me"}});
    check("push 5 to=ME", "push", {"5"}, {{"to", "me"}});
    check("push to=me 5", "push", {"5"}, {{"to", "me"}});
}

TEST_CASE("schedule normalises times, zones, days and the leaderboard slot") {
    check("schedule", "schedule", {});
    check(R"(schedule daily=9:30 tz=Europe/Paris days=Mon-Fri leaderboard="Friday 4:00")", "schedule", {},
          {{"daily", "09:30"}, {"tz", "Europe/Paris"}, {"days", "mon-fri"}, {"leaderboard", "fri 04:00"}});
    check(R"(schedule days=mon,wed,fri leaderboard="fri   16:00")", "schedule", {},
          {{"days", "mon,wed,fri"}, {"leaderboard", "fri 16:00"}});
    check("schedule tz=UTC", "schedule", {}, {{"tz", "UTC"}});
}

TEST_CASE("leaderboard (everyone) and leaderboard post (admin) are two commands") {
    check("leaderboard", "leaderboard", {});
    check("leaderboard post", "leaderboard post", {});
    check("Leaderboard POST", "leaderboard post", {});
}

TEST_CASE("stats: an optional id and an optional period, in either order") {
    check("stats", "stats", {});
    check("stats 3", "stats", {"3"});
    check("stats week", "stats", {"", "week"});
    check("stats 3 month", "stats", {"3", "month"});
    check("stats MONTH 3", "stats", {"3", "month"});
    check("stats all", "stats", {"", "all"});

    const ParsedCommand command = parsed("stats week");
    CHECK_FALSE(command.arg(0));
    CHECK(command.arg(1) == "week");
    CHECK_FALSE(command.arg(2));
}

TEST_CASE("admins and groups take user mentions in any of their forms") {
    check("admins add @U123", "admins add", {"U123"});
    check("admins add <@U123>", "admins add", {"U123"});
    check("admins add <@U123|ann.lee>", "admins add", {"U123"});
    check("admins remove <@29:1aB-c_D>", "admins remove", {"29:1aB-c_D"});
    check("admins list", "admins list", {});
    check("group set <@U9|bob> Sales", "group set", {"U9", "Sales"});
}

TEST_CASE("everyone's commands") {
    check("help", "help", {});
    check("help campaign", "help", {"campaign"});
    check("help Forget-Me", "help", {"forget-me"});
    check("why", "why", {});
    check("why 42", "why", {"42"});
    check("me", "me", {});
    check("pause", "pause", {});
    check("pause 14", "pause", {"14"});
    check("resume", "resume", {});
    check("frequency weekly", "frequency", {"weekly"});
    check("frequency Daily", "frequency", {"daily"});
    check("optout", "optout", {});
    check("optin", "optin", {});
    check("tips", "tips", {});
    check("forget-me", "forget-me", {});
    check("suggest https://example.com/post", "suggest", {"https://example.com/post"});
    check(R"(suggest <https://example.com/post> why="Customers love it")", "suggest", {"https://example.com/post"},
          {{"why", "Customers love it"}});
    check(R"(suggest https://example.com/fr why="Pour nos clients" lang=fr)", "suggest", {"https://example.com/fr"},
          {{"why", "Pour nos clients"}, {"lang", "fr"}});
    check("suggest lang=En https://example.com/en", "suggest", {"https://example.com/en"}, {{"lang", "en"}});
}

TEST_CASE("command words are case-insensitive; spacing and smart quotes do not matter") {
    check("Campaign LIST", "campaign list", {});
    check("  CONTENT   Pending  ", "content pending", {});
    check("campaign create \u201CSpring launch\u201D why=\u201DBecause it matters\u201D", "campaign create",
          {"Spring launch"}, {{"why", "Because it matters"}});
}

TEST_CASE("ParsedCommand::option and arg") {
    const ParsedCommand command = parsed(R"(campaign create "X" why=y)");
    CHECK(command.option("why") == "y");
    CHECK_FALSE(command.option("audience"));
    CHECK(command.arg(0) == "X");
    CHECK_FALSE(command.arg(1));
}
