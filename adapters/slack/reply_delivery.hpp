#pragma once
// Delivers the engine's Reply after Slack has been acked: one chain of Web API calls per reply, in order, all queued
// on net::HttpClient (nothing here blocks the request thread). Where each message goes:
//   replace_original -> chat.update of the clicked message (response_url when the clicked message is ephemeral)
//   ephemeral        -> response_url (response_type ephemeral), else chat.postEphemeral; in a DM without
//                       response_url, a normal message
//   otherwise        -> chat.postMessage in the event's conversation
// Notifications to other people go through the Outbox (conversations.open + chat.postMessage).
#include <chrono>
#include <condition_variable>
#include <cstddef>
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

class ReplyDelivery {
public:
    ReplyDelivery(WebApi& api, SlackOutbox& outbox) : api_(api), outbox_(outbox) {}
    ~ReplyDelivery();  // waits (bounded) for deliveries in flight

    ReplyDelivery(const ReplyDelivery&) = delete;
    ReplyDelivery& operator=(const ReplyDelivery&) = delete;

    // Returns at once; the calls run on the HTTP client's threads.
    void deliver(const Reply& reply, ReplyOrigin origin);

    // Waits until no delivery is in flight; false on timeout. For graceful shutdown and tests.
    bool drain(std::chrono::milliseconds timeout);
    std::size_t in_flight() const;

private:
    struct Chain;
    void step(const std::shared_ptr<Chain>& chain);
    void finished();

    WebApi& api_;
    SlackOutbox& outbox_;
    mutable std::mutex mutex_;
    std::condition_variable idle_;
    std::size_t in_flight_ = 0;
};

}  // namespace advocacy::slack
