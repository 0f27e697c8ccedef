#include "adapters/teams/rate_limiter.hpp"

#include <algorithm>
#include <iterator>
#include <thread>

namespace advocacy::teams {

namespace {

std::chrono::milliseconds longest(const std::vector<RateWindow>& windows) {
    std::chrono::milliseconds out{0};
    for (const auto& w : windows) out = std::max(out, w.per);
    return out;
}

}  // namespace

RateLimiter::Clock::time_point RateLimiter::earliest(const Log& log, const std::vector<RateWindow>& windows,
                                                     Clock::time_point t) {
    if (!log.empty()) t = std::max(t, log.back());  // FIFO per conversation: never before an earlier booking
    for (const auto& w : windows) {
        if (w.count <= 0 || log.size() < static_cast<std::size_t>(w.count)) continue;
        // With `count` bookings in the window, the next one waits until the count-th most recent leaves it.
        t = std::max(t, log[log.size() - static_cast<std::size_t>(w.count)] + w.per);
    }
    return t;
}

// Shared by many conversations, a tenant's bookings are not in order (one conversation books ahead while another
// goes now). An instant is free when each window centred on it, (t - per, t + per), holds fewer than `count`
// bookings: a conservative test that stays right whatever the order. Otherwise try when the first conflicting
// booking has left; t only grows, so this ends.
RateLimiter::Clock::time_point RateLimiter::earliest_shared(const Log& log, const std::vector<RateWindow>& windows,
                                                            Clock::time_point t) {
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto& w : windows) {
            if (w.count <= 0) continue;
            int inside = 0;
            auto first_exit = Clock::time_point::max();
            for (const auto e : log) {
                if (e > t - w.per && e < t + w.per) {
                    ++inside;
                    first_exit = std::min(first_exit, e + w.per);
                }
            }
            if (inside >= w.count) {
                t = first_exit;
                moved = true;
            }
        }
    }
    return t;
}

void RateLimiter::trim(Log& log, const std::vector<RateWindow>& windows, Clock::time_point now) {
    const auto horizon = now - longest(windows);
    log.erase(std::remove_if(log.begin(), log.end(), [horizon](auto e) { return e <= horizon; }), log.end());
}

void RateLimiter::forget_idle(Clock::time_point now) {
    if (now - last_sweep_ < std::chrono::minutes(5)) return;
    last_sweep_ = now;
    const auto sweep = [now](auto& map, const std::vector<RateWindow>& windows) {
        for (auto it = map.begin(); it != map.end();) {
            trim(it->second, windows, now);
            it = it->second.empty() ? map.erase(it) : std::next(it);
        }
    };
    sweep(conversations_, limits_.per_conversation);
    sweep(tenants_, limits_.per_tenant);
}

RateLimiter::Clock::time_point RateLimiter::reserve(const std::string& conversation, const std::string& tenant,
                                                    Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    forget_idle(now);
    Log& c = conversations_[conversation];
    Log& t = tenants_[tenant];
    trim(c, limits_.per_conversation, now);
    trim(t, limits_.per_tenant, now);
    // Both keys' constraints only move the instant later; iterate until neither moves it.
    Clock::time_point at = now;
    for (;;) {
        const auto next = earliest_shared(t, limits_.per_tenant, earliest(c, limits_.per_conversation, at));
        if (next == at) break;
        at = next;
    }
    c.push_back(at);
    t.push_back(at);
    return at;
}

void RateLimiter::acquire(const std::string& conversation, const std::string& tenant) {
    const auto at = reserve(conversation, tenant, Clock::now());
    std::this_thread::sleep_until(at);
}

std::size_t RateLimiter::tracked_keys() const {
    const std::lock_guard lock(mutex_);
    return conversations_.size() + tenants_.size();
}

}  // namespace advocacy::teams
