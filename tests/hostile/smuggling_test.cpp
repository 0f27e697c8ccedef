// Request smuggling: every head whose body length two HTTP implementations could read differently is a 400 and a
// closed connection, so the request hidden after it (a genuine, signed admin command) never runs.
#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

#include "tests/hostile/hostile_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

namespace {

struct Attempt {
    const char* name;
    std::string bytes;
};

std::string post(const std::string& framing, const std::string& body) {
    return "POST /slack/events HTTP/1.1\r\nHost: bot.example\r\nContent-Type: application/json\r\n" + framing +
           "\r\n" + body;
}

}  // namespace

TEST_CASE("ambiguous framing is a 400, the connection closes, the smuggled request never runs", "[hostile][smuggling]") {
    HostileServer f;
    const std::string smuggled = f.command_request("campaign create \"Smuggled\" why=\"x\"");
    const std::string n = std::to_string(smuggled.size());
    const std::string last_chunk = "0\r\n\r\n";
    const std::vector<Attempt> attempts = {
        {"Content-Length and Transfer-Encoding", post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", last_chunk + smuggled)},
        {"Transfer-Encoding then Content-Length", post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", last_chunk + smuggled)},
        {"two different Content-Lengths", post("Content-Length: 0\r\nContent-Length: " + n + "\r\n", smuggled)},
        {"a Content-Length list that disagrees", post("Content-Length: 0, " + n + "\r\n", smuggled)},
        {"Content-Length with a sign", post("Content-Length: +0\r\n", smuggled)},
        {"Content-Length in hex", post("Content-Length: 0x0\r\n", smuggled)},
        {"Content-Length that overflows", post("Content-Length: 184467440737095516160\r\n", smuggled)},
        {"Transfer-Encoding: chunked, identity", post("Transfer-Encoding: chunked, identity\r\n", last_chunk + smuggled)},
        {"Transfer-Encoding: identity, chunked twice", post("Transfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n", last_chunk + smuggled)},
        {"Transfer-Encoding: chunked twice", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", last_chunk + smuggled)},
        {"Transfer-Encoding: xchunked", post("Transfer-Encoding: xchunked\r\n", last_chunk + smuggled)},
        {"Transfer-Encoding: gzip", post("Transfer-Encoding: gzip\r\n", smuggled)},
        {"space before the colon", post("Transfer-Encoding : chunked\r\n", last_chunk + smuggled)},
        {"obs-fold of Transfer-Encoding", post("Transfer-Encoding:\r\n chunked\r\n", last_chunk + smuggled)},
        {"obs-fold of another field", post("X-Note: a\r\n\tb\r\nContent-Length: 0\r\n", smuggled)},
        {"whitespace before the first field", "POST /slack/events HTTP/1.1\r\n Host: x\r\nContent-Length: 0\r\n\r\n" + smuggled},
        {"bare LF line endings", "POST /slack/events HTTP/1.1\nHost: x\nContent-Length: 0\n\n" + smuggled},
        {"a bare LF in one line", "POST /slack/events HTTP/1.1\r\nHost: x\nContent-Length: 0\r\n\r\n" + smuggled},
        {"a bare CR", "POST /slack/events HTTP/1.1\r\nHost: x\rContent-Length: 0\r\n\r\n" + smuggled},
        {"a NUL in a field value", post(std::string("X-Note: a") + '\0' + "b\r\nContent-Length: 0\r\n", smuggled)},
        {"a chunk size that is not hex", post("Transfer-Encoding: chunked\r\n", "zz\r\n" + smuggled)},
        {"chunk data longer than its size", post("Transfer-Encoding: chunked\r\n", "1\r\nab\r\n" + last_chunk + smuggled)},
    };
    for (const auto& attempt : attempts) {
        INFO(attempt.name);
        testing::RawClient c(f.port);
        c.send(attempt.bytes);  // the server may close before taking every byte
        const auto response = c.read_response();
        REQUIRE(response);
        CHECK(testing::status_of(*response) == 400);
        CHECK_FALSE(c.read_response());  // closed, and no second response
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 0);
    CHECK(f.fake.calls().empty());

    // The control: the same command, sent openly, does run (so the zero above means something).
    CHECK(f.status_of(smuggled) == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 1);
}

TEST_CASE("honest framing still works: chunked, and pipelined requests on one connection", "[hostile][smuggling]") {
    HostileServer f;
    testing::RawClient c(f.port);
    REQUIRE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    for (int i = 0; i < 2; ++i) {
        const auto response = c.read_response();
        REQUIRE(response);
        CHECK(testing::status_of(*response) == 200);
    }
    // A signed command sent chunked, with a chunk extension: accepted, and runs once.
    const std::string body = form_body(f.command_fields(kAdmin, "campaign create \"Chunked\" why=\"x\"", "C0GENERAL"));
    const std::string half = body.substr(0, body.size() / 2), rest = body.substr(body.size() / 2);
    std::ostringstream chunked;
    chunked << std::hex << half.size() << ";ext=1\r\n" << half << "\r\n" << rest.size() << "\r\n" << rest << "\r\n0\r\n\r\n";
    CHECK(f.status_of(f.signed_head("application/x-www-form-urlencoded", body) + "Transfer-Encoding: chunked\r\n\r\n" +
                      chunked.str()) == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.scalar("SELECT count(*) FROM campaigns") == 1);
}
