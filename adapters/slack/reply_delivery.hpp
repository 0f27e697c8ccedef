#pragma once
// Delivers the engine's Reply after Slack has been acked: one chain of Web API calls per reply, in order, all queued
// on net::HttpClient (nothing here blocks the request thread). Where each message goes:
//   replace_original -> chat.update of the clicked message (response_url when the clicked message is ephemeral)
//   ephemeral        -> response_url (response_type ephemeral), else chat.postEphemeral; in a DM without
//                       response_url, a normal message
//   otherwise        -> chat.postMessage in the event's conversation
// Notifications to other people go through the Outbox (conversations.open + chat.postMessage).
//
// The follow-ups of clicks (chat.update, response_url posts) can arrive faster than Slack takes them (a Monday 9:00
// spike; Slack rate-limits chat.update), so they wait here, compactly, in a lane per call kind: at most
// `max_in_flight_per_lane` are handed to the HTTP client at a time, and a waiting one holds the engine's Message
// packed in one string (packed_message.hpp; rendered to Block Kit JSON only when its call starts), not a rendered
// card and a request: ~1.3 KB per waiting follow-up instead of ~7 KB (bench/RESULTS.md, run 4). A newer update of a
// message that still waits replaces it (the card shows its latest state; Slack gets one call instead of several),
// and updates of one message never overlap, so an older card cannot land after a newer one. Nothing is dropped:
// every reply's chain goes on when the call that carried its update has completed.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "adapters/slack/outbox.hpp"
#include "adapters/slack/web_api.hpp"
#include "bot/engine.hpp"

namespace advocacy::slack {

struct ReplyOrigin {
    std::string channel;  // the conversation the event came from
    std::string user;     // the Slack user who acted
    bool direct = false;  // the bot's DM with that user
    std::optional<MessageRef> clicked;  // the message a button was on
    bool clicked_is_ephemeral = false;
    std::string response_url;  // already checked to be Slack's (or the configured API host); empty when none
};

struct ReplyDeliveryOptions {
    // Follow-up calls of one kind (chat.update, response_url) handed to the HTTP client at a time; the rest wait
    // here. Above the client's own in-flight limit per method, so the client's slots stay full.
    std::size_t max_in_flight_per_lane = 32;
};

class ReplyDelivery {
public:
    ReplyDelivery(WebApi& api, SlackOutbox& outbox, ReplyDeliveryOptions options = {});
    ~ReplyDelivery();  // waits (bounded) for deliveries in flight

    ReplyDelivery(const ReplyDelivery&) = delete;
    ReplyDelivery& operator=(const ReplyDelivery&) = delete;

    // Returns at once; the calls run on the HTTP client's threads.
    void deliver(Reply reply, ReplyOrigin origin);

    // Waits until no delivery is in flight; false on timeout. For graceful shutdown and tests.
    bool drain(std::chrono::milliseconds timeout);
    std::size_t in_flight() const;
    // Follow-up calls waiting for a slot (not yet handed to the HTTP client).
    std::size_t waiting() const;
    // chat.update calls saved because a newer update of the same message replaced a waiting one.
    std::size_t coalesced() const;

private:
    struct Chain;
    struct Followup;
    struct Lane;
    void step(const std::shared_ptr<Chain>& chain);
    void finished();
    // Queues `message` in `lane`, for `target`: the updated message ("<channel>:<ts>", chat.update; a waiting
    // follow-up with the same target is replaced) or the response_url. `next` runs once the call that carries it
    // has completed.
    void enqueue(Lane& lane, std::string target, const Message& message, std::function<void()> next);
    void start_ready(Lane& lane, std::unique_lock<std::mutex>& lock);
    void send(const Lane& lane, Followup& followup, std::function<void(ApiResult)> done);

    WebApi& api_;
    SlackOutbox& outbox_;
    ReplyDeliveryOptions options_;
    std::unique_ptr<Lane> updates_;    // chat.update
    std::unique_ptr<Lane> responses_;  // response_url posts
    mutable std::mutex mutex_;
    std::condition_variable idle_;
    std::size_t in_flight_ = 0;
    std::size_t coalesced_ = 0;
};

}  // namespace advocacy::slack
