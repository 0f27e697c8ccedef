#pragma once
// What happens to one envelope: dedupe by envelope_id, ack, and hand the payload to the adapter's handlers (the same
// routing table as HTTP mode) on a worker thread.
//  - Slack accepts no response payload (events, button clicks): acked at once, then handled ("ack first, work
//    after"), so a slow handler never makes Slack redeliver.
//  - It accepts one (slash commands, view_submission): handled first, and the ack carries the answer. If the handler
//    throws, nothing is acked and Slack's retry is handled afresh.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/slack/socket_mode/envelope_ledger.hpp"
#include "adapters/slack/socket_mode/frames.hpp"
#include "bot/work_queue.hpp"

namespace advocacy::slack::socket_mode {

// The adapter's entry point (SlackAdapter::handle_envelope).
using PayloadHandler = std::function<server::HttpResponse(std::string_view type, boost::json::object payload,
                                                          int retry_attempt, std::string_view retry_reason)>;

// Sends the ack (or nothing) on the connection the envelope came on; called exactly once per envelope.
using AckSender = std::function<void(std::optional<std::string> ack)>;

class EnvelopeHandler {
public:
    EnvelopeHandler(PayloadHandler handler, std::size_t workers) : handler_(std::move(handler)), work_("slack", workers) {}

    // From the WebSocket thread: never blocks.
    void on_envelope(Envelope envelope, AckSender send);

    // Waits until every envelope taken on has been handled; false on timeout.
    bool drain(std::chrono::milliseconds timeout) { return work_.drain(timeout); }

private:
    void handle(const Envelope& envelope, const AckSender& send, bool acked);

    PayloadHandler handler_;
    EnvelopeLedger ledger_;
    WorkQueue work_;  // last: its threads stop before the rest goes
};

}  // namespace advocacy::slack::socket_mode
