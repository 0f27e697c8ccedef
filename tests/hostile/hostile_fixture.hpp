#pragma once
// Hostile clients against the real server with the real routes (core + Slack, the Slack adapter over a real SQLite
// file and a fake Slack Web API), configured with short limits so the attacks end quickly. Clients are raw sockets
// (tests/server/raw_client.hpp): every byte, every pause and every close is the test's.
#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "bot/server/server.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/slack/slack_fixture.hpp"

namespace advocacy::hostile_test {

using namespace std::chrono;
namespace json = boost::json;
using slack_test::form_body;
using slack_test::kAdmin;
using slack_test::kSecret;
using slack_test::kTeam;

// Short enough for a test, long enough for a loaded CI machine under a sanitizer.
inline server::ServerLimits short_limits() {
    server::ServerLimits limits;
    limits.header_timeout = seconds(2);
    limits.body_timeout = seconds(2);
    limits.idle_timeout = seconds(5);
    limits.write_timeout = seconds(5);
    return limits;
}

struct HostileServer : slack_test::SlackCore {
    explicit HostileServer(server::ServerLimits limits = short_limits()) {
        server::ServerOptions options;
        options.port = 0;
        options.limits = limits;
        options.io_threads = 2;  // the listener, sessions and shutdown on several threads (ThreadSanitizer looks)
        http = std::make_unique<server::HttpServer>(options);
        port = http->bind();
        config.server.public_base_url = "http://127.0.0.1:" + std::to_string(port);
        add_core_routes(http->routes(), *engine, {database_writable(*db)});
        slack::add_slack_routes(http->routes(), adapter);
        http->start();
    }
    ~HostileServer() {
        http->stop();
        http->wait();
        adapter->drain(seconds(10));
        http.reset();  // drops the router's hold on the adapter before the client and outbox go
    }

    // The head of POST /slack/events, signed over `body` at the fixture's clock (the body itself not included).
    std::string signed_head(const std::string& content_type, const std::string& body) const {
        const std::string ts = std::to_string(clock.now().time_since_epoch().count());
        return "POST /slack/events HTTP/1.1\r\nHost: bot.example\r\nContent-Type: " + content_type +
               "\r\nX-Slack-Request-Timestamp: " + ts +
               "\r\nX-Slack-Signature: " + slack::compute_signature(kSecret, ts, body) + "\r\n";
    }
    // A complete, genuine request: the slash command `/advocacy <text>` from the admin.
    std::string command_request(const std::string& text) const {
        const std::string body = form_body(command_fields(kAdmin, text, "C0GENERAL"));
        return signed_head("application/x-www-form-urlencoded", body) +
               "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }

    // Sends one request on a new connection and returns the status (0: no response).
    int status_of(const std::string& request, milliseconds timeout = seconds(10)) const {
        testing::RawClient c(port, timeout);
        if (!c.send(request)) return 0;
        const auto response = c.read_response();
        return response ? testing::status_of(*response) : 0;
    }

    // How long GET /healthz takes right now (another client being served while the attack goes on).
    milliseconds healthz_latency(int* status = nullptr) const {
        const auto start = steady_clock::now();
        const int s = status_of("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        if (status) *status = s;
        return duration_cast<milliseconds>(steady_clock::now() - start);
    }

    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
};

// Resident memory of this process (server and clients both live here), from /proc.
inline std::size_t rss_bytes() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            std::size_t kb = 0;
            status >> kb;
            return kb * 1024;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

// Polls `condition` until it holds or `timeout` passes.
template <class Condition>
bool eventually(Condition condition, milliseconds timeout) {
    const auto deadline = steady_clock::now() + timeout;
    while (!condition()) {
        if (steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(milliseconds(10));
    }
    return true;
}

// "Another client is still served promptly": generous for a loaded, sanitized CI run; an unserved client times out
// at 10 s, and the usual figure is a few milliseconds (tests/RELIABILITY.md).
inline constexpr milliseconds kPrompt{2000};

}  // namespace advocacy::hostile_test
