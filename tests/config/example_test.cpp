// The shipped example file is the documentation operators copy: it must validate and say what it claims.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "config/values.hpp"
#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;

namespace {
std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every key the loader accepts, by section.
const std::vector<std::pair<std::string, std::vector<std::string>>> kAllKeys{
    {"server",
     {"listen_address", "port", "public_base_url", "tls_certificate", "tls_private_key", "shutdown_grace_seconds",
      "io_threads", "worker_threads"}},
    {"server.limits",
     {"header_bytes", "body_bytes", "header_timeout_seconds", "body_timeout_seconds", "idle_timeout_seconds",
      "write_timeout_seconds", "max_connections", "websocket_message_bytes"}},
    {"storage", {"database", "retention_months"}},
    {"log", {"level", "format"}},
    {"program",
     {"default_locale", "time_zone", "push_time", "working_days", "stagger_window_minutes", "leaderboard",
      "leaderboard_size", "disclosure_suffix"}},
    {"program.points", {"shared", "post_click", "post_click_cap_per_item", "why", "skip"}},
    {"slack",
     {"enabled", "mode", "api_base_url", "bot_token_env", "bot_token_file", "signing_secret_env", "signing_secret_file",
      "app_token_env", "app_token_file", "socket_connections", "max_in_flight_per_method", "slash_command",
      "leaderboard_channel", "share_reaction"}},
    {"teams",
     {"enabled", "app_id", "tenant_id", "app_password_env", "app_password_file", "openid_metadata_url",
      "openid_issuer", "token_url", "leaderboard_conversation", "leaderboard_service_url", "share_reaction",
      "developer_name", "privacy_url", "terms_url"}},
    {"admins", {"slack", "teams", "playground"}},
    {"dashboard", {"enabled", "value_per_click", "currency", "session_hours", "signing_key_env", "signing_key_file"}},
};
}  // namespace

TEST_CASE("the example file validates when the Slack secrets are set", "[config][example]") {
    const auto result = load_config(example_file(), slack_http_env());
    INFO(example_file().string());
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    const Config& c = *result.config;
    CHECK(c.source == example_file());
    CHECK(c.server.listen_address == "0.0.0.0");
    CHECK(c.server.public_base_url == "https://advocacy.example.com");
    CHECK_FALSE(c.server.tls_certificate);
    // The example spells out the server limits with their default values (written with digit separators).
    const ServerConfig server_defaults;
    CHECK(c.server.shutdown_grace == server_defaults.shutdown_grace);
    CHECK(c.server.worker_threads == server_defaults.worker_threads);
    CHECK(c.server.limits.header_bytes == 8192U);
    CHECK(c.server.limits.body_bytes == 1048576U);
    CHECK(c.server.limits.idle_timeout == server_defaults.limits.idle_timeout);
    CHECK(c.server.limits.websocket_message_bytes == 65536U);
    CHECK(c.storage.database == "/var/lib/advocacy/advocacy.db");
    CHECK(c.program.time_zone == "Europe/Paris");
    CHECK(c.program.disclosure_suffix == "#employee");
    CHECK(c.slack.enabled);
    CHECK(c.slack.mode == SlackMode::http);
    CHECK(c.slack.bot_token.value() == "xoxb-test-bot-token");
    CHECK(c.slack.bot_token.source() == "env SLACK_BOT_TOKEN");
    CHECK(c.slack.signing_secret.value() == "test-signing-secret");
    CHECK(c.slack.app_token.empty());
    CHECK(c.slack.leaderboard_channel == "C0123456789");
    CHECK_FALSE(c.teams.enabled);
    CHECK(c.teams.token_url == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    CHECK(c.admins.slack == std::vector<std::string>{"U0123ABCDEF"});
    CHECK(c.admins.playground == std::vector<std::string>{"admin"});
}

TEST_CASE("the example file's summary", "[config][example]") {
    const auto result = load_config(example_file(), slack_http_env());
    REQUIRE(result.config);
    CHECK(summarize(*result.config) ==
          "config OK: slack on (http), teams off, program Europe/Paris push 09:00 mon-fri, leaderboard fri 16:00, "
          "db /var/lib/advocacy/advocacy.db, listen 0.0.0.0:8080, public https://advocacy.example.com");
}

TEST_CASE("the example file without the Slack secrets names both variables", "[config][example]") {
    const auto result = load_config(example_file(), fake_env({}));
    CHECK_FALSE(result.config);
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[0].message == "bot_token: environment variable SLACK_BOT_TOKEN is not set");
    CHECK(result.diagnostics[1].message == "signing_secret: environment variable SLACK_SIGNING_SECRET is not set");
}

TEST_CASE("every key is documented in the example file and in the README", "[config][example]") {
    const std::string example = read_file(example_file());
    const std::string docs = read_file(source_dir() / "README.md");
    for (const auto& [section, keys] : kAllKeys) {
        CHECK(example.find("[" + section + "]\n") != std::string::npos);
        CHECK(docs.find("`[" + section + "]`") != std::string::npos);
        for (const auto& key : keys) {
            INFO("[" << section << "] " << key);
            // Set, or shown commented out with its example value.
            const bool in_example = example.find("\n" + key + " = ") != std::string::npos ||
                                    example.find("\n# " + key + " = ") != std::string::npos;
            CHECK(in_example);
            CHECK(docs.find("| `" + key + "` |") != std::string::npos);
        }
    }
}

TEST_CASE("an empty file is a valid configuration with every default", "[config][defaults]") {
    const auto result = load_config_text("", "/etc/advocacy/empty.toml", fake_env({}));
    REQUIRE(result.config);
    const Config& c = *result.config;
    const Config defaults;
    CHECK(c.server.listen_address == defaults.server.listen_address);
    CHECK(c.server.port == defaults.server.port);
    CHECK(c.server.public_base_url == "http://127.0.0.1:8080");
    CHECK(c.storage.database == "/etc/advocacy/advocacy.db");  // next to the file
    CHECK(c.program.time_zone == "UTC");
    CHECK(c.program.push_time == defaults.program.push_time);
    CHECK(c.program.working_days == defaults.program.working_days);
    CHECK(c.program.stagger_window == std::chrono::minutes{30});
    CHECK(c.program.leaderboard_weekday == 5U);
    CHECK(c.program.leaderboard_time == std::chrono::minutes{16 * 60});
    CHECK(c.program.points.shared == 10);
    CHECK(c.program.points.post_click_cap_per_item == 20);
    CHECK_FALSE(c.slack.enabled);
    CHECK(c.slack.api_base_url == "https://slack.com/api");
    CHECK(c.slack.slash_command == "/advocacy");
    CHECK_FALSE(c.teams.enabled);
    CHECK(c.teams.token_url.empty());
    CHECK(summarize(c) ==
          "config OK: slack off, teams off, program UTC push 09:00 mon-fri, leaderboard fri 16:00, "
          "db /etc/advocacy/advocacy.db, listen 127.0.0.1:8080, public http://127.0.0.1:8080");
}
