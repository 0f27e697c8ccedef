// [slack]: modes, the secrets each mode needs, and the values the adapter relies on.
#include <catch2/catch.hpp>

#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using Lines = std::vector<std::string>;

TEST_CASE("Slack in socket mode needs the bot token and an app-level token", "[config][slack]") {
    const std::string text = "[slack]\nenabled = true\nmode = \"socket\"\n";
    CHECK(problems(text, fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}})) ==
          Lines{"bad.toml:1:1: app_token: environment variable SLACK_APP_TOKEN is not set (the default; name another "
                "with app_token_env or a file with app_token_file)"});
    const auto ok =
        load_config_text(text, "ok.toml", fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}, {"SLACK_APP_TOKEN", "xapp-1"}}));
    CHECK(messages(ok).empty());
    REQUIRE(ok.config);
    CHECK(ok.config->slack.mode == SlackMode::socket);
    CHECK(ok.config->slack.app_token.value() == "xapp-1");
    CHECK(ok.config->slack.signing_secret.empty());  // not needed on the socket
    CHECK(summarize(*ok.config).rfind("config OK: slack on (socket), teams off,", 0) == 0);
}

TEST_CASE("an app token that is not app-level", "[config][slack]") {
    CHECK(problems("[slack]\nenabled = true\nmode = \"socket\"\napp_token_env = \"MY_APP_TOKEN\"\n",
                   fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}, {"MY_APP_TOKEN", "xoxb-wrong-kind"}})) ==
          Lines{"bad.toml:4:17: app_token: app token must be an app-level token (xapp-...), check env MY_APP_TOKEN"});
}

TEST_CASE("a disabled Slack needs no secrets", "[config][slack]") {
    const auto result = load_config_text("[slack]\nenabled = false\nmode = \"socket\"\n", "ok.toml", fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    CHECK_FALSE(result.config->slack.enabled);
}

TEST_CASE("Slack values", "[config][slack]") {
    const auto result = load_config_text(
        "[slack]\n"
        "api_base_url = \"http://127.0.0.1:9999/api/\"\n"
        "slash_command = \"/share-it\"\n"
        "share_reaction = \":+1:\"\n"
        "leaderboard_channel = \"C0ABC\"\n"
        "socket_connections = 10\n",
        "ok.toml", fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    CHECK(result.config->slack.api_base_url == "http://127.0.0.1:9999/api");
    CHECK(result.config->slack.slash_command == "/share-it");
    CHECK(result.config->slack.share_reaction == "+1");
    CHECK(result.config->slack.leaderboard_channel == "C0ABC");
    CHECK(result.config->slack.socket_connections == 10);
}

TEST_CASE("Socket Mode connections: 2 by default, 1 to 10", "[config][slack]") {
    const auto result = load_config_text("[slack]\n", "ok.toml", fake_env({}));
    REQUIRE(result.config);
    CHECK(result.config->slack.socket_connections == 2);
    CHECK(problems("[slack]\nsocket_connections = 0\n") ==
          Lines{"bad.toml:2:22: socket_connections: 0 is out of range (1-10, Slack's limit per app)"});
    CHECK(problems("[slack]\nsocket_connections = 11\n") ==
          Lines{"bad.toml:2:22: socket_connections: 11 is out of range (1-10, Slack's limit per app)"});
}

TEST_CASE("Web API calls in flight per method: 100 by default, 1 to 1000", "[config][slack]") {
    CHECK(load_config_text("[slack]\n", "ok.toml", fake_env({})).config->slack.max_in_flight_per_method == 100);
    CHECK(load_config_text("[slack]\nmax_in_flight_per_method = 1000\n", "ok.toml", fake_env({}))
              .config->slack.max_in_flight_per_method == 1000);
    CHECK(problems("[slack]\nmax_in_flight_per_method = 0\n") ==
          Lines{"bad.toml:2:28: max_in_flight_per_method: 0 is out of range (1-1000)"});
    CHECK(problems("[slack]\nmax_in_flight_per_method = 1001\n") ==
          Lines{"bad.toml:2:28: max_in_flight_per_method: 1001 is out of range (1-1000)"});
}

TEST_CASE("bad Slack values", "[config][slack]") {
    CHECK(problems("[slack]\nmode = \"websocket\"\n") ==
          Lines{"bad.toml:2:8: mode: \"websocket\" is not a Slack mode (expected \"http\" or \"socket\")"});
    CHECK(problems("[slack]\nslash_command = \"advocacy\"\n") ==
          Lines{"bad.toml:2:17: slash_command: \"advocacy\" must start with '/'"});
    CHECK(problems("[slack]\nslash_command = \"/Advocacy Bot\"\n") ==
          Lines{"bad.toml:2:17: slash_command: \"/Advocacy Bot\" is not a Slack command (lowercase, no blanks, at most "
                "32 characters)"});
    CHECK(problems("[slack]\napi_base_url = \"wss://slack.com/api\"\n") ==
          Lines{"bad.toml:2:16: api_base_url: \"wss://slack.com/api\" is not an http or https URL with a host"});
    CHECK(
        problems("[slack]\nshare_reaction = \"white check mark\"\n") ==
        Lines{"bad.toml:2:18: share_reaction: \"white check mark\" is not an emoji name (e.g. \"white_check_mark\")"});
    CHECK(problems("[slack]\nleaderboard_channel = \"# general\"\n") ==
          Lines{"bad.toml:2:23: leaderboard_channel: \"# general\" is not a channel id (e.g. \"C0123456789\")"});
    CHECK(problems("[slack]\nenabled = \"yes\"\n") ==
          Lines{"bad.toml:2:11: enabled: expected a boolean (true or false), got a string"});
}
