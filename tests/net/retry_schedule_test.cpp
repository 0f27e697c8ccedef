// The network-free parts of the client: backoff schedule, Retry-After, per-key queues, URL and header checks.
#include <catch2/catch.hpp>

#include <set>

#include "bot/net/key_queues.hpp"
#include "bot/net/request_target.hpp"
#include "bot/net/retry_schedule.hpp"

using namespace advocacy::net;
using namespace std::chrono_literals;

TEST_CASE("backoff cap doubles from base_delay up to max_delay") {
    RetryPolicy p;
    p.base_delay = 10ms;
    p.max_delay = 100ms;
    CHECK(backoff_cap(p, 1) == 10ms);
    CHECK(backoff_cap(p, 2) == 20ms);
    CHECK(backoff_cap(p, 3) == 40ms);
    CHECK(backoff_cap(p, 4) == 80ms);
    CHECK(backoff_cap(p, 5) == 100ms);
    CHECK(backoff_cap(p, 1000) == 100ms);  // no overflow
}

TEST_CASE("full jitter stays within [0, cap] and varies") {
    std::mt19937_64 rng(42);
    std::set<long long> seen;
    for (int i = 0; i < 200; ++i) {
        const auto d = full_jitter(100ms, rng);
        REQUIRE(d >= 0ms);
        REQUIRE(d <= 100ms);
        seen.insert(d.count());
    }
    CHECK(seen.size() > 20);
    CHECK(full_jitter(0ms, rng) == 0ms);
}

TEST_CASE("Retry-After: seconds, clamped, 1 s when absent or unparseable") {
    RetryPolicy p;
    p.max_retry_after = 30s;
    CHECK(retry_after_delay("1", p) == 1s);
    CHECK(retry_after_delay(" 7 ", p) == 7s);
    CHECK(retry_after_delay("0", p) == 0s);
    CHECK(retry_after_delay("3600", p) == 30s);
    CHECK(retry_after_delay("99999999999999999999", p) == 30s);
    CHECK(retry_after_delay("", p) == 1s);
    CHECK(retry_after_delay("soon", p) == 1s);
    CHECK(retry_after_delay("-5", p) == 1s);
    CHECK(retry_after_delay("Wed, 21 Oct 2015 07:28:00 GMT", p) == 1s);
    p.max_retry_after = 200ms;
    CHECK(retry_after_delay("", p) == 200ms);
}

TEST_CASE("key queues: FIFO, in-flight limit per key, keys independent") {
    KeyQueues<int> q(2);
    const auto now = std::chrono::steady_clock::now();
    for (int i = 1; i <= 4; ++i) q.push_back("a", i);
    q.push_back("b", 10);
    CHECK(q.take_ready("a", now) == std::vector<int>{1, 2});
    CHECK(q.take_ready("a", now).empty());
    CHECK(q.take_ready("b", now) == std::vector<int>{10});
    q.finished("a");
    CHECK(q.take_ready("a", now) == std::vector<int>{3});
    CHECK(q.in_flight("a") == 2);
    CHECK(q.waiting("a") == 1);
}

TEST_CASE("key queues: a pause holds the key until it ends and a 429'd call goes first") {
    KeyQueues<int> q(1);
    const auto now = std::chrono::steady_clock::now();
    q.push_back("a", 1);
    q.push_back("a", 2);
    q.push_back("b", 3);
    CHECK(q.take_ready("a", now) == std::vector<int>{1});
    // 1 got a 429: back to the head, slot released, key paused for a second.
    q.push_front("a", 1);
    q.finished("a");
    q.pause_until("a", now + 1s);
    q.pause_until("a", now + 500ms);  // an earlier pause does not shorten it
    CHECK(q.take_ready("a", now + 999ms).empty());
    CHECK(q.take_ready("b", now) == std::vector<int>{3});
    CHECK(q.take_ready("a", now + 1s) == std::vector<int>{1});
    CHECK_FALSE(q.paused_until("a"));
}

TEST_CASE("key queues: remove and take_all_waiting") {
    KeyQueues<int> q(1);
    q.push_back("a", 1);
    q.push_back("a", 2);
    q.push_back("b", 3);
    CHECK(q.remove("a", 2));
    CHECK_FALSE(q.remove("a", 2));
    auto all = q.take_all_waiting();
    std::sort(all.begin(), all.end());
    CHECK(all == std::vector<int>{1, 3});
}

TEST_CASE("request target from URL") {
    std::string why;
    auto t = parse_request_target("https://slack.com/api/chat.postMessage?x=1&y=%20", why);
    REQUIRE(t);
    CHECK(t->tls);
    CHECK(t->host == "slack.com");
    CHECK(t->port == 443);
    CHECK(t->host_header == "slack.com");
    CHECK(t->target == "/api/chat.postMessage?x=1&y=%20");
    CHECK(t->origin == "https://slack.com:443");
    CHECK_FALSE(t->host_is_ip);

    t = parse_request_target("http://127.0.0.1:8080", why);
    REQUIRE(t);
    CHECK_FALSE(t->tls);
    CHECK(t->host_is_ip);
    CHECK(t->target == "/");
    CHECK(t->host_header == "127.0.0.1:8080");

    t = parse_request_target("https://[::1]:9443/x#frag", why);
    REQUIRE(t);
    CHECK(t->host == "::1");
    CHECK(t->host_header == "[::1]:9443");
    CHECK(t->target == "/x");

    CHECK_FALSE(parse_request_target("ftp://example.com/", why));
    CHECK_FALSE(parse_request_target("https://user:secret@example.com/", why));
    CHECK(why.find("secret") == std::string::npos);
    CHECK_FALSE(parse_request_target("https://example.com:99999/", why));
    CHECK_FALSE(parse_request_target("/relative/path", why));
    CHECK_FALSE(parse_request_target("not a url", why));
}

TEST_CASE("request headers that would break framing are refused") {
    ClientRequest r;
    r.headers = {{"Authorization", "Bearer x"}};
    CHECK(check_request_headers(r).empty());
    r.headers = {{"X-Evil", "a\r\nInjected: 1"}};
    CHECK_FALSE(check_request_headers(r).empty());
    r.headers = {{"Bad Name", "v"}};
    CHECK_FALSE(check_request_headers(r).empty());
    r.headers = {{"content-length", "5"}};
    CHECK_FALSE(check_request_headers(r).empty());
    r.headers = {};
    r.method = "GET\r\n";
    CHECK_FALSE(check_request_headers(r).empty());
}
