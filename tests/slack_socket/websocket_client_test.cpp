// net::WebSocketClient against the fake server: ws:// and wss:// (throwaway CA, SNI, host-name verification),
// messages both ways, a clean close, a server that stops answering pings, a server that vanishes.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <fstream>
#include <mutex>

#include "bot/net/websocket_client.hpp"
#include "tests/net/test_pki.hpp"
#include "tests/slack_socket/fake_socket_server.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::testing;
using namespace std::chrono;

namespace {

const TestPki& pki() {
    static const TestPki made = make_test_pki();
    return made;
}

// What one connection reported, waited on with deadlines.
struct Recorder {
    std::mutex mutex;
    std::condition_variable changed;
    bool opened = false;
    std::vector<std::string> messages;
    std::optional<net::WebSocketClosed> closed;

    net::WebSocketHandlers handlers() {
        net::WebSocketHandlers h;
        h.on_open = [this] { update([&] { opened = true; }); };
        h.on_message = [this](std::string m) { update([&] { messages.push_back(std::move(m)); }); };
        h.on_close = [this](const net::WebSocketClosed& c) { update([&] { closed = c; }); };
        return h;
    }
    template <class F>
    void update(F f) {
        const std::lock_guard lock(mutex);
        f();
        changed.notify_all();  // under the lock: the test may end (and free this) as soon as its wait returns
    }
    template <class P>
    bool wait(P pred, milliseconds timeout = milliseconds(5000)) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, pred);
    }
};

net::WebSocketOptions fast(const std::optional<std::filesystem::path>& ca = std::nullopt) {
    net::WebSocketOptions o;
    o.connect_timeout = milliseconds(3000);
    o.ping_interval = milliseconds(50);
    o.pong_timeout = milliseconds(300);
    o.idle_timeout = milliseconds(5000);
    o.close_timeout = milliseconds(500);
    o.extra_ca_file = ca;
    return o;
}

}  // namespace

TEST_CASE("ws://: open, messages both ways, pings answered, a clean close by us", "[socket][websocket]") {
    FakeSocketServer server;
    net::WebSocketClient client(fast());
    Recorder r;
    const auto c = client.connect(server.url("abc"), r.handlers());
    REQUIRE(r.wait([&] { return r.opened && !r.messages.empty(); }));  // the fake says hello at once
    CHECK(c->is_open());
    const auto link = server.link(0);
    REQUIRE(link);
    CHECK(link->target() == "/link/?ticket=abc");
    c->send("one");
    c->send("two");
    REQUIRE(link->wait_message([](const std::string& m) { return m == "two"; }, milliseconds(5000)));
    CHECK(link->messages() == std::vector<std::string>{"one", "two"});  // in order
    // Several ping intervals go by: the pongs keep the link alive.
    REQUIRE(link->wait_pings(3, milliseconds(5000)));
    CHECK(c->is_open());
    c->close();
    REQUIRE(r.wait([&] { return r.closed.has_value(); }));
    CHECK(r.closed->by_us);
    CHECK(r.closed->opened);
    CHECK(link->wait_closed(milliseconds(5000)));
    CHECK(link->closed_by_client());
    c->send("after");  // harmless
}

TEST_CASE("a server that stops answering pings is cut after the pong timeout", "[socket][websocket]") {
    FakeSocketServer server;
    net::WebSocketClient client(fast());
    Recorder r;
    const auto c = client.connect(server.url("z"), r.handlers());
    REQUIRE(r.wait([&] { return r.opened; }));
    const auto link = server.link(0);
    link->stop_answering();
    c->send("last words");  // the fake reads this one, then nothing more
    const auto start = steady_clock::now();
    REQUIRE(r.wait([&] { return r.closed.has_value(); }, milliseconds(5000)));
    CHECK(r.closed->reason == "no pong within 300 ms");
    CHECK_FALSE(r.closed->by_us);
    CHECK(steady_clock::now() - start < milliseconds(3000));
    CHECK_FALSE(c->is_open());
}

TEST_CASE("a server that vanishes, a refused port, a bad URL: each ends in on_close", "[socket][websocket]") {
    net::WebSocketClient client(fast());
    std::uint16_t port = 0;
    {
        FakeSocketServer server;
        port = server.port();
        Recorder r;
        const auto c = client.connect(server.url("d"), r.handlers());
        REQUIRE(r.wait([&] { return r.opened; }));
        server.link(0)->drop();
        REQUIRE(r.wait([&] { return r.closed.has_value(); }));
        CHECK(r.closed->opened);
        CHECK(r.closed->reason.starts_with("connection lost"));
    }
    Recorder refused;
    client.connect("ws://127.0.0.1:" + std::to_string(port) + "/", refused.handlers());
    REQUIRE(refused.wait([&] { return refused.closed.has_value(); }));
    CHECK_FALSE(refused.closed->opened);
    CHECK(refused.closed->reason.starts_with("cannot connect"));

    Recorder bad;
    client.connect("https://127.0.0.1/", bad.handlers());
    REQUIRE(bad.wait([&] { return bad.closed.has_value(); }));
    CHECK(bad.closed->reason == "bad URL: only ws and wss URLs are supported");
}

TEST_CASE("wss://: the extra CA is trusted, with SNI, and a certificate for another host is refused", "[socket][websocket]") {
    TempDir dir;
    const auto ca = dir.file("ca.pem");
    std::ofstream(ca) << pki().ca_pem;
    net::WebSocketClient client(fast(ca));
    {
        FakeSocketServer server(FakeTls{pki().localhost_cert_pem, pki().localhost_key_pem});
        for (const std::string host : {"localhost", "127.0.0.1"}) {
            INFO(host);
            Recorder r;
            const auto c = client.connect(server.url("tls", host), r.handlers());
            REQUIRE(r.wait([&] { return r.opened && !r.messages.empty(); }));
            c->close();
            REQUIRE(r.wait([&] { return r.closed.has_value(); }));
        }
    }
    FakeSocketServer other(FakeTls{pki().other_cert_pem, pki().other_key_pem});
    Recorder r;
    client.connect(other.url("tls", "localhost"), r.handlers());
    REQUIRE(r.wait([&] { return r.closed.has_value(); }));
    CHECK_FALSE(r.closed->opened);
    CHECK(r.closed->reason.starts_with("TLS certificate verification failed"));
}
