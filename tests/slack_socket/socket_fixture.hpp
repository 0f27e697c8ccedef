#pragma once
// Socket Mode end to end, in-process: the real adapter, engine, SQLite file and outgoing client (SlackCore), the
// Socket Mode client, a fake Socket Mode server and the fake Web API answering apps.connections.open with a fresh
// ticket each time. command(), interaction() and event() send envelopes and return the ack, like SlackFixture's.
#include <boost/json.hpp>

#include <atomic>
#include <memory>
#include <string>

#include "adapters/slack/socket_mode/socket_mode_client.hpp"
#include "tests/slack/slack_fixture.hpp"
#include "tests/slack_socket/fake_socket_server.hpp"

namespace advocacy::slack_test {

// Short keep-alive timings so dead links are found within the test's bounds.
inline slack::socket_mode::SocketModeOptions fast_socket_options(int connections = 1) {
    slack::socket_mode::SocketModeOptions o;
    o.connections = connections;
    o.socket.connect_timeout = milliseconds(3000);
    o.socket.ping_interval = milliseconds(100);
    o.socket.pong_timeout = milliseconds(400);
    o.socket.idle_timeout = milliseconds(5000);
    o.socket.close_timeout = milliseconds(500);
    o.hello_timeout = milliseconds(2000);
    o.backoff_base = milliseconds(20);
    o.backoff_max = milliseconds(200);
    o.handover_grace = milliseconds(2000);
    o.workers = 2;
    return o;
}

inline bool is_ack_for(const std::string& text, const std::string& envelope_id) {
    boost::system::error_code ec;
    const auto v = json::parse(text, ec);
    return !ec && v.is_object() && v.as_object().contains("envelope_id") &&
           v.as_object().at("envelope_id").is_string() &&
           v.as_object().at("envelope_id").as_string() == envelope_id;
}

struct SocketFixture : SlackCore {
    explicit SocketFixture(slack::socket_mode::SocketModeOptions options = fast_socket_options(), bool start = true)
        : SlackCore({}, config::SlackMode::socket) {
        fake.set_socket_url([this] { return server.url("t" + std::to_string(++tickets)); });
        socket = std::make_unique<slack::socket_mode::SocketModeClient>(
            *client, config.slack.api_base_url, config.slack.app_token.value(),
            [adapter = adapter](std::string_view type, json::object payload, int retry, std::string_view why) {
                return adapter->handle_envelope(type, std::move(payload), retry, why);
            },
            options);
        if (start) {
            socket->start();
            REQUIRE(connected(options.connections));
        }
    }
    ~SocketFixture() { socket->stop(seconds(5)); }

    bool connected(int n, milliseconds timeout = milliseconds(5000)) {
        return socket->wait_for([n](const auto& s) { return s.connected >= n; }, timeout);
    }

    // The newest connection the server accepted.
    std::shared_ptr<testing::FakeLink> newest() { return server.link(server.links() - 1); }

    // Sends an envelope on `link` (default: the newest) and waits for its ack and for the bot to have acted on it.
    // The result is what Slack got: 200 and the ack's payload (empty when none), or status 0 without an ack.
    HttpResult envelope(const std::string& type, const json::object& payload, bool accepts_response_payload,
                        std::shared_ptr<testing::FakeLink> on = nullptr, std::string id = {}) {
        if (!on) on = newest();
        if (id.empty()) id = "env-" + std::to_string(++envelopes);
        on->send(testing::envelope_frame(id, type, json::serialize(payload), accepts_response_payload));
        const auto ack = on->wait_message([&](const std::string& m) { return is_ack_for(m, id); }, milliseconds(10000));
        HttpResult r;
        if (!ack) return r;
        REQUIRE(socket->drain(seconds(10)));
        r.status = 200;
        r.raw = *ack;
        const json::value parsed = json::parse(*ack);
        if (const auto* p = parsed.as_object().if_contains("payload")) r.body = json::serialize(*p);
        return r;
    }

    HttpResult command(const std::string& user, const std::string& text, const std::string& channel = "C0GENERAL") {
        json::object payload;
        for (const auto& [k, v] : command_fields(user, text, channel)) payload[k] = v;
        return envelope("slash_commands", payload, true);
    }

    HttpResult interaction(const json::object& payload) {
        return envelope("interactive", payload, payload.at("type").as_string() == "view_submission");
    }

    HttpResult event(const std::string& event_id, const json::object& event) {
        return envelope("events_api", event_callback(event_id, event), false);
    }

    testing::FakeSocketServer server;  // before the client: it outlives the links
    std::atomic<int> tickets{0};
    int envelopes = 0;
    std::unique_ptr<slack::socket_mode::SocketModeClient> socket;
};

}  // namespace advocacy::slack_test
