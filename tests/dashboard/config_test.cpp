// [dashboard] in the configuration file: defaults, values, and `file:line: what is wrong`.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/config/support.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using Lines = std::vector<std::string>;

TEST_CASE("dashboard config: defaults", "[dashboard][config]") {
    const auto result = load_config_text("", "ok.toml", fake_env({}));
    REQUIRE(result.config);
    const DashboardConfig& d = result.config->dashboard;
    CHECK(d.enabled);
    CHECK(d.value_per_click == 0.0);
    CHECK(d.currency == "EUR");
    CHECK(d.session_lifetime == std::chrono::hours{8});
    CHECK(d.signing_key.empty());
}

TEST_CASE("dashboard config: values", "[dashboard][config]") {
    const std::string key(40, 'z');
    const auto result = load_config_text(
        "[dashboard]\nenabled = false\nvalue_per_click = 0.75\ncurrency = \"USD\"\nsession_hours = 24\n"
        "signing_key_env = \"DASH_KEY\"\n",
        "ok.toml", fake_env({{"DASH_KEY", key}}));
    INFO(messages(result).size());
    REQUIRE(result.config);
    const DashboardConfig& d = result.config->dashboard;
    CHECK_FALSE(d.enabled);
    CHECK(d.value_per_click == 0.75);
    CHECK(d.currency == "USD");
    CHECK(d.session_lifetime == std::chrono::hours{24});
    CHECK(d.signing_key.value() == key);
    CHECK(d.signing_key.source() == "env DASH_KEY");

    // An integer value per click is a number too; the key from a file.
    advocacy::testing::TempDir dir;
    std::ofstream(dir.file("key")) << std::string(32, 'f') << "\n";
    const auto from_file = load_config_text("[dashboard]\nvalue_per_click = 2\nsigning_key_file = \"" +
                                                dir.file("key").string() + "\"\n",
                                            "ok.toml", fake_env({}));
    REQUIRE(from_file.config);
    CHECK(from_file.config->dashboard.value_per_click == 2.0);
    CHECK(from_file.config->dashboard.signing_key.value() == std::string(32, 'f'));
}

TEST_CASE("dashboard config: bad values are reported at their line", "[dashboard][config]") {
    CHECK(problems("[dashboard]\nvalue_per_click = -1\n") ==
          Lines{"bad.toml:2:19: value_per_click: must be a number from 0 to 1000000 (the value of one click, e.g. 0.75)"});
    CHECK(problems("[dashboard]\nvalue_per_click = \"1\"\n") ==
          Lines{"bad.toml:2:19: value_per_click: expected a number, such as 0.75"});
    CHECK(problems("[dashboard]\ncurrency = \"eur\"\n") ==
          Lines{"bad.toml:2:12: currency: \"eur\" is not a currency code (expected three capital letters, e.g. \"EUR\")"});
    CHECK(problems("[dashboard]\nsession_hours = 0\n") == Lines{"bad.toml:2:17: session_hours: 0 is out of range (1-720)"});
    CHECK(problems("[dashboard]\nsession_hours = 721\n") ==
          Lines{"bad.toml:2:17: session_hours: 721 is out of range (1-720)"});
    CHECK(problems("[dashboard]\nenabled = \"yes\"\n").size() == 1U);
    CHECK(problems("[dashboard]\nsigning_key = \"secret\"\n").size() == 1U);  // secrets never in the file
    CHECK(problems("[dashboard]\nsesion_hours = 2\n").size() == 1U);          // unknown key
}

TEST_CASE("dashboard config: a named signing key must exist and be at least 32 bytes", "[dashboard][config]") {
    const auto short_key = problems("[dashboard]\nsigning_key_env = \"DASH_KEY\"\n", fake_env({{"DASH_KEY", "short"}}));
    REQUIRE(short_key.size() == 1U);
    CHECK(short_key[0].rfind("bad.toml:2:", 0) == 0);
    CHECK(short_key[0].find("is 5 bytes long (at least 32") != std::string::npos);
    CHECK(short_key[0].find("short\"") == std::string::npos);  // never the value

    const auto missing = problems("[dashboard]\nsigning_key_env = \"DASH_KEY\"\n", fake_env({}));
    REQUIRE(missing.size() == 1U);
    CHECK(missing[0].find("DASH_KEY is not set") != std::string::npos);
}
