// 100 MB bodies, announced by Content-Length or streamed chunked: a 413 as soon as the limit is known, without the
// server reading (or buffering) the 100 MB; other clients are served meanwhile.
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>

#include "tests/hostile/hostile_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

namespace {

constexpr std::size_t kHundredMegabytes = 100 * 1024 * 1024;

// Keeps uploading `piece` until the server's close stops it or `total` bytes are sent; returns the bytes sent.
std::size_t upload_until_refused(testing::RawClient& c, const std::string& piece, std::size_t total) {
    std::size_t sent = 0;
    while (sent < total && c.send(piece)) sent += piece.size();
    return sent;
}

std::string chunk(const std::string& data) {
    std::ostringstream size;
    size << std::hex << data.size();
    return size.str() + "\r\n" + data + "\r\n";
}

}  // namespace

TEST_CASE("Content-Length: 100 MB is refused with 413 before the body is read", "[hostile][body]") {
    HostileServer f;  // the Slack route's limit: 512 KiB
    const std::size_t rss_before = rss_bytes();
    testing::RawClient c(f.port, seconds(10));
    const std::string head = f.signed_head("application/json", "") +
                             "Content-Length: " + std::to_string(kHundredMegabytes) + "\r\n\r\n";
    const auto start = steady_clock::now();
    REQUIRE(c.send(head + std::string(64 * 1024, '{')));
    const auto response = c.read_response();
    REQUIRE(response);
    CHECK(testing::status_of(*response) == 413);
    const auto answered = duration_cast<milliseconds>(steady_clock::now() - start);
    CHECK(answered < kPrompt);

    // The rest of the upload finds the connection closed long before 100 MB.
    const std::size_t sent = upload_until_refused(c, std::string(1024 * 1024, 'x'), kHundredMegabytes);
    CHECK(sent < kHundredMegabytes / 4);
    const std::size_t rss_after = rss_bytes();
    std::printf("hostile: Content-Length 100 MB: 413 after %lld ms; the client got %zu more KiB in; RSS +%zd KiB\n",
                static_cast<long long>(answered.count()), sent / 1024,
                (static_cast<std::ptrdiff_t>(rss_after) - static_cast<std::ptrdiff_t>(rss_before)) / 1024);
    CHECK(rss_after < rss_before + 16 * 1024 * 1024);
    int status = 0;
    CHECK(f.healthz_latency(&status) < kPrompt);
    CHECK(status == 200);
}

TEST_CASE("a chunked 100 MB body is refused with 413 at the route's limit", "[hostile][body]") {
    HostileServer f;
    const std::size_t rss_before = rss_bytes();
    testing::RawClient c(f.port, seconds(10));
    const std::string piece = chunk(std::string(64 * 1024, '['));
    std::string first = f.signed_head("application/json", "") + "Transfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 12; ++i) first += piece;  // 768 KiB: over the 512 KiB limit
    const auto start = steady_clock::now();
    REQUIRE(c.send(first));
    const auto response = c.read_response();
    REQUIRE(response);
    CHECK(testing::status_of(*response) == 413);
    const auto answered = duration_cast<milliseconds>(steady_clock::now() - start);
    CHECK(answered < kPrompt);

    std::string megabyte;
    for (int i = 0; i < 16; ++i) megabyte += piece;
    const std::size_t sent = upload_until_refused(c, megabyte, kHundredMegabytes);
    CHECK(sent < kHundredMegabytes / 4);
    const std::size_t rss_after = rss_bytes();
    std::printf("hostile: chunked 100 MB: 413 after %lld ms; the client got %zu more KiB in; RSS +%zd KiB\n",
                static_cast<long long>(answered.count()), sent / 1024,
                (static_cast<std::ptrdiff_t>(rss_after) - static_cast<std::ptrdiff_t>(rss_before)) / 1024);
    CHECK(rss_after < rss_before + 16 * 1024 * 1024);
    int status = 0;
    CHECK(f.healthz_latency(&status) < kPrompt);
    CHECK(status == 200);
}

TEST_CASE("a chunk size too large to represent is a 400 or 413, never a wrap-around", "[hostile][body]") {
    HostileServer f;
    const std::string head = f.signed_head("application/json", "") + "Transfer-Encoding: chunked\r\n\r\n";
    for (const char* size : {"FFFFFFFFFFFFFFFF", "10000000000000000", "7FFFFFFFFFFFFFFF"}) {
        INFO(size);
        testing::RawClient c(f.port);
        REQUIRE(c.send(head + size + "\r\nxx\r\n"));
        const auto response = c.read_response();
        REQUIRE(response);
        const int status = testing::status_of(*response);
        CHECK((status == 400 || status == 413));
        CHECK(c.wait_closed());
    }
}
