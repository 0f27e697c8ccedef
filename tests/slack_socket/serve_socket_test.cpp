// The real binary in Socket Mode: `advocacy-bot serve` with mode = "socket" against the fake Web API and the fake
// Socket Mode server; no /slack/events route, /readyz reports slack_socket, a slash command envelope is answered in
// its ack, SIGTERM closes the link cleanly; the manifest has socket_mode_enabled and no request URLs.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <atomic>

#include "bot/net/http_client.hpp"
#include "tests/slack/fake_slack.hpp"
#include "tests/slack/process_harness.hpp"
#include "tests/slack_socket/fake_socket_server.hpp"
#include "tests/slack_socket/socket_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;
using namespace std::chrono;

namespace {

net::ClientResult request(net::HttpClient& http, const std::string& method, const std::string& url) {
    net::ClientRequest req;
    req.method = method;
    req.url = url;
    if (method == "POST") {
        req.content_type = "application/json";
        req.body = "{}";
    }
    return http.call(req);
}

}  // namespace

TEST_CASE("serve in socket mode: connected, ready, a command answered in its ack, a clean stop", "[socket][serve]") {
    testing::FakeSlack fake;
    testing::FakeSocketServer server;
    std::atomic<int> n{0};
    fake.set_socket_url([&] { return server.url("serve" + std::to_string(++n)); });
    testing::TempDir dir;
    const auto port = free_port();
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << serve_config(port, fake.api_base(), dir.file("serve.db"), true);
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()},
              {"TEST_SLACK_BOT_TOKEN=xoxb-serve-token", "TEST_SLACK_APP_TOKEN=xapp-serve-token"}, dir.file("out"),
              dir.file("err"));

    const auto link = server.link(0, milliseconds(30'000));
    REQUIRE(link);
    CHECK(fake.calls("apps.connections.open").at(0).authorization == "Bearer xapp-serve-token");

    net::ClientOptions options;
    options.retry.max_attempts = 1;
    options.connect_timeout = milliseconds(2000);
    options.request_timeout = milliseconds(5000);
    net::HttpClient http(options);
    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    std::string ready;
    const auto deadline = steady_clock::now() + seconds(30);
    for (;;) {
        const auto r = request(http, "GET", base + "/readyz");
        if (r.ok() && r.response->status == 200) {
            ready = r.response->body;
            break;
        }
        REQUIRE(steady_clock::now() < deadline);
        REQUIRE(p.exit_code.wait_for(milliseconds(100)) == std::future_status::timeout);
    }
    CHECK(ready.find(R"("slack_socket":"ok")") != std::string::npos);
    CHECK(ready.find(R"("slack":"ok")") != std::string::npos);

    // No HTTP endpoint for Slack in this mode.
    const auto events = request(http, "POST", base + "/slack/events");
    REQUIRE(events.ok());
    CHECK(events.response->status == 404);

    json::object payload{{"team_id", "T1"}, {"channel_id", "C1"}, {"user_id", "UADMIN"}, {"command", "/advocacy"},
                         {"text", "help"}};
    link->send(testing::envelope_frame("serve-env-1", "slash_commands", json::serialize(payload), true));
    const auto ack = link->wait_message([](const std::string& m) { return is_ack_for(m, "serve-env-1"); },
                                        milliseconds(10'000));
    REQUIRE(ack);
    CHECK(json::parse(*ack).at("payload").at("response_type").as_string() == "ephemeral");

    ::kill(p.pid, SIGTERM);
    CHECK(p.wait(seconds(30)) == 0);
    CHECK(link->wait_closed(milliseconds(5000)));
    CHECK(link->closed_by_client());
    const std::string err = read_file(dir.file("err")) + read_file(dir.file("out"));
    CHECK(err.find("xapp-serve-token") == std::string::npos);  // never logged
    CHECK(err.find("xoxb-serve-token") == std::string::npos);
}

TEST_CASE("manifest slack in socket mode: socket_mode_enabled, no request URLs", "[socket][serve]") {
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << serve_config(8443, "https://slack.com/api", dir.file("x.db"), true);
    Process p({ADVOCACY_BOT_BINARY, "manifest", "slack", "--config", cfg.string()}, {}, dir.file("out"),
              dir.file("err"));
    REQUIRE(p.wait(seconds(30)) == 0);
    const auto out = read_file(dir.file("out"));
    const auto m = json::parse(out).as_object();
    CHECK(m.at("settings").at("socket_mode_enabled").as_bool());
    CHECK(out.find("request_url") == std::string::npos);
    CHECK(out.find("\"url\"") == std::string::npos);
}
