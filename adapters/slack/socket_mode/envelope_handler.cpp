#include "adapters/slack/socket_mode/envelope_handler.hpp"

#include <exception>
#include <memory>

#include "bot/log/log.hpp"

namespace advocacy::slack::socket_mode {

void EnvelopeHandler::on_envelope(Envelope envelope, AckSender send) {
    const auto entry = ledger_.begin(envelope.envelope_id);
    if (entry.seen == EnvelopeLedger::Seen::done) {
        log::info("slack", "retried envelope acked again",
                  {{"type", envelope.type}, {"retry", std::to_string(envelope.retry_attempt)}});
        send(entry.ack);
        return;
    }
    if (entry.seen == EnvelopeLedger::Seen::in_progress) {
        log::info("slack", "retried envelope still being handled", {{"type", envelope.type}});
        send(std::nullopt);  // the first delivery acks it
        return;
    }
    bool acked = false;
    if (!envelope.accepts_response_payload) {
        std::string ack = ack_text(envelope.envelope_id);
        ledger_.finish(envelope.envelope_id, ack);
        send(std::move(ack));
        acked = true;
    }
    auto job = std::make_shared<std::pair<Envelope, AckSender>>(std::move(envelope), std::move(send));
    work_.post([this, job, acked] { handle(job->first, job->second, acked); });
}

void EnvelopeHandler::handle(const Envelope& envelope, const AckSender& send, bool acked) {
    try {
        const auto answer = handler_(envelope.type, envelope.payload, envelope.retry_attempt, envelope.retry_reason);
        if (answer.status != 200) {
            // Malformed: a retry would not do better, so it is acked all the same.
            log::warn("slack", "envelope refused", {{"type", envelope.type}, {"status", std::to_string(answer.status)}});
        }
        if (acked) return;
        const auto payload = response_payload(envelope, answer);
        std::string ack = ack_text(envelope.envelope_id, payload ? &*payload : nullptr);
        ledger_.finish(envelope.envelope_id, ack);
        send(std::move(ack));
    } catch (const std::exception& e) {
        log::error("slack", "envelope handler failed", {{"type", envelope.type}, {"error", e.what()}});
        if (acked) return;
        ledger_.abandon(envelope.envelope_id);
        send(std::nullopt);  // no ack: Slack redelivers
    }
}

}  // namespace advocacy::slack::socket_mode
