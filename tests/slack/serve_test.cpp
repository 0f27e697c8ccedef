// The real binary: `advocacy-bot manifest slack --config FILE` and `advocacy-bot serve FILE` against the fake Slack,
// stopped with SIGTERM.
#include <catch2/catch.hpp>

#include <signal.h>

#include <boost/json.hpp>

#include <thread>

#include "adapters/slack/signature.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/slack/fake_slack.hpp"
#include "tests/slack/process_harness.hpp"
#include "tests/slack/slack_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using advocacy::slack_test::free_port;
using advocacy::slack_test::Process;
using advocacy::slack_test::read_file;
using advocacy::slack_test::serve_config;
namespace json = boost::json;

namespace {

using testing::get_status;

}  // namespace

TEST_CASE("manifest slack --config prints the manifest without needing the tokens") {
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << serve_config(8443, "https://slack.com/api", dir.file("x.db"));
    Process p({ADVOCACY_BOT_BINARY, "manifest", "slack", "--config", cfg.string()}, {}, dir.file("out"), dir.file("err"));
    REQUIRE(p.wait(std::chrono::seconds(30)) == 0);
    const auto m = json::parse(read_file(dir.file("out"))).as_object();
    CHECK(m.at("settings").at("event_subscriptions").at("request_url").as_string() ==
          "https://advocacy.acme.example/slack/events");
    CHECK(m.at("features").at("slash_commands").at(0).at("command").as_string() == "/advocacy");

    Process bad({ADVOCACY_BOT_BINARY, "manifest", "teams", "--config", cfg.string()}, {}, dir.file("out2"), dir.file("err2"));
    CHECK(bad.wait(std::chrono::seconds(30)) == 2);
    CHECK(read_file(dir.file("err2")).find("--out FILE.zip is required") != std::string::npos);
}

TEST_CASE("serve answers Slack, reports ready, and stops cleanly on SIGTERM") {
    testing::FakeSlack fake;
    testing::TempDir dir;
    const auto port = free_port();
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << serve_config(port, fake.api_base(), dir.file("serve.db"));
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()},
              {"TEST_SLACK_BOT_TOKEN=xoxb-serve-token", std::string("TEST_SLACK_SIGNING_SECRET=") + slack_test::kSecret},
              dir.file("out"), dir.file("err"));

    // Ready when /readyz says so (auth.test against the fake succeeded); bounded.
    std::string ready;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (get_status(port, "/readyz", &ready) != 200) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        REQUIRE(p.exit_code.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout);
    }
    CHECK(ready.find(R"("slack":"ok")") != std::string::npos);
    CHECK(fake.calls("auth.test").size() == 1);
    CHECK(fake.calls("auth.test")[0].authorization == "Bearer xoxb-serve-token");

    const std::string body = slack_test::form_body({{"team_id", "T1"}, {"channel_id", "C1"}, {"user_id", "UADMIN"},
                                                    {"command", "/advocacy"}, {"text", "help"}});
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch()).count());
    testing::RawClient c(port);
    REQUIRE(c.send("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: " + std::to_string(body.size()) + "\r\nX-Slack-Request-Timestamp: " + ts +
                   "\r\nX-Slack-Signature: " + slack::compute_signature(slack_test::kSecret, ts, body) + "\r\n\r\n" + body));
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(testing::status_of(*r) == 200);
    CHECK(json::parse(testing::body_of(*r)).at("response_type").as_string() == "ephemeral");

    ::kill(p.pid, SIGTERM);
    CHECK(p.wait(std::chrono::seconds(30)) == 0);
    CHECK(read_file(dir.file("out")).find("stopped") != std::string::npos);
    CHECK(read_file(dir.file("err")).find("xoxb-serve-token") == std::string::npos);  // never logged
}

TEST_CASE("serve refuses a token Slack rejects") {
    testing::FakeSlack fake;
    fake.script("auth.test", {testing::FakeSlack::error("invalid_auth")});
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << serve_config(free_port(), fake.api_base(), dir.file("serve.db"));
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()},
              {"TEST_SLACK_BOT_TOKEN=xoxb-bad", std::string("TEST_SLACK_SIGNING_SECRET=") + slack_test::kSecret},
              dir.file("out"), dir.file("err"));
    CHECK(p.wait(std::chrono::seconds(30)) == 1);
    CHECK(read_file(dir.file("err")).find("invalid_auth") != std::string::npos);
}
