#pragma once
// Remembers recently handled Slack event ids so a retried delivery never acts twice. Bounded (oldest evicted
// first) and with a TTL longer than Slack's retry schedule (immediately, +1 min, +5 min).
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bot/clock.hpp"

namespace advocacy::slack {

class EventDedupe {
public:
    EventDedupe(const Clock& clock, std::size_t capacity = 10'000, std::chrono::seconds ttl = std::chrono::minutes(30))
        : clock_(clock), capacity_(capacity), ttl_(ttl) {}

    // True the first time `id` is seen within the TTL (the caller handles the event); false for a repeat.
    bool first_time(std::string_view id);
    // Forgets an id whose handling failed, so Slack's retry is handled.
    void forget(std::string_view id);
    std::size_t size() const;

private:
    void expire(std::chrono::sys_seconds now);

    const Clock& clock_;
    std::size_t capacity_;
    std::chrono::seconds ttl_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::chrono::sys_seconds> seen_;
    std::deque<std::pair<std::string, std::chrono::sys_seconds>> order_;  // insertion order, for expiry and eviction
};

}  // namespace advocacy::slack
