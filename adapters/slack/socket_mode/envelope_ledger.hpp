#pragma once
// Which envelopes were already taken on. Slack redelivers an envelope it has no ack for (same envelope_id), on any
// connection: a retry of one still being handled is left to the first; a retry of one already handled gets the same
// ack again (the ack was lost with its connection), and is never acted on twice. Bounded: oldest forgotten first.
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace advocacy::slack::socket_mode {

class EnvelopeLedger {
public:
    explicit EnvelopeLedger(std::size_t capacity = 10'000) : capacity_(capacity) {}

    enum class Seen { first, in_progress, done };
    struct Entry {
        Seen seen = Seen::first;
        std::string ack;  // for done: the ack sent the first time
    };

    // first: the caller handles it (now marked in progress).
    Entry begin(const std::string& envelope_id);
    void finish(const std::string& envelope_id, std::string ack);
    // The handling failed before an ack: Slack's retry is handled afresh.
    void abandon(const std::string& envelope_id);

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::optional<std::string>> acks_;  // nullopt: in progress
    std::deque<std::string> order_;
};

}  // namespace advocacy::slack::socket_mode
