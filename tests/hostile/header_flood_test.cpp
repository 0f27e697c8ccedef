// Header floods: many headers, one huge header, a huge request line. 431 and closed, with nothing executed, and the
// server keeps serving others.
#include <catch2/catch.hpp>

#include "tests/hostile/hostile_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

namespace {

// Sends `request` and expects `status`, then the connection closed.
void refused_with(const HostileServer& f, const std::string& request, int status) {
    testing::RawClient c(f.port);
    c.send(request);  // the server may hang up before taking every byte: what it answered is what counts
    const auto response = c.read_response();
    REQUIRE(response);
    CHECK(testing::status_of(*response) == status);
    CHECK(c.wait_closed());
}

}  // namespace

TEST_CASE("header floods get a 431 and the connection closed", "[hostile][headers]") {
    HostileServer f;  // header limit: 8 KiB
    const std::string command = f.command_request("campaign create \"Flood\" why=\"x\"");
    const auto split = command.find("\r\n") + 2;  // after the request line

    SECTION("10,000 small headers") {
        std::string many;
        for (int i = 0; i < 10'000; ++i) many += "X-Flood-" + std::to_string(i) + ": a\r\n";
        refused_with(f, command.substr(0, split) + many + command.substr(split), 431);
    }
    SECTION("one 1 MiB header") {
        refused_with(f, command.substr(0, split) + "X-Big: " + std::string(1024 * 1024, 'a') + "\r\n" +
                            command.substr(split), 431);
    }
    SECTION("a 64 KiB request target") {
        refused_with(f, "GET /healthz?" + std::string(64 * 1024, 'q') + " HTTP/1.1\r\nHost: x\r\n\r\n", 431);
    }
    SECTION("a head that never ends, sent fast") {
        std::string endless = "GET /healthz HTTP/1.1\r\n";
        while (endless.size() < 256 * 1024) endless += "X: y\r\n";
        refused_with(f, endless, 431);
    }
    // Nothing of the flooded command ran, and the server serves the next client.
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.fake.calls().empty());
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 0);
    int status = 0;
    CHECK(f.healthz_latency(&status) < kPrompt);
    CHECK(status == 200);
}

TEST_CASE("a head just under the limit is still served (the 431 is not a false alarm)", "[hostile][headers]") {
    HostileServer f;
    std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    while (request.size() < 7 * 1024) request += "X-Pad: " + std::string(100, 'p') + "\r\n";
    CHECK(f.status_of(request + "\r\n") == 200);
}
