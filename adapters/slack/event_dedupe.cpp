#include "adapters/slack/event_dedupe.hpp"

namespace advocacy::slack {

void EventDedupe::expire(std::chrono::sys_seconds now) {
    while (!order_.empty() && (order_.size() > capacity_ || now - order_.front().second >= ttl_)) {
        const auto& [id, at] = order_.front();
        const auto it = seen_.find(id);
        if (it != seen_.end() && it->second == at) seen_.erase(it);  // a later re-insert keeps its own entry
        order_.pop_front();
    }
}

bool EventDedupe::first_time(std::string_view id) {
    const auto now = clock_.now();
    const std::lock_guard lock(mutex_);
    expire(now);
    const auto [it, inserted] = seen_.try_emplace(std::string(id), now);
    if (!inserted) return false;
    order_.emplace_back(it->first, now);
    expire(now);
    return true;
}

void EventDedupe::forget(std::string_view id) {
    const std::lock_guard lock(mutex_);
    seen_.erase(std::string(id));
}

std::size_t EventDedupe::size() const {
    const std::lock_guard lock(mutex_);
    return seen_.size();
}

}  // namespace advocacy::slack
