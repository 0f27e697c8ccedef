// The HTTP server over real loopback sockets: routing, limits, timeouts, keep-alive, shutdown.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <latch>
#include <string>

#include "bot/server/server.hpp"
#include "tests/server/raw_client.hpp"

using namespace advocacy::server;
using advocacy::testing::RawClient;
using advocacy::testing::body_of;
using advocacy::testing::header_of;
using advocacy::testing::status_of;
using namespace std::chrono_literals;

namespace {

ServerOptions test_options() {
    ServerOptions o;
    o.address = "127.0.0.1";
    o.port = 0;
    o.io_threads = 1;
    o.worker_threads = 2;
    o.shutdown_grace = 5s;
    return o;
}

Router echo_router() {
    Router r;
    r.add("GET", "/hello", [](const HttpRequest&) { return HttpResponse::text(200, "hello"); });
    r.add("POST", "/echo", [](const HttpRequest& req) { return HttpResponse::text(200, req.body); },
          RouteOptions{.body_limit = 1000});
    r.add("GET", "/items/*", [](const HttpRequest& req) { return HttpResponse::text(200, req.path + "|" + req.query); });
    r.add("GET", "/boom", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("secret detail"); });
    return r;
}

std::string get(const std::string& path, bool close = false) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
}

}  // namespace

TEST_CASE("routes: exact, prefix, 404, 405 with Allow, 500 without details") {
    HttpServer server(test_options(), echo_router());
    const auto port = server.start();
    RawClient c(port);

    REQUIRE(c.send(get("/hello")));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 200);
    CHECK(body_of(*r) == "hello");

    REQUIRE(c.send(get("/items/42?x=1")));
    r = c.read_response();
    REQUIRE(r);
    CHECK(body_of(*r) == "/items/42|x=1");

    REQUIRE(c.send(get("/nope")));
    r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 404);

    REQUIRE(c.send(get("/echo")));
    r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 405);
    CHECK(header_of(*r, "Allow") == "POST");

    REQUIRE(c.send(get("/boom")));
    r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 500);
    CHECK(body_of(*r).find("secret") == std::string::npos);
}

TEST_CASE("keep-alive serves several requests on one connection; Connection: close ends it") {
    HttpServer server(test_options(), echo_router());
    RawClient c(server.start());
    for (int i = 0; i < 3; ++i) {
        REQUIRE(c.send(get("/hello")));
        const auto r = c.read_response();
        REQUIRE(r);
        CHECK(status_of(*r) == 200);
    }
    REQUIRE(c.send(get("/hello", true)));
    REQUIRE(c.read_response());
    CHECK(c.wait_closed());
}

TEST_CASE("a POST body is passed byte for byte") {
    HttpServer server(test_options(), echo_router());
    RawClient c(server.start());
    const std::string body = "a=1&b=%20x\r\n\0z";
    REQUIRE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(body_of(*r) == body);
}

TEST_CASE("oversized headers get 431 and the connection is closed") {
    HttpServer server(test_options(), echo_router());
    RawClient c(server.start());
    REQUIRE(c.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n"));
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 431);
    CHECK(c.wait_closed());
}

TEST_CASE("a body over the route's limit gets 413, announced or chunked") {
    HttpServer server(test_options(), echo_router());
    const auto port = server.start();
    {
        RawClient c(port);
        REQUIRE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"));
        const auto r = c.read_response();
        REQUIRE(r);
        CHECK(status_of(*r) == 413);
        CHECK(c.wait_closed());
    }
    {
        RawClient c(port);
        const std::string chunk(800, 'z');
        REQUIRE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" + chunk +
                       "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n"));
        const auto r = c.read_response();
        REQUIRE(r);
        CHECK(status_of(*r) == 413);
    }
}

TEST_CASE("malformed requests get 400") {
    HttpServer server(test_options(), echo_router());
    RawClient c(server.start());
    REQUIRE(c.send("THIS IS NOT HTTP\r\n\r\n"));
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 400);
}

TEST_CASE("a client that stalls mid-header gets 408 and is cut off") {
    auto options = test_options();
    options.limits.header_timeout = 300ms;
    HttpServer server(options, echo_router());
    RawClient c(server.start());
    REQUIRE(c.send("GET /hello HTTP/1.1\r\nHost: x\r\n"));  // never finishes the header
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 408);
    CHECK(c.wait_closed());
}

TEST_CASE("an idle keep-alive connection is closed after the idle timeout") {
    auto options = test_options();
    options.limits.idle_timeout = 300ms;
    HttpServer server(options, echo_router());
    RawClient c(server.start());
    REQUIRE(c.send(get("/hello")));
    REQUIRE(c.read_response());
    CHECK(c.wait_closed());
    CHECK(server.active_connections() <= 1);
}

TEST_CASE("over the connection limit a client gets 503") {
    auto options = test_options();
    options.limits.max_connections = 1;
    HttpServer server(options, echo_router());
    const auto port = server.start();
    RawClient first(port);
    REQUIRE(first.send(get("/hello")));
    REQUIRE(first.read_response());  // the first connection is established and counted
    RawClient second(port);
    const auto r = second.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 503);
}

TEST_CASE("graceful shutdown finishes the request in flight, then stops") {
    std::latch entered(1), release(1);
    Router router;
    router.add("GET", "/slow", [&](const HttpRequest&) {
        entered.count_down();
        release.wait();
        return HttpResponse::text(200, "done");
    });
    HttpServer server(test_options(), std::move(router));
    const auto port = server.start();
    RawClient c(port);
    RawClient idle(port);  // a keep-alive connection with no request: closed at once on shutdown
    REQUIRE(c.send(get("/slow")));
    entered.wait();
    server.stop();
    CHECK(idle.wait_closed());
    release.count_down();
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(status_of(*r) == 200);
    CHECK(body_of(*r) == "done");
    CHECK(header_of(*r, "Connection") == "close");
    server.wait();
    CHECK(server.active_connections() == 0);
    CHECK_THROWS(RawClient{port});  // no longer accepting
}
