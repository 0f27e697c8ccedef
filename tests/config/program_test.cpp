// [program] and [program.points]: each bad value gets its own positioned message.
#include <catch2/catch.hpp>

#include "config/values.hpp"
#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using Lines = std::vector<std::string>;

TEST_CASE("program values are read and converted", "[config][program]") {
    const auto result = load_config_text(
        "[program]\n"
        "default_locale = \"fr\"\n"
        "time_zone = \"America/New_York\"\n"
        "push_time = \"7:45\"\n"
        "working_days = \"sun-thu\"\n"
        "stagger_window_minutes = 0\n"
        "leaderboard = \"thursday 17:30\"\n"
        "leaderboard_size = 50\n"
        "disclosure_suffix = \"#salarié\"\n"
        "[program.points]\n"
        "shared = 5\n"
        "post_click = 2\n"
        "post_click_cap_per_item = 0\n"
        "why = 0\n"
        "skip = 0\n",
        "ok.toml", fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    const auto& p = result.config->program;
    CHECK(p.default_locale == "fr");
    CHECK(p.time_zone == "America/New_York");
    CHECK(p.push_time == std::chrono::minutes{7 * 60 + 45});
    CHECK(format_weekday_set(p.working_days) == "sun-thu");
    CHECK(p.stagger_window == std::chrono::minutes{0});
    CHECK(p.leaderboard_weekday == 4U);
    CHECK(p.leaderboard_time == std::chrono::minutes{17 * 60 + 30});
    CHECK(p.leaderboard_size == 50);
    CHECK(p.disclosure_suffix == "#salarié");
    CHECK(p.points.shared == 5);
    CHECK(p.points.post_click == 2);
    CHECK(p.points.post_click_cap_per_item == 0);
}

TEST_CASE("a time of day out of range", "[config][program]") {
    CHECK(problems("# schedule\n"
                   "\n"
                   "[program]\n"
                   "push_time = \"25:00\"\n") ==
          Lines{"bad.toml:4:13: push_time: \"25:00\" is not a time of day (expected HH:MM, 00:00-23:59)"});
    CHECK(problems("[program]\npush_time = \"24:00\"\n") ==
          Lines{"bad.toml:2:13: push_time: \"24:00\" is not a time of day (expected HH:MM, 00:00-23:59)"});
}

TEST_CASE("an unquoted TOML time gets a hint", "[config][program]") {
    CHECK(problems("[program]\npush_time = 09:00:00\n") ==
          Lines{"bad.toml:2:13: push_time: expected a string, got a time (write it in quotes: \"09:00\")"});
}

TEST_CASE("an unknown time zone", "[config][program]") {
    CHECK(problems("[program]\ntime_zone = \"Europe/Pariss\"\n") ==
          Lines{"bad.toml:2:13: time_zone: \"Europe/Pariss\" is not a known time zone (expected an IANA name such as "
                "\"Europe/Paris\")"});
}

TEST_CASE("a bad weekday set", "[config][program]") {
    CHECK(problems("[program]\nworking_days = \"mon-fro\"\n") ==
          Lines{"bad.toml:2:16: working_days: \"mon-fro\" is not a set of weekdays (expected e.g. \"mon-fri\" or "
                "\"mon,wed,fri\")"});
}

TEST_CASE("a bad leaderboard slot", "[config][program]") {
    CHECK(problems("[program]\nleaderboard = \"friday\"\n") ==
          Lines{"bad.toml:2:15: leaderboard: \"friday\" is not a weekday and time (expected e.g. \"fri 16:00\")"});
}

TEST_CASE("an unknown locale", "[config][program]") {
    CHECK(problems("[program]\ndefault_locale = \"de\"\n") ==
          Lines{"bad.toml:2:18: default_locale: \"de\" is not a supported locale (expected \"en\" or \"fr\")"});
}

TEST_CASE("leaderboard_size must be 1 to 50", "[config][program]") {
    CHECK(problems("[program]\nleaderboard_size = 0\n") ==
          Lines{"bad.toml:2:20: leaderboard_size: 0 is out of range (1-50)"});
    CHECK(problems("[program]\nleaderboard_size = 51\n") ==
          Lines{"bad.toml:2:20: leaderboard_size: 51 is out of range (1-50)"});
}

TEST_CASE("the stagger window is bounded", "[config][program]") {
    CHECK(problems("[program]\nstagger_window_minutes = -1\n") ==
          Lines{"bad.toml:2:26: stagger_window_minutes: -1 is out of range (0-720)"});
    CHECK(problems("[program]\nstagger_window_minutes = 721\n") ==
          Lines{"bad.toml:2:26: stagger_window_minutes: 721 is out of range (0-720)"});
}

TEST_CASE("a duration without its unit suggests the key with the unit", "[config][program]") {
    CHECK(
        problems("[program]\nstagger_window = 30\n") ==
        Lines{"bad.toml:2:1: unknown key \"stagger_window\" in [program] (did you mean \"stagger_window_minutes\"?)"});
}

TEST_CASE("the disclosure suffix is one short line", "[config][program]") {
    CHECK(problems("[program]\ndisclosure_suffix = \"a\\nb\"\n") ==
          Lines{"bad.toml:2:21: disclosure_suffix: must be a single line"});
    CHECK(problems("[program]\ndisclosure_suffix = \"" + std::string(101, 'x') + "\"\n") ==
          Lines{"bad.toml:2:21: disclosure_suffix: is 101 characters long (at most 100)"});
}

TEST_CASE("negative points", "[config][program]") {
    CHECK(problems("[program.points]\nshared = -5\n") ==
          Lines{"bad.toml:2:10: shared: -5 is negative (points must be 0 or more)"});
    CHECK(problems("[program.points]\npost_click_cap_per_item = 10001\n") ==
          Lines{"bad.toml:2:27: post_click_cap_per_item: 10001 is too large (at most 10000)"});
}

TEST_CASE("points given as a float are a type error", "[config][program]") {
    CHECK(problems("[program.points]\nshared = 1.5\n") ==
          Lines{"bad.toml:2:10: shared: expected an integer, got a float"});
}

TEST_CASE("points written as a plain key of [program] are a type error", "[config][program]") {
    CHECK(problems("[program]\npoints = 10\n") ==
          Lines{"bad.toml:2:10: points: expected a table ([program.points]), got an integer"});
}
