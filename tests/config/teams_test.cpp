// [teams]: required ids when enabled, the derived token URL, the endpoints.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using Lines = std::vector<std::string>;

TEST_CASE("an enabled Teams needs its app id, tenant and password", "[config][teams]") {
    CHECK(problems("# Teams\n[teams]\nenabled = true\n") ==
          Lines{"bad.toml:2:1: app_id: missing (required when Teams is enabled)",
                "bad.toml:2:1: tenant_id: missing (required when Teams is enabled)",
                "bad.toml:2:1: app_password: environment variable TEAMS_APP_PASSWORD is not set (the default; name "
                "another with app_password_env or a file with app_password_file)"});
    CHECK(problems("[teams]\nenabled = true\napp_id = \"\"\ntenant_id = \"t1\"\n",
                   fake_env({{"TEAMS_APP_PASSWORD", "pw"}})) ==
          Lines{"bad.toml:3:10: app_id: is empty (required when Teams is enabled)"});
}

TEST_CASE("a complete Teams section", "[config][teams]") {
    const auto result = load_config_text(
        "[teams]\n"
        "enabled = true\n"
        "app_id = \"11111111-2222-3333-4444-555555555555\"\n"
        "tenant_id = \"aaaabbbb-0000-cccc-1111-dddd2222eeee\"\n"
        "app_password_env = \"BOT_PASSWORD\"\n"
        "leaderboard_conversation = \"19:abc@thread.tacv2\"\n",
        "ok.toml", fake_env({{"BOT_PASSWORD", "s3cret"}}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    const auto& t = result.config->teams;
    CHECK(t.enabled);
    CHECK(t.app_id == "11111111-2222-3333-4444-555555555555");
    CHECK(t.app_password.value() == "s3cret");
    CHECK(t.app_password.source() == "env BOT_PASSWORD");
    CHECK(t.token_url == "https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/oauth2/v2.0/token");
    CHECK(t.openid_metadata_url == "https://login.botframework.com/v1/.well-known/openidconfiguration");
    CHECK(t.leaderboard_conversation == "19:abc@thread.tacv2");
    CHECK(t.share_reaction == "like");
    CHECK(summarize(*result.config).rfind("config OK: slack off, teams on,", 0) == 0);
}

TEST_CASE("Teams endpoints can point at local fakes", "[config][teams]") {
    const auto result = load_config_text(
        "[teams]\n"
        "tenant_id = \"t1\"\n"
        "openid_metadata_url = \"http://127.0.0.1:7001/openid\"\n"
        "token_url = \"http://127.0.0.1:7001/token\"\n",
        "ok.toml", fake_env({}));
    REQUIRE(result.config);
    CHECK(result.config->teams.openid_metadata_url == "http://127.0.0.1:7001/openid");
    CHECK(result.config->teams.token_url == "http://127.0.0.1:7001/token");
}

TEST_CASE("bad Teams values", "[config][teams]") {
    CHECK(problems("[teams]\ntenant_id = \"contoso/../x\"\n") ==
          Lines{"bad.toml:2:13: tenant_id: \"contoso/../x\" is not a tenant id (a GUID or a domain such as "
                "\"contoso.onmicrosoft.com\")"});
    CHECK(problems("[teams]\ntoken_url = \"login.microsoftonline.com\"\n") ==
          Lines{"bad.toml:2:13: token_url: \"login.microsoftonline.com\" is not an http or https URL with a host"});
    CHECK(problems("[teams]\nshare_reaction = \"\"\n") ==
          Lines{"bad.toml:2:18: share_reaction: \"\" is not a reaction type (e.g. \"like\")"});
}

TEST_CASE("admins are lists of user ids", "[config][admins]") {
    const auto result = load_config_text("[admins]\nslack = [\"U1\", \"U2\", \"U1\"]\nplayground = [\"alice\"]\n",
                                         "ok.toml", fake_env({}));
    REQUIRE(result.config);
    CHECK(result.config->admins.slack == std::vector<std::string>{"U1", "U2"});
    CHECK(result.config->admins.teams.empty());
    CHECK(result.config->admins.playground == std::vector<std::string>{"alice"});
    CHECK(problems("[admins]\nslack = [\"U1\", 42, \"U 3\"]\nteams = \"29:x\"\n") ==
          Lines{"bad.toml:2:16: slack[1]: expected a string, got an integer",
                "bad.toml:2:20: slack[2]: \"U 3\" is not a user id",
                "bad.toml:3:9: teams: expected an array of strings, got a string"});
}

TEST_CASE("Teams issuer, leaderboard serviceUrl and app package keys", "[config][teams]") {
    const TeamsConfig defaults;
    CHECK(defaults.openid_issuer == "https://api.botframework.com");
    CHECK(defaults.leaderboard_service_url == "https://smba.trafficmanager.net/teams/");
    CHECK(defaults.developer_name == "advocacy-bot");
    const auto result = load_config_text(
        "[teams]\n"
        "openid_issuer = \"https://api.botframework.us\"\n"
        "leaderboard_service_url = \"https://smba.infra.gov.teams.microsoft.us/\"\n"
        "developer_name = \"Contoso Comms\"\n"
        "privacy_url = \"https://contoso.example/privacy\"\n"
        "terms_url = \"https://contoso.example/terms\"\n",
        "ok.toml", fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    const auto& t = result.config->teams;
    CHECK(t.openid_issuer == "https://api.botframework.us");
    CHECK(t.leaderboard_service_url == "https://smba.infra.gov.teams.microsoft.us/");
    CHECK(t.developer_name == "Contoso Comms");
    CHECK(t.privacy_url == "https://contoso.example/privacy");
    CHECK(t.terms_url == "https://contoso.example/terms");

    CHECK(problems("[teams]\nopenid_issuer = \"botframework\"\nprivacy_url = \"ftp://x.example/p\"\n"
                   "developer_name = \"\"\n") ==
          Lines{"bad.toml:2:17: openid_issuer: \"botframework\" is not an http or https URL with a host",
                "bad.toml:3:15: privacy_url: \"ftp://x.example/p\" is not an http or https URL with a host",
                "bad.toml:4:18: developer_name: \"\" is not a developer name (one line, 1-32 characters)"});
}

TEST_CASE("the new Teams keys are documented in the example file and the README", "[config][teams][example]") {
    const auto read = [](const std::filesystem::path& p) {
        std::ifstream in(p);
        REQUIRE(in);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const std::string example = read(example_file());
    const std::string docs = read(source_dir() / "README.md");
    for (const char* key : {"openid_issuer", "leaderboard_service_url", "developer_name", "privacy_url", "terms_url"}) {
        INFO(key);
        CHECK((example.find("\n" + std::string(key) + " = ") != std::string::npos ||
               example.find("\n# " + std::string(key) + " = ") != std::string::npos));
        CHECK(docs.find("| `" + std::string(key) + "` |") != std::string::npos);
    }
    const auto loaded = load_config(example_file(), fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}, {"SLACK_SIGNING_SECRET", "s"}}));
    REQUIRE(loaded.config);
    CHECK(loaded.config->teams.developer_name == "Contoso Communications");
}
