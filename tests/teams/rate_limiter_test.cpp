// Teams' rate limits: the sliding windows per conversation and per tenant, computed without waiting.
#include <catch2/catch.hpp>

#include "adapters/teams/rate_limiter.hpp"

using namespace advocacy::teams;
using namespace std::chrono;

TEST_CASE("one conversation: 7 per second, 8 per two seconds", "[teams][limits]") {
    RateLimiter limiter;
    const auto t0 = RateLimiter::Clock::time_point{} + hours(1);
    std::vector<RateLimiter::Clock::time_point> slots;
    for (int i = 0; i < 10; ++i) slots.push_back(limiter.reserve("a:1", "t1", t0));
    for (int i = 0; i < 7; ++i) CHECK(slots[static_cast<std::size_t>(i)] == t0);
    CHECK(slots[7] == t0 + seconds(1));  // the 8th waits for the 1-second window
    CHECK(slots[8] == t0 + seconds(2));  // the 9th: 8 per 2 s
    CHECK(slots[9] >= t0 + seconds(2));
    // Another conversation is not held back by this one.
    CHECK(limiter.reserve("a:2", "t1", t0) == t0);
}

TEST_CASE("the tenant's global limit spans conversations", "[teams][limits]") {
    RateLimits limits;
    limits.per_tenant = {{5, seconds(1)}};
    RateLimiter limiter(limits);
    const auto t0 = RateLimiter::Clock::time_point{} + hours(1);
    for (int i = 0; i < 5; ++i) CHECK(limiter.reserve("a:" + std::to_string(i), "t1", t0) == t0);
    CHECK(limiter.reserve("a:9", "t1", t0) == t0 + seconds(1));
    CHECK(limiter.reserve("a:10", "t2", t0) == t0);  // other tenant
}

TEST_CASE("bookings age out of the windows, and idle keys are forgotten", "[teams][limits]") {
    RateLimiter limiter;
    auto t = RateLimiter::Clock::time_point{} + hours(1);
    for (int i = 0; i < 7; ++i) limiter.reserve("a:1", "t1", t);
    CHECK(limiter.reserve("a:1", "t1", t + seconds(5)) == t + seconds(5));
    CHECK(limiter.tracked_keys() == 2);
    // Two hours later the sweep drops both keys.
    limiter.reserve("a:other", "t2", t + hours(2));
    CHECK(limiter.tracked_keys() == 2);
}

TEST_CASE("60 per 30 s holds over a long burst", "[teams][limits]") {
    RateLimiter limiter;
    const auto t0 = RateLimiter::Clock::time_point{} + hours(1);
    RateLimiter::Clock::time_point last{};
    for (int i = 0; i < 61; ++i) last = limiter.reserve("a:1", "t1", t0);
    CHECK(last >= t0 + seconds(30));
}
