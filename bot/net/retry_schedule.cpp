#include "bot/net/retry_schedule.hpp"

#include <algorithm>

namespace advocacy::net {

using std::chrono::milliseconds;

milliseconds backoff_cap(const RetryPolicy& policy, int failures) {
    const milliseconds max_delay = std::max(policy.max_delay, milliseconds(0));
    milliseconds cap = std::clamp(policy.base_delay, milliseconds(0), max_delay);
    // Doubling stops at the cap, so large failure counts never overflow.
    for (int i = 1; i < failures && cap < max_delay; ++i) cap = std::min(max_delay, cap * 2);
    return cap;
}

milliseconds full_jitter(milliseconds cap, std::mt19937_64& rng) {
    if (cap <= milliseconds(0)) return milliseconds(0);
    std::uniform_int_distribution<milliseconds::rep> pick(0, cap.count());
    return milliseconds(pick(rng));
}

milliseconds retry_after_delay(std::string_view value, const RetryPolicy& policy) {
    constexpr milliseconds fallback{1000};
    const auto first = value.find_first_not_of(" \t");
    const auto last = value.find_last_not_of(" \t");
    if (first == std::string_view::npos) return std::min(fallback, policy.max_retry_after);
    value = value.substr(first, last - first + 1);
    long long seconds = 0;
    for (const char c : value) {
        if (c < '0' || c > '9') return std::min(fallback, policy.max_retry_after);
        seconds = seconds * 10 + (c - '0');
        if (seconds > 10'000'000) break;  // far beyond any sane clamp; stop before overflowing
    }
    return std::min(milliseconds(seconds * 1000), policy.max_retry_after);
}

}  // namespace advocacy::net
