// Secrets come from the environment or from files, and their values never reach a diagnostic or the summary.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tests/config/support.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using advocacy::testing::TempDir;
using Lines = std::vector<std::string>;

namespace {
void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

const std::string kSlackHttp = "[slack]\nenabled = true\n";
}  // namespace

TEST_CASE("secrets from environment variables named in the file", "[config][secrets]") {
    const auto result = load_config_text(kSlackHttp + "bot_token_env = \"BOT\"\nsigning_secret_env = \"SIGNING\"\n",
                                         "ok.toml", fake_env({{"BOT", "xoxb-42"}, {"SIGNING", "abc123"}}));
    REQUIRE(result.config);
    CHECK(result.config->slack.bot_token.value() == "xoxb-42");
    CHECK(result.config->slack.bot_token.source() == "env BOT");
    CHECK(result.config->slack.signing_secret.value() == "abc123");
}

TEST_CASE("secrets from files, trailing newline trimmed, relative to the config file", "[config][secrets]") {
    TempDir dir;
    std::filesystem::create_directory(dir.file("secrets"));
    write(dir.file("secrets/bot"), "xoxb-from-file\n");
    write(dir.file("secrets/signing"), "signing-from-file\r\n");
    write(dir.file("advocacy.toml"), kSlackHttp + "bot_token_file = \"secrets/bot\"\nsigning_secret_file = \"" +
                                         dir.file("secrets/signing").string() + "\"\n");
    const auto result = load_config(dir.file("advocacy.toml"), fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    CHECK(result.config->slack.bot_token.value() == "xoxb-from-file");
    CHECK(result.config->slack.bot_token.source() == "file " + dir.file("secrets/bot").string());
    CHECK(result.config->slack.signing_secret.value() == "signing-from-file");
}

TEST_CASE("a missing secret names the variable", "[config][secrets]") {
    CHECK(problems(kSlackHttp + "bot_token_env = \"MY_BOT_TOKEN\"\n", fake_env({{"SLACK_SIGNING_SECRET", "s"}})) ==
          Lines{"bad.toml:3:17: bot_token: environment variable MY_BOT_TOKEN is not set"});
    CHECK(problems(kSlackHttp + "bot_token_env = \"MY_BOT_TOKEN\"\n",
                   fake_env({{"SLACK_SIGNING_SECRET", "s"}, {"MY_BOT_TOKEN", ""}})) ==
          Lines{"bad.toml:3:17: bot_token: environment variable MY_BOT_TOKEN is empty"});
    // Neither key: the default variable, reported at the section header.
    CHECK(problems("\n" + kSlackHttp, fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}})) ==
          Lines{"bad.toml:2:1: signing_secret: environment variable SLACK_SIGNING_SECRET is not set (the default; name "
                "another with signing_secret_env or a file with signing_secret_file)"});
}

TEST_CASE("a missing or empty secret file names the file", "[config][secrets]") {
    TempDir dir;
    write(dir.file("empty"), "\n");
    write(dir.file("a.toml"), kSlackHttp + "bot_token_file = \"missing\"\nsigning_secret_file = \"empty\"\n");
    CHECK(messages(load_config(dir.file("a.toml"), fake_env({}))) ==
          Lines{dir.file("a.toml").string() + ":3:18: bot_token_file: cannot read the bot_token file \"" +
                    dir.file("missing").string() + "\": No such file or directory",
                dir.file("a.toml").string() + ":4:23: signing_secret_file: the signing_secret file \"" +
                    dir.file("empty").string() + "\" is empty"});
}

TEST_CASE("setting both the variable and the file is an error", "[config][secrets]") {
    CHECK(problems(kSlackHttp + "bot_token_env = \"A\"\nbot_token_file = \"/run/secrets/a\"\n",
                   fake_env({{"A", "xoxb-1"}, {"SLACK_SIGNING_SECRET", "s"}})) ==
          Lines{"bad.toml:4:18: bot_token_file: set either bot_token_env or bot_token_file, not both"});
}

TEST_CASE("a secret written in the file is refused without being repeated", "[config][secrets]") {
    const auto lines = problems(kSlackHttp + "bot_token = \"xoxb-pasted-secret\"\n",
                                fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}, {"SLACK_SIGNING_SECRET", "s"}}));
    CHECK(lines == Lines{"bad.toml:3:1: bot_token: secrets never go in the configuration file; name an environment "
                         "variable with bot_token_env or a file with bot_token_file"});
    // Pasting the secret where the variable's name goes.
    CHECK(problems(kSlackHttp + "signing_secret_env = \"8f742231b10e8888abcd99yyyzzz85a5-x\"\n",
                   fake_env({{"SLACK_BOT_TOKEN", "xoxb-1"}})) ==
          Lines{"bad.toml:3:22: signing_secret_env: expected the name of an environment variable (letters, digits and "
                "'_'), not the secret"});
}

TEST_CASE("secret values never appear in diagnostics or the summary", "[config][secrets]") {
    const std::string bot = "xoxb-SECRET-bot-4d1f";
    const std::string signing = "SECRET-signing-9a7c";
    const std::string app = "SECRET-app-not-xapp";
    const std::string password = "SECRET-teams-pw-77";
    TempDir dir;
    write(dir.file("app_token"), app + "\n");
    const auto env =
        fake_env({{"SLACK_BOT_TOKEN", bot}, {"SLACK_SIGNING_SECRET", signing}, {"TEAMS_APP_PASSWORD", password}});

    const std::vector<std::string> files{
        // Valid, both platforms on.
        "[slack]\nenabled = true\n[teams]\nenabled = true\napp_id = \"a\"\ntenant_id = \"t\"\n",
        // Errors around valid secrets, and an app token of the wrong kind read from a file.
        "[slack]\nenabled = true\nmode = \"socket\"\napp_token_file = \"app_token\"\nslash_command = \"x\"\n"
        "[teams]\nenabled = true\n[program]\npush_time = \"25:00\"\n",
        // A secret pasted into the file, and one pasted as a variable name.
        "[slack]\nenabled = true\nbot_token = \"" + bot + "\"\nsigning_secret_env = \"" + signing + "\"\n",
        "[teams]\nenabled = true\napp_password = \"" + password + "\"\napp_password_env = \"" + password + "\"\n",
    };
    for (const auto& text : files) {
        write(dir.file("c.toml"), text);
        const auto result = load_config(dir.file("c.toml"), env);
        std::string all;
        for (const auto& line : messages(result)) all += line + "\n";
        if (result.config) {
            all += summarize(*result.config);
            std::ostringstream streamed;
            streamed << result.config->slack.bot_token << result.config->teams.app_password;
            all += streamed.str();
            CHECK(streamed.str() == "<redacted env SLACK_BOT_TOKEN><redacted env TEAMS_APP_PASSWORD>");
        }
        INFO(all);
        CHECK_FALSE(all.empty());
        for (const auto& secret : {bot, signing, app, password}) CHECK(all.find(secret) == std::string::npos);
    }
}
