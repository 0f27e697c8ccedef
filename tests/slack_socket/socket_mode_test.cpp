// The Socket Mode client against the fake Socket Mode server and the fake Web API: connecting with a fresh URL,
// the three envelope types acked with the right payload, retries acted on once, the refresh_requested handover,
// abrupt closes, dead links, apps.connections.open failures (errors, 429, 5xx, dropped connections), link_disabled,
// several connections.
#include <catch2/catch.hpp>

#include <set>

#include "bot/metrics/metrics.hpp"

#include "tests/slack_socket/socket_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;
using testing::FakeSlack;

namespace {

json::object view_submission(const std::string& user) {
    return json::object{{"type", "view_submission"},
                        {"user", {{"id", user}, {"name", "name-" + user}, {"team_id", kTeam}}},
                        {"team", {{"id", kTeam}}},
                        {"view", {{"callback_id", "advocacy_content_add"}, {"private_metadata", "C0GENERAL"},
                                  {"state", {{"values", json::object{}}}}}}};
}

std::set<std::string> tickets_used(testing::FakeSocketServer& server) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < server.links(); ++i) out.insert(server.link(i)->target());
    return out;
}

}  // namespace

TEST_CASE("connects with the app token on a fresh URL and is ready after hello", "[socket]") {
    SocketFixture f;
    const auto opens = f.fake.calls("apps.connections.open");
    REQUIRE(opens.size() == 1);
    CHECK(opens[0].authorization == "Bearer xapp-test-token");
    CHECK(f.server.link(0)->target() == "/link/?ticket=t1");
    const auto status = f.socket->status();
    CHECK(status.ready());
    CHECK(status.connected == 1);
    CHECK(status.describe() == "1 of 1 Socket Mode connections open");
    // /metrics shows the open link (the gauge is process-wide: this test owns the only client alive).
    CHECK(metrics::render().find("advocacy_slack_socket_connections 1\n") != std::string::npos);
}

TEST_CASE("not ready before hello, and a link without hello is replaced", "[socket]") {
    auto options = fast_socket_options();
    options.hello_timeout = milliseconds(300);
    SocketFixture f(options, false);
    f.server.set_auto_hello(false);
    f.socket->start();
    REQUIRE(f.server.link(0));
    CHECK_FALSE(f.socket->status().ready());
    REQUIRE(f.server.link(1));  // no hello within 300 ms: a new URL, a new link
    CHECK(f.server.link(1)->target() == "/link/?ticket=t2");
    f.server.link(1)->hello();
    REQUIRE(f.connected(1));
    CHECK(f.socket->status().ready());
}

TEST_CASE("the three envelope types are acked by envelope_id, with a payload where Slack accepts one", "[socket]") {
    SocketFixture f;
    // slash_commands: the ephemeral reply is the ack's payload.
    auto r = f.command("U1", "help");
    REQUIRE(r.status == 200);
    const auto reply = json::parse(r.body).as_object();
    CHECK(reply.at("response_type").as_string() == "ephemeral");
    CHECK(!reply.at("blocks").as_array().empty());

    // interactive, view_submission with field errors: response_action in the payload.
    r = f.interaction(view_submission(kAdmin));
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body).at("response_action").as_string() == "errors");

    // interactive, block_actions: Slack takes no payload; the ack is the bare envelope_id.
    r = f.interaction(SlackCore::click("U1", "DU1", "1700000000.000100", "advocacy_why", "1", f.fake.response_url("w")));
    REQUIRE(r.status == 200);
    CHECK(r.body.empty());
    CHECK(json::parse(r.raw).as_object().size() == 1);

    // events_api: acked at once, without payload, and acted on (the user is now known).
    r = f.event("Ev1", json::object{{"type", "message"}, {"channel_type", "im"}, {"user", "U9"}, {"channel", "DU9"},
                                    {"text", "help"}, {"ts", "1700000000.1"}});
    REQUIRE(r.status == 200);
    CHECK(r.body.empty());
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id = 'U9'") == 1);

    // Something malformed is acked too (a retry would not be better) and changes nothing.
    const auto rows = f.total_rows();
    r = f.envelope("events_api", json::object{{"type", "event_callback"}}, false);
    CHECK(r.status == 200);
    r = f.envelope("something_new", json::object{}, false);
    CHECK(r.status == 200);
    CHECK(f.total_rows() == rows);
}

TEST_CASE("a retried envelope is acted on once, and its ack repeated", "[socket]") {
    SocketFixture f;
    REQUIRE(f.command("U1", "me").status == 200);
    const auto first = f.envelope("slash_commands", [&] {
        json::object p;
        for (const auto& [k, v] : f.command_fields(kAdmin, "campaign create \"Once\" why=\"x\"", "C0GENERAL")) p[k] = v;
        return p;
    }(), true, nullptr, "env-retried");
    REQUIRE(first.status == 200);
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 1);
    // Slack did not get the ack (say), and sends the same envelope again, retry_attempt 1, on the same link.
    const auto link = f.newest();
    json::object payload;
    for (const auto& [k, v] : f.command_fields(kAdmin, "campaign create \"Once\" why=\"x\"", "C0GENERAL")) payload[k] = v;
    link->send(testing::envelope_frame("env-retried", "slash_commands", json::serialize(payload), true, 1));
    REQUIRE(link->wait_messages(
        [](const std::vector<std::string>& all) {
            std::size_t acks = 0;
            for (const auto& m : all) acks += is_ack_for(m, "env-retried");
            return acks == 2;
        },
        milliseconds(5000)));
    REQUIRE(f.socket->drain(seconds(5)));
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 1);
    std::vector<std::string> acks;
    for (const auto& m : link->messages())
        if (is_ack_for(m, "env-retried")) acks.push_back(m);
    REQUIRE(acks.size() == 2);
    CHECK(acks[0] == acks[1]);  // the same answer again

    // Events: the same rule (and the adapter's event_id dedupe behind it).
    const json::object msg{{"type", "message"}, {"channel_type", "im"}, {"user", "U1"}, {"channel", "DU1"},
                           {"text", "help"}, {"ts", "1700000000.2"}};
    const auto before = f.fake.calls("chat.postMessage").size();
    REQUIRE(f.envelope("events_api", SlackCore::event_callback("Ev7", msg), false, nullptr, "env-ev").status == 200);
    REQUIRE(f.adapter->drain(seconds(5)));
    const auto answered = f.fake.calls("chat.postMessage").size();
    CHECK(answered > before);  // the answer to "help"
    REQUIRE(f.envelope("events_api", SlackCore::event_callback("Ev7", msg), false, nullptr, "env-ev").status == 200);
    REQUIRE(f.adapter->drain(seconds(5)));
    CHECK(f.fake.calls("chat.postMessage").size() == answered);  // not answered twice
}

TEST_CASE("refresh_requested: the replacement opens first, the old link's envelope is still acked, then it closes",
          "[socket]") {
    SocketFixture f;
    const auto old_link = f.newest();
    f.server.set_auto_hello(false);  // the replacement's hello comes when the test says
    old_link->send(testing::disconnect_frame("refresh_requested"));
    const auto new_link = f.server.link(1);
    REQUIRE(new_link);
    CHECK(new_link->target() == "/link/?ticket=t2");  // a fresh URL

    // During the handover an envelope arrives on the old link: it is handled and acked there.
    auto r = f.envelope("slash_commands", [&] {
        json::object p;
        for (const auto& [k, v] : f.command_fields("U1", "me", "C0GENERAL")) p[k] = v;
        return p;
    }(), true, old_link);
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body).at("response_type").as_string() == "ephemeral");
    CHECK_FALSE(old_link->closed());  // kept until the replacement said hello

    new_link->hello();
    REQUIRE(old_link->wait_closed(milliseconds(5000)));
    CHECK(old_link->closed_by_client());
    CHECK_FALSE(new_link->closed());
    REQUIRE(f.socket->wait_for([](const auto& s) { return s.connected == 1; }, milliseconds(5000)));
    // The new link serves.
    f.server.set_auto_hello(true);
    CHECK(f.command("U2", "me").status == 200);
    CHECK(f.server.links() == 2);
}

TEST_CASE("disconnect warning: replaced the same way", "[socket]") {
    SocketFixture f;
    const auto old_link = f.newest();
    old_link->send(testing::disconnect_frame("warning"));
    REQUIRE(old_link->wait_closed(milliseconds(5000)));
    CHECK(old_link->closed_by_client());
    REQUIRE(f.server.link(1));
    CHECK_FALSE(f.server.link(1)->closed());
    REQUIRE(f.connected(1));
    CHECK(f.command("U1", "me").status == 200);
}

TEST_CASE("the server closing the socket abruptly: reconnects on a fresh URL", "[socket]") {
    SocketFixture f;
    f.newest()->drop();
    REQUIRE(f.server.link(1));
    REQUIRE(f.connected(1));
    CHECK(f.server.link(1)->target() == "/link/?ticket=t2");
    CHECK(f.command("U1", "me").status == 200);

    f.newest()->close();  // a clean close from the server: the same
    REQUIRE(f.server.link(2));
    REQUIRE(f.connected(1));
    CHECK(tickets_used(f.server).size() == 3);
}

TEST_CASE("a server that stops answering pings: the zombie link is found and replaced", "[socket]") {
    SocketFixture f;
    const auto zombie = f.newest();
    zombie->stop_answering();
    // One more message from the client (an ack) and the fake reads no more: pings go unanswered.
    REQUIRE(f.command("U1", "me").status == 200);
    REQUIRE(f.server.link(1, milliseconds(5000)));
    REQUIRE(f.connected(1));
    CHECK(f.server.link(1)->target() == "/link/?ticket=t2");
    CHECK(f.command("U2", "me").status == 200);
}

TEST_CASE("apps.connections.open failing several times: retried with backoff until it works", "[socket]") {
    auto options = fast_socket_options();
    SocketFixture f(options, false);
    f.fake.script("apps.connections.open",
                  {FakeSlack::rate_limited(0), FakeSlack::error("internal_error"), FakeSlack::error("invalid_auth"),
                   FakeSlack::server_error(), FakeSlack::server_error(), FakeSlack::server_error(),
                   FakeSlack::server_error(), FakeSlack::server_error()});
    f.socket->start();
    REQUIRE(f.connected(1, milliseconds(10000)));
    CHECK(f.fake.calls("apps.connections.open").size() == 9);
    CHECK(f.server.links() == 1);
    CHECK(f.socket->status().last_error.empty());
    CHECK(f.command("U1", "me").status == 200);
}

TEST_CASE("while apps.connections.open fails, the status says why", "[socket]") {
    SocketFixture f(fast_socket_options(), false);
    f.fake.script("apps.connections.open", std::vector<testing::Scripted>(50, FakeSlack::error("invalid_auth")));
    f.socket->start();
    REQUIRE(f.socket->wait_for([](const auto& s) { return !s.last_error.empty(); }, milliseconds(5000)));
    const auto status = f.socket->status();
    CHECK_FALSE(status.ready());
    CHECK(status.describe().find("invalid_auth") != std::string::npos);
}

TEST_CASE("link_disabled: every connection stops and the status says so", "[socket]") {
    SocketFixture f(fast_socket_options(2));
    f.server.link(0)->send(testing::disconnect_frame("link_disabled"));
    REQUIRE(f.socket->wait_for([](const auto& s) { return s.link_disabled && s.connected == 0; }, milliseconds(5000)));
    CHECK_FALSE(f.socket->status().ready());
    CHECK(f.socket->status().describe() == "Slack disabled the Socket Mode link (link_disabled)");
    CHECK(f.server.link(0)->wait_closed(milliseconds(5000)));
    CHECK(f.server.link(1)->wait_closed(milliseconds(5000)));
    CHECK(f.server.links() == 2);  // no reconnection
}

TEST_CASE("several connections: each on its own URL, an envelope on any of them is handled", "[socket]") {
    SocketFixture f(fast_socket_options(3));
    CHECK(f.server.links() == 3);
    CHECK(tickets_used(f.server).size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        json::object p;
        for (const auto& [k, v] : f.command_fields("U" + std::to_string(i), "me", "C0GENERAL")) p[k] = v;
        CHECK(f.envelope("slash_commands", p, true, f.server.link(i)).status == 200);
    }
    CHECK(f.scalar("SELECT count(*) FROM users") == 3);
    f.server.link(1)->drop();
    REQUIRE(f.server.link(3));
    REQUIRE(f.socket->wait_for([](const auto& s) { return s.connected == 3; }, milliseconds(5000)));
}

TEST_CASE("apps.connections.open unreachable (connections dropped): retried until it answers", "[socket]") {
    // A Web API that cuts the first 6 requests without answering, then gives the URL.
    testing::FakeSocketServer links;
    testing::FakeHttpServer api;
    api.route("/api/apps.connections.open", [&](const testing::FakeRequest&, int nth) {
        testing::FakeReply reply;
        reply.drop = nth <= 6;
        reply.headers = {{"Content-Type", "application/json"}};
        reply.body = json::serialize(json::object{{"ok", true}, {"url", links.url("after-drops")}});
        return reply;
    });
    net::ClientOptions client_options;
    client_options.retry.base_delay = milliseconds(10);
    client_options.retry.max_delay = milliseconds(50);
    net::HttpClient client(client_options);
    slack::socket_mode::SocketModeClient socket(
        client, "http://127.0.0.1:" + std::to_string(api.port()) + "/api", "xapp-test-token",
        [](std::string_view, json::object, int, std::string_view) { return server::HttpResponse::text(200, ""); },
        fast_socket_options());
    socket.start();
    REQUIRE(socket.wait_for([](const auto& s) { return s.connected == 1; }, milliseconds(10'000)));
    CHECK(api.requests().size() == 7);
    CHECK(api.requests().back().header("Authorization") == "Bearer xapp-test-token");
    REQUIRE(links.link(0));
    CHECK(links.link(0)->target() == "/link/?ticket=after-drops");
    socket.stop();
}
