// net::HttpClient over real loopback sockets against the scriptable fake server: round trips, keep-alive,
// concurrency limits, 429 pauses per key, retries with backoff, timeouts, dropped connections, limits, shutdown.
#include <catch2/catch.hpp>

#include <atomic>
#include <memory>

#include "bot/net/http_client.hpp"
#include "tests/net/client_harness.hpp"
#include "tests/net/fake_http_server.hpp"

using namespace advocacy;
using namespace advocacy::testing;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

FakeReply ok(std::string body = "ok") {
    FakeReply r;
    r.body = std::move(body);
    return r;
}

FakeReply status(int code, FakeHeaders headers = {}) {
    FakeReply r;
    r.status = code;
    r.headers = std::move(headers);
    r.body = std::to_string(code);
    return r;
}

}  // namespace

TEST_CASE("POST round trip carries method, target, headers, content type and body") {
    FakeHttpServer server;
    server.route("/api/echo", [](const FakeRequest& req, int) {
        FakeReply r = ok("got:" + req.body);
        r.headers = {{"X-Echo", req.header("X-Custom")}, {"Content-Type", "text/plain"}};
        return r;
    });
    net::HttpClient client(fast_client_options());

    net::ClientRequest request = post(server.url("/api/echo?channel=C1&x=%20y"), "hello body");
    request.headers = {{"Authorization", "Bearer xoxb-secret"}, {"X-Custom", "value 1"}};
    request.content_type = "application/json; charset=utf-8";
    const auto result = client.call(request);

    REQUIRE(result.ok());
    CHECK(result.error.empty());
    CHECK(result.response->status == 200);
    CHECK(result.response->body == "got:hello body");
    CHECK(result.response->header("x-echo") == "value 1");  // case-insensitive lookup
    CHECK(result.response->header("X-Absent").empty());
    CHECK(result.attempts == 1);
    CHECK(result.rate_limited == 0);

    const auto seen = server.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].target == "/api/echo?channel=C1&x=%20y");
    CHECK(seen[0].header("Authorization") == "Bearer xoxb-secret");
    CHECK(seen[0].header("Content-Type") == "application/json; charset=utf-8");
    CHECK(seen[0].header("Host") == "127.0.0.1:" + std::to_string(server.port()));
    CHECK(seen[0].body == "hello body");

    SECTION("a GET without a body, and a 4xx is a response for the caller to judge") {
        net::ClientRequest get;
        get.method = "GET";
        get.url = server.url("/nowhere");
        const auto r = client.call(get);
        REQUIRE(r.ok());
        CHECK(r.response->status == 404);
        CHECK(r.attempts == 1);
        CHECK(server.requests().back().method == "GET");
    }
}

TEST_CASE("keep-alive: 100 sequential calls use one connection") {
    FakeHttpServer server;
    server.route("/ok", [](const FakeRequest& req, int nth) { return ok(req.body + "#" + std::to_string(nth)); });
    auto options = fast_client_options();
    options.io_threads = 1;  // the production default
    net::HttpClient client(options);
    for (int i = 1; i <= 100; ++i) {
        const auto r = client.call(post(server.url("/ok"), "call"));
        REQUIRE(r.ok());
        REQUIRE(r.response->body == "call#" + std::to_string(i));
    }
    CHECK(server.connections_accepted() == 1);
    CHECK(server.requests().size() == 100);
}

TEST_CASE("concurrency: 50 parallel calls complete within max_connections_per_host") {
    FakeHttpServer server;
    server.route("/id", [](const FakeRequest& req, int) {
        FakeReply r = ok("id=" + req.body);
        r.delay = 5ms;  // long enough for requests to overlap
        return r;
    });
    auto options = fast_client_options();
    options.max_connections_per_host = 4;
    options.max_in_flight_per_key = 16;
    options.io_threads = 2;
    net::HttpClient client(options);
    Results results;
    for (int i = 0; i < 50; ++i) client.send(post(server.url("/id"), std::to_string(i)), results.slot(i));
    REQUIRE(results.wait_for(50));
    for (int i = 0; i < 50; ++i) {
        const auto r = results.result(i);
        REQUIRE(r.ok());
        CHECK(r.response->body == "id=" + std::to_string(i));
        CHECK(results.runs(i) == 1);
    }
    CHECK(server.connections_accepted() >= 1);
    CHECK(server.connections_accepted() <= 4);
    CHECK(server.max_concurrent_requests() <= 4);
}

TEST_CASE("max_in_flight_per_key bounds one key, not the others") {
    FakeHttpServer server;
    server.route("/slow", [](const FakeRequest&, int) {
        FakeReply r = ok();
        r.delay = 30ms;
        return r;
    });
    auto options = fast_client_options();
    options.max_connections_per_host = 8;
    options.max_in_flight_per_key = 2;
    net::HttpClient client(options);
    Results results;
    for (int i = 0; i < 8; ++i) client.send(post(server.url("/slow"), {}, "slack:chat.postMessage"), results.slot(i));
    REQUIRE(results.wait_for(8));
    CHECK(server.max_concurrent_requests() == 2);

    // Two keys at two each: four at once.
    FakeHttpServer second;
    second.route("/slow", [](const FakeRequest&, int) {
        FakeReply r = ok();
        r.delay = 100ms;
        return r;
    });
    Results more;
    for (int i = 0; i < 8; ++i)
        client.send(post(second.url("/slow"), {}, i % 2 ? "key-a" : "key-b"), more.slot(i));
    REQUIRE(more.wait_for(8));
    CHECK(second.max_concurrent_requests() <= 4);
    CHECK(second.max_concurrent_requests() > 2);
}

TEST_CASE("429 with Retry-After pauses that key's queue, not the others") {
    FakeHttpServer server;
    server.route("/limited", [](const FakeRequest&, int nth) {
        return nth == 1 ? status(429, {{"Retry-After", "1"}}) : ok("limited-ok");
    });
    server.route("/other", [](const FakeRequest&, int) { return ok("other-ok"); });
    auto options = fast_client_options();
    options.max_in_flight_per_key = 1;
    net::HttpClient client(options);
    Results results;
    client.send(post(server.url("/limited"), "A", "slack:chat.postMessage"), results.slot(0));
    client.send(post(server.url("/limited"), "A2", "slack:chat.postMessage"), results.slot(1));
    client.send(post(server.url("/other"), "B", "slack:users.info"), results.slot(2));
    REQUIRE(results.wait_for(3));

    const auto a = results.result(0);
    REQUIRE(a.ok());
    CHECK(a.response->status == 200);
    CHECK(a.response->body == "limited-ok");
    CHECK(a.rate_limited == 1);
    CHECK(a.attempts == 2);
    const auto a2 = results.result(1);
    REQUIRE(a2.ok());
    CHECK(a2.response->status == 200);
    CHECK(a2.rate_limited == 0);
    REQUIRE(results.result(2).ok());

    // Server-side arrival times: the first /limited got the 429 at t0.
    Clock::time_point t0{}, a_retry{}, a2_sent{}, b_sent{};
    int limited_seen = 0;
    for (const auto& req : server.requests()) {
        if (req.path == "/limited" && req.body == "A") (limited_seen++ == 0 ? t0 : a_retry) = req.received;
        if (req.path == "/limited" && req.body == "A2") a2_sent = req.received;
        if (req.path == "/other") b_sent = req.received;
    }
    REQUIRE(limited_seen == 2);
    CHECK(a_retry - t0 >= 1s);  // the retry waited out Retry-After
    CHECK(a2_sent - t0 >= 1s);  // and nothing else of that key went out meanwhile
    CHECK(a2_sent >= a_retry);  // the rate-limited call kept its place at the head
    CHECK(b_sent - t0 < 1s);    // another key was not paused
    CHECK(results.done_at(2) < results.done_at(0));
}

TEST_CASE("a huge Retry-After is clamped to max_retry_after") {
    FakeHttpServer server;
    server.route("/limited", [](const FakeRequest&, int nth) {
        return nth == 1 ? status(429, {{"Retry-After", "3600"}}) : ok();
    });
    auto options = fast_client_options();
    options.retry.max_retry_after = 50ms;
    net::HttpClient client(options);
    const auto started = Clock::now();
    const auto r = client.call(post(server.url("/limited")));
    REQUIRE(r.ok());
    CHECK(r.response->status == 200);
    CHECK(r.rate_limited == 1);
    CHECK(Clock::now() - started < 5s);
}

TEST_CASE("a Retry-After beyond max_total_time returns the 429 to the caller") {
    FakeHttpServer server;
    server.route("/limited", [](const FakeRequest&, int) { return status(429, {{"Retry-After", "30"}}); });
    auto options = fast_client_options();
    options.retry.max_retry_after = 60s;
    options.retry.max_total_time = 2s;
    net::HttpClient client(options);
    const auto r = client.call(post(server.url("/limited")));
    REQUIRE(r.ok());
    CHECK(r.response->status == 429);
    CHECK(r.response->header("Retry-After") == "30");
    CHECK(server.requests().size() == 1);
}

TEST_CASE("5xx are retried with backoff until success") {
    FakeHttpServer server;
    server.route("/flaky", [](const FakeRequest&, int nth) { return nth <= 2 ? status(nth == 1 ? 500 : 503) : ok("finally"); });
    net::HttpClient client(fast_client_options());
    const auto r = client.call(post(server.url("/flaky"), "x"));
    REQUIRE(r.ok());
    CHECK(r.response->status == 200);
    CHECK(r.response->body == "finally");
    CHECK(r.attempts == 3);
    CHECK(server.requests().size() == 3);
}

TEST_CASE("500 forever: gives up after max_attempts with the last 5xx") {
    FakeHttpServer server;
    server.route("/broken", [](const FakeRequest&, int) { return status(500); });
    auto options = fast_client_options();
    options.retry.max_attempts = 4;
    net::HttpClient client(options);
    const auto r = client.call(post(server.url("/broken")));
    CHECK(r.attempts == 4);
    CHECK(server.requests().size() == 4);
    REQUIRE(r.response);
    CHECK(r.response->status == 500);
}

TEST_CASE("max_total_time bounds a call whatever max_attempts says") {
    FakeHttpServer server;
    server.route("/broken", [](const FakeRequest&, int) {
        FakeReply r = status(503);
        r.delay = 20ms;
        return r;
    });
    auto options = fast_client_options();
    options.retry.max_attempts = 1000;
    options.retry.max_total_time = 300ms;
    net::HttpClient client(options);
    const auto started = Clock::now();
    const auto r = client.call(post(server.url("/broken")));
    CHECK(Clock::now() - started < 3s);
    CHECK(r.attempts >= 2);
    CHECK(r.attempts < 1000);
}

TEST_CASE("connection refused: retried, then an error after max_attempts") {
    std::string url;
    {
        FakeHttpServer gone;
        url = gone.url("/x");
    }
    auto options = fast_client_options();
    options.retry.max_attempts = 3;
    net::HttpClient client(options);
    const auto r = client.call(post(url));
    REQUIRE_FALSE(r.ok());
    CHECK(r.attempts == 3);
    CHECK(r.error.find("connect") != std::string::npos);
}

TEST_CASE("a response slower than request_timeout is retried") {
    FakeHttpServer server;
    server.route("/slow-once", [](const FakeRequest&, int nth) {
        FakeReply r = ok("second");
        if (nth == 1) r.delay = 10s;
        return r;
    });
    auto options = fast_client_options();
    options.request_timeout = 200ms;
    net::HttpClient client(options);
    const auto started = Clock::now();
    const auto r = client.call(post(server.url("/slow-once")));
    REQUIRE(r.ok());
    CHECK(r.response->body == "second");
    CHECK(r.attempts == 2);
    CHECK(Clock::now() - started < 5s);
    CHECK(server.connections_accepted() == 2);  // the timed-out connection is not reused
}

TEST_CASE("a connection dropped mid-request is retried on a fresh connection") {
    FakeHttpServer server;
    server.route("/drop-once", [](const FakeRequest&, int nth) {
        FakeReply r = ok("after drop");
        r.drop = nth == 1;
        return r;
    });
    net::HttpClient client(fast_client_options());
    const auto r = client.call(post(server.url("/drop-once")));
    REQUIRE(r.ok());
    CHECK(r.response->body == "after drop");
    CHECK(r.attempts == 2);
    CHECK(server.connections_accepted() == 2);
    const auto seen = server.requests();
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].connection != seen[1].connection);
}

TEST_CASE("a kept-alive connection the server drops is resent once on a fresh one, transparently") {
    FakeHttpServer server;
    server.route("/ok", [](const FakeRequest&, int) { return ok(); });
    server.route("/drop-once", [](const FakeRequest&, int nth) {
        FakeReply r = ok("resent");
        r.drop = nth == 1;
        return r;
    });
    net::HttpClient client(fast_client_options());
    REQUIRE(client.call(post(server.url("/ok"))).ok());
    const auto r = client.call(post(server.url("/drop-once")));
    REQUIRE(r.ok());
    CHECK(r.response->body == "resent");
    CHECK(r.attempts == 1);  // the stale-connection resend is not an attempt
    CHECK(server.connections_accepted() == 2);
    const auto seen = server.requests();
    REQUIRE(seen.size() == 3);
    CHECK(seen[1].connection == 1);
    CHECK(seen[2].connection == 2);
}

TEST_CASE("a response over max_response_bytes is an error, not retried") {
    FakeHttpServer server;
    server.route("/big", [](const FakeRequest&, int) { return ok(std::string(5000, 'x')); });
    server.route("/small", [](const FakeRequest&, int) { return ok(std::string(1000, 'y')); });
    auto options = fast_client_options();
    options.max_response_bytes = 1000;
    net::HttpClient client(options);
    const auto r = client.call(post(server.url("/big")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.find("larger than 1000 bytes") != std::string::npos);
    CHECK(r.attempts == 1);
    CHECK(server.requests().size() == 1);
    const auto fits = client.call(post(server.url("/small")));
    REQUIRE(fits.ok());
    CHECK(fits.response->body.size() == 1000);
}

TEST_CASE("bad URLs and headers fail at once, without touching the network") {
    FakeHttpServer server;
    net::HttpClient client(fast_client_options());
    auto r = client.call(post("ftp://127.0.0.1/x"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.attempts == 0);
    CHECK(r.error.find("invalid URL") != std::string::npos);

    auto bad = post(server.url("/x"));
    bad.headers = {{"X-Injected", "a\r\nEvil: yes"}};
    r = client.call(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.find("invalid request") != std::string::npos);
    CHECK(server.connections_accepted() == 0);
}

TEST_CASE("call() from the client's own callback refuses instead of deadlocking") {
    FakeHttpServer server;
    server.route("/ok", [](const FakeRequest&, int) { return ok(); });
    net::HttpClient client(fast_client_options());
    Results results;
    client.send(post(server.url("/ok")), [&](net::ClientResult) {
        results.slot(0)(client.call(post(server.url("/ok"))));
    });
    REQUIRE(results.wait_for(1));
    const auto inner = results.result(0);
    REQUIRE_FALSE(inner.ok());
    CHECK(inner.error.find("deadlock") != std::string::npos);
}

TEST_CASE("destructor with calls pending returns promptly and every callback runs once with an error") {
    FakeHttpServer server;
    server.route("/hang", [](const FakeRequest&, int) {
        FakeReply r = ok();
        r.delay = 60s;  // cut short when the server stops
        return r;
    });
    server.route("/fail", [](const FakeRequest&, int) { return status(500); });
    Results results;
    constexpr int kCalls = 12;
    auto options = fast_client_options();
    options.max_in_flight_per_key = 2;
    options.retry.base_delay = 10s;  // the /fail calls sit in backoff
    options.retry.max_delay = 10s;
    auto client = std::make_unique<net::HttpClient>(options);
    for (int i = 0; i < 10; ++i) client->send(post(server.url("/hang"), std::to_string(i), "hang"), results.slot(i));
    client->send(post(server.url("/fail"), {}, "fail"), results.slot(10));
    client->send(post(server.url("/fail"), {}, "fail"), results.slot(11));
    REQUIRE(server.wait_for_requests(4, 10s));  // two hanging on the wire, two /fail answered (then backing off)

    const auto started = Clock::now();
    client.reset();
    CHECK(Clock::now() - started < 2s);

    REQUIRE(results.wait_for(kCalls, 1s));
    for (int i = 0; i < kCalls; ++i) {
        CHECK(results.runs(i) == 1);
        const auto r = results.result(i);
        CHECK_FALSE(r.ok());
        CHECK(r.error.find("shut down") != std::string::npos);
    }
}
