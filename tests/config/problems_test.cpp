// How problems are reported: all of them, in file order, with positions; typos get a suggestion.
#include <catch2/catch.hpp>

#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using Lines = std::vector<std::string>;

TEST_CASE("unknown keys suggest the key that was meant", "[config][problems]") {
    CHECK(problems("[program]\npush_tme = \"09:00\"\n") ==
          Lines{"bad.toml:2:1: unknown key \"push_tme\" in [program] (did you mean \"push_time\"?)"});
    CHECK(problems("[server]\n  prot = 8080\n") ==
          Lines{"bad.toml:2:3: unknown key \"prot\" in [server] (did you mean \"port\"?)"});
    CHECK(problems("[slack]\nSlash-Command = \"/x\"\n") ==
          Lines{"bad.toml:2:1: unknown key \"Slash-Command\" in [slack] (did you mean \"slash_command\"?)"});
    CHECK(problems("[program.points]\nclicks = 1\n") ==
          Lines{"bad.toml:2:1: unknown key \"clicks\" in [program.points]"});
}

TEST_CASE("unknown sections, with a suggestion when it is a typo", "[config][problems]") {
    CHECK(problems("[slak]\nenabled = true\n") ==
          Lines{"bad.toml:1:2: unknown section [slak] (did you mean [slack]?)"});
    CHECK(problems("[program.pionts]\nshared = 1\n") ==
          Lines{"bad.toml:1:10: unknown section [program.pionts] (did you mean [program.points]?)"});
    CHECK(problems("[database]\npath = \"x\"\n") == Lines{"bad.toml:1:2: unknown section [database]"});
}

TEST_CASE("keys outside any section", "[config][problems]") {
    CHECK(problems("port = 8080\n") ==
          Lines{"bad.toml:1:1: unknown key \"port\" at the top level (keys belong in a section such as [server] or "
                "[program])"});
}

TEST_CASE("a section of the wrong type", "[config][problems]") {
    CHECK(problems("slack = true\n") == Lines{"bad.toml:1:9: slack: expected a table ([slack]), got a boolean"});
    CHECK(problems("[[teams]]\nenabled = true\n") ==
          Lines{"bad.toml:1:1: teams: expected a table ([teams]), got an array"});
}

TEST_CASE("every problem is reported, in file order", "[config][problems]") {
    const std::string text =
        "[server]\n"                       // 1
        "port = 70000\n"                   // 2
        "public_base_url = \"ftp://x\"\n"  // 3
        "\n"                               // 4
        "[program]\n"                      // 5
        "push_time = \"9h\"\n"             // 6
        "time_zone = \"Paris\"\n"          // 7
        "leaderboard_size = 100\n"         // 8
        "[program.points]\n"               // 9
        "why = -1\n"                       // 10
        "[slack]\n"                        // 11
        "enabled = true\n"                 // 12
        "mdoe = \"http\"\n"                // 13
        "[admins]\n"                       // 14
        "slack = \"U1\"\n";                // 15
    CHECK(problems(text, fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}})) ==
          Lines{
              "bad.toml:2:8: port: 70000 is out of range (1-65535)",
              "bad.toml:3:19: public_base_url: \"ftp://x\" is not an http or https URL with a host",
              "bad.toml:6:13: push_time: \"9h\" is not a time of day (expected HH:MM, 00:00-23:59)",
              "bad.toml:7:13: time_zone: \"Paris\" is not a known time zone (expected an IANA name such as "
              "\"Europe/Paris\")",
              "bad.toml:8:20: leaderboard_size: 100 is out of range (1-50)",
              "bad.toml:10:7: why: -1 is negative (points must be 0 or more)",
              "bad.toml:11:1: signing_secret: environment variable SLACK_SIGNING_SECRET is not set (the default; name "
              "another with signing_secret_env or a file with signing_secret_file)",
              "bad.toml:13:1: unknown key \"mdoe\" in [slack] (did you mean \"mode\"?)",
              "bad.toml:15:9: slack: expected an array of strings, got a string",
          });
}

TEST_CASE("TOML syntax errors are reported with their position", "[config][problems]") {
    CHECK(problems("[program]\npush_time = 09:00\n") ==
          Lines{"bad.toml:2:18: TOML syntax error in time: expected ':', saw '\\n'"});
    CHECK(problems("[server]\nport = 8080\nport = 8081\n") ==
          Lines{"bad.toml:3:8: TOML syntax error in key-value pair: cannot redefine existing integer 'port'"});
    const auto result = load_config_text("[slack\n", "bad.toml", fake_env({}));
    CHECK_FALSE(result.config);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].line == 1);
    CHECK(result.diagnostics[0].message.rfind("TOML syntax error", 0) == 0);
}

TEST_CASE("Diagnostic::str", "[config][problems]") {
    CHECK(Diagnostic{"a.toml", 3, 7, "oops"}.str() == "a.toml:3:7: oops");
    CHECK(Diagnostic{"a.toml", 3, 0, "oops"}.str() == "a.toml:3: oops");
    CHECK(Diagnostic{"a.toml", 0, 0, "oops"}.str() == "a.toml: oops");
}
