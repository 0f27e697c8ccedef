// Socket Mode's WebSocket failing (issue 8): apps.connections.open rate-limited, then a link URL whose port refuses
// connections, a link that never says hello (stalled), a link cut in the middle of a frame, and garbage frames on
// a healthy link. The client backs off, reconnects on a fresh URL each time, and then handles an envelope.
#include <catch2/catch.hpp>

#include <atomic>
#include <iostream>

#include "tests/faults/cut_frame_server.hpp"
#include "tests/slack_socket/socket_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;
using namespace std::chrono;

TEST_CASE("socket mode: rate-limited, refused, stalled, cut mid-frame and garbled links, then an envelope is handled") {
    SocketFixture f(fast_socket_options(), false);
    f.server.set_auto_hello(false);  // the test says hello on the links that should be healthy
    // A port nothing listens on any more.
    const std::uint16_t refused_port = [] {
        testing::FakeHttpServer gone;
        return gone.port();
    }();
    faults_test::CutFrameServer cut;
    std::atomic<int> opened{0};
    f.fake.set_socket_url([&]() -> std::string {
        switch (++opened) {
            case 1: return "ws://127.0.0.1:" + std::to_string(refused_port) + "/link/?ticket=refused";
            case 2: return f.server.url("stalled");
            case 3: return cut.url();
            default: return f.server.url("t" + std::to_string(opened.load()));
        }
    });
    // The first two apps.connections.open calls are rate limited (Retry-After: 1 s each).
    f.fake.script("apps.connections.open", {testing::FakeSlack::rate_limited(1), testing::FakeSlack::rate_limited(1)});

    const auto t0 = steady_clock::now();
    f.socket->start();
    const auto stalled = f.server.link(0, milliseconds(10'000));
    REQUIRE(stalled);
    CHECK(stalled->target() == "/link/?ticket=stalled");
    const auto healthy = f.server.link(1, milliseconds(15'000));
    REQUIRE(healthy);
    CHECK(healthy->target() == "/link/?ticket=t4");
    healthy->hello();
    REQUIRE(f.connected(1));
    const auto recovered = duration_cast<milliseconds>(steady_clock::now() - t0);
    std::cout << "socket mode: connected after " << recovered.count() << " ms (2 x 429, refused, stalled, cut)\n";

    // Each failure cost one apps.connections.open (a fresh URL), after the two rate-limited ones were waited out.
    CHECK(f.fake.calls("apps.connections.open").size() == 6);
    CHECK(recovered >= milliseconds(2000));  // Retry-After honoured twice
    CHECK(cut.handshakes() == 1);
    CHECK(stalled->wait_closed(milliseconds(5000)));  // the link without hello was given up

    // Garbage on the healthy link is ignored; the link stays and still handles an envelope.
    healthy->send("not json {");
    healthy->send(R"({"type":"surprise"})");
    healthy->send(R"({"envelope_id":42,"type":"events_api"})");
    healthy->send("[]");
    CHECK(f.command("U1", "me").status == 200);
    CHECK(f.scalar("SELECT count(*) FROM users") == 1);
    CHECK(f.server.links() == 2);  // no reconnection because of garbage
    CHECK_FALSE(healthy->closed());
}
