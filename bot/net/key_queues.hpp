#pragma once
// The waiting room of outgoing calls: one FIFO queue per rate-limit key, at most `max_in_flight` calls of a key on
// the wire at once, and a per-key pause (HTTP 429) during which nothing of that key starts. Pure bookkeeping: the
// client owns the timers and runs this on its state strand. Header-only because it is a small template.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace advocacy::net {

template <class Item>
class KeyQueues {
public:
    using Clock = std::chrono::steady_clock;

    explicit KeyQueues(std::size_t max_in_flight) : max_in_flight_(std::max<std::size_t>(1, max_in_flight)) {}

    void push_back(const std::string& key, Item item) { keys_[key].waiting.push_back(std::move(item)); }
    // A call sent back by a 429 keeps its place at the head of the line.
    void push_front(const std::string& key, Item item) { keys_[key].waiting.push_front(std::move(item)); }

    // The calls that may start now, oldest first; they count as in flight until finished().
    std::vector<Item> take_ready(const std::string& key, Clock::time_point now) {
        std::vector<Item> ready;
        const auto it = keys_.find(key);
        if (it == keys_.end()) return ready;
        auto& k = it->second;
        if (k.paused_until && *k.paused_until > now) return ready;
        k.paused_until.reset();
        while (!k.waiting.empty() && k.in_flight < max_in_flight_) {
            ready.push_back(std::move(k.waiting.front()));
            k.waiting.pop_front();
            ++k.in_flight;
        }
        forget_if_unused(it);
        return ready;
    }

    // One in-flight call of `key` ended (or went back to the queue).
    void finished(const std::string& key) {
        const auto it = keys_.find(key);
        if (it == keys_.end() || it->second.in_flight == 0) return;
        --it->second.in_flight;
        forget_if_unused(it);
    }

    // Nothing of `key` starts before `until` (a later pause wins over an earlier one).
    void pause_until(const std::string& key, Clock::time_point until) {
        auto& k = keys_[key];
        if (!k.paused_until || *k.paused_until < until) k.paused_until = until;
    }

    std::optional<Clock::time_point> paused_until(const std::string& key) const {
        const auto it = keys_.find(key);
        return it == keys_.end() ? std::nullopt : it->second.paused_until;
    }

    // Takes a waiting call out of its queue (its time ran out); false when it was not waiting.
    bool remove(const std::string& key, const Item& item) {
        const auto it = keys_.find(key);
        if (it == keys_.end()) return false;
        auto& waiting = it->second.waiting;
        const auto pos = std::find(waiting.begin(), waiting.end(), item);
        if (pos == waiting.end()) return false;
        waiting.erase(pos);
        forget_if_unused(it);
        return true;
    }

    // Every waiting call, for shutdown.
    std::vector<Item> take_all_waiting() {
        std::vector<Item> all;
        for (auto& [key, k] : keys_) {
            for (auto& item : k.waiting) all.push_back(std::move(item));
            k.waiting.clear();
        }
        return all;
    }

    std::size_t in_flight(const std::string& key) const {
        const auto it = keys_.find(key);
        return it == keys_.end() ? 0 : it->second.in_flight;
    }
    std::size_t waiting(const std::string& key) const {
        const auto it = keys_.find(key);
        return it == keys_.end() ? 0 : it->second.waiting.size();
    }

private:
    struct Key {
        std::deque<Item> waiting;
        std::size_t in_flight = 0;
        std::optional<Clock::time_point> paused_until;
    };
    using Iterator = typename std::map<std::string, Key>::iterator;

    // Keys come and go with traffic; an idle, unpaused key holds no memory.
    void forget_if_unused(Iterator it) {
        const auto& k = it->second;
        if (k.waiting.empty() && k.in_flight == 0 && !k.paused_until) keys_.erase(it);
    }

    std::size_t max_in_flight_;
    std::map<std::string, Key> keys_;
};

}  // namespace advocacy::net
