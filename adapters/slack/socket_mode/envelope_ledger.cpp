#include "adapters/slack/socket_mode/envelope_ledger.hpp"

namespace advocacy::slack::socket_mode {

EnvelopeLedger::Entry EnvelopeLedger::begin(const std::string& envelope_id) {
    const std::lock_guard lock(mutex_);
    const auto [it, inserted] = acks_.try_emplace(envelope_id, std::nullopt);
    if (!inserted) return it->second ? Entry{Seen::done, *it->second} : Entry{Seen::in_progress, {}};
    order_.push_back(envelope_id);
    while (order_.size() > capacity_) {
        acks_.erase(order_.front());
        order_.pop_front();
    }
    return Entry{Seen::first, {}};
}

void EnvelopeLedger::finish(const std::string& envelope_id, std::string ack) {
    const std::lock_guard lock(mutex_);
    const auto it = acks_.find(envelope_id);
    if (it != acks_.end()) it->second = std::move(ack);
}

void EnvelopeLedger::abandon(const std::string& envelope_id) {
    const std::lock_guard lock(mutex_);
    acks_.erase(envelope_id);  // its place in order_ is dropped when it reaches the front
}

}  // namespace advocacy::slack::socket_mode
