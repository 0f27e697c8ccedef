// Slowloris: clients that send their headers at 1 byte per second. The header timeout (the whole head, not each
// byte) answers 408 and closes; other clients are served promptly all along.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "tests/hostile/hostile_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

TEST_CASE("headers at 1 byte/s: 408 and closed at the header timeout, others served meanwhile", "[hostile]") {
    HostileServer f;  // header_timeout: 2 s
    const std::string head = f.command_request("stats");
    constexpr int kSlowClients = 50;
    std::vector<std::unique_ptr<testing::RawClient>> slow;
    for (int i = 0; i < kSlowClients; ++i) slow.push_back(std::make_unique<testing::RawClient>(f.port, seconds(10)));

    // The attacker's pace is the point of the test: one byte per client per second until the server hangs up.
    const auto start = steady_clock::now();
    std::vector<bool> refused(kSlowClients, false);
    milliseconds worst_other{0};
    for (std::size_t sent = 0; sent < 3; ++sent) {  // bytes at 0, 1 and 2 s: the last races the timeout
        for (int i = 0; i < kSlowClients; ++i) {
            if (!refused[i]) refused[i] = !slow[i]->send(head.substr(sent, 1));
        }
        int status = 0;
        worst_other = std::max(worst_other, f.healthz_latency(&status));
        CHECK(status == 200);
        std::this_thread::sleep_until(start + seconds(sent + 1));
    }
    CHECK(worst_other < kPrompt);
    for (int i = 0; i < kSlowClients; ++i) {
        const auto response = slow[i]->read_response();
        REQUIRE(response);
        CHECK(testing::status_of(*response) == 408);
        CHECK(slow[i]->wait_closed());
    }
    // Cut off at the header timeout, not after the whole (never finished) head.
    CHECK(steady_clock::now() - start < seconds(10));
    CHECK(eventually([&] { return f.http->active_connections() == 0; }, seconds(5)));
    // Nothing was executed: the command's head never completed.
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.fake.calls().empty());
}

TEST_CASE("a client that connects and sends nothing is cut off at the header timeout too", "[hostile]") {
    HostileServer f;
    testing::RawClient silent(f.port, seconds(10));
    const auto start = steady_clock::now();
    const auto response = silent.read_response();
    REQUIRE(response);
    CHECK(testing::status_of(*response) == 408);
    CHECK(silent.wait_closed());
    CHECK(steady_clock::now() - start >= milliseconds(1900));
    CHECK(steady_clock::now() - start < seconds(8));
}
