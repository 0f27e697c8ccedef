#pragma once
// How long to wait before the next attempt: capped exponential backoff with full jitter for failures, and the
// server's Retry-After (clamped) for 429s. Pure functions, so the schedule is testable without a network.
#include <chrono>
#include <random>
#include <string_view>

#include "bot/net/http_client.hpp"

namespace advocacy::net {

// The upper bound of the wait after the `failures`-th failed attempt (1-based): min(max_delay, base * 2^(failures-1)).
std::chrono::milliseconds backoff_cap(const RetryPolicy& policy, int failures);

// "Full jitter": uniformly random in [0, cap], so clients that failed together do not retry together.
std::chrono::milliseconds full_jitter(std::chrono::milliseconds cap, std::mt19937_64& rng);

// Retry-After as delta-seconds, clamped to max_retry_after; 1 s when absent or unparseable (e.g. an HTTP-date).
std::chrono::milliseconds retry_after_delay(std::string_view header_value, const RetryPolicy& policy);

}  // namespace advocacy::net
