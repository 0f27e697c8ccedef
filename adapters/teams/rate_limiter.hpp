#pragma once
// Teams' per-bot rate limits, enforced before a request leaves: sliding windows per conversation (7 per 1 s, 8 per
// 2 s, 60 per 30 s, 1800 per hour for sends) and per tenant (about 50 per second for the app). reserve() hands out
// the earliest instant at which one more request keeps every window of both keys within its count (in FIFO order
// per conversation); acquire() waits until then. The server's own 429s are still honoured by net::HttpClient (Retry-After).
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace advocacy::teams {

struct RateWindow {
    int count = 0;
    std::chrono::milliseconds per{0};
};

struct RateLimits {
    std::vector<RateWindow> per_conversation{{7, std::chrono::seconds(1)},
                                             {8, std::chrono::seconds(2)},
                                             {60, std::chrono::seconds(30)},
                                             {1800, std::chrono::hours(1)}};
    std::vector<RateWindow> per_tenant{{50, std::chrono::seconds(1)}};
};

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimits limits = {}) : limits_(std::move(limits)) {}

    // Books one request on both keys and returns when it may go (>= now). Thread-safe.
    Clock::time_point reserve(const std::string& conversation, const std::string& tenant, Clock::time_point now);
    // reserve(), then blocks the calling (worker or scheduler) thread until that instant.
    void acquire(const std::string& conversation, const std::string& tenant);

    std::size_t tracked_keys() const;  // tests: idle keys are forgotten

private:
    using Log = std::deque<Clock::time_point>;
    static Clock::time_point earliest(const Log& log, const std::vector<RateWindow>& windows, Clock::time_point t);
    static Clock::time_point earliest_shared(const Log& log, const std::vector<RateWindow>& windows,
                                             Clock::time_point t);
    static void trim(Log& log, const std::vector<RateWindow>& windows, Clock::time_point now);
    void forget_idle(Clock::time_point now);

    RateLimits limits_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Log> conversations_;
    std::unordered_map<std::string, Log> tenants_;
    Clock::time_point last_sweep_{};
};

}  // namespace advocacy::teams
