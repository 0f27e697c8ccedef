#pragma once
// The Outbox for Slack: bot-initiated messages (daily pushes, leaderboard posts, notices to other users).
// A conversation id that is a user id (U.../W...) is a DM still to open: conversations.open gives its channel,
// remembered for next time. Channels (C.../G.../D...) are posted to directly with chat.postMessage.
// The platform reference of a sent message is "<channel>:<ts>": reactions and chat.update find it by that.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "adapters/slack/web_api.hpp"
#include "bot/engine.hpp"

namespace advocacy::slack {

// "C123:1712345678.000100" -> {"C123", "1712345678.000100"}; nullopt when it is not one of ours.
struct MessageRef {
    std::string channel;
    std::string ts;
    std::string str() const { return channel + ":" + ts; }
};
std::optional<MessageRef> parse_message_ref(std::string_view ref);

bool is_user_id(std::string_view id);

// chat.postMessage / chat.update arguments for a rendered message.
boost::json::object post_args(const std::string& channel, const Message& message);

// The daily fan-out's window (DMs in flight) for a Web API client that allows `per_method` calls of each method on
// the wire ([slack] max_in_flight_per_method): a DM to a user is two calls, conversations.open then
// chat.postMessage, so twice as many DMs keep both methods busy.
constexpr std::size_t fan_out_window(std::size_t per_method) { return 2 * per_method; }

class SlackOutbox final : public Outbox {
public:
    // `max_concurrent_sends`: the daily fan-out's window, see fan_out_window().
    explicit SlackOutbox(WebApi& api, std::size_t max_concurrent_sends = fan_out_window(8),
                         std::size_t dm_cache_capacity = 100'000);

    // Blocking (scheduler and worker threads).
    SendResult send(const Conversation& to, const Message& message) override;
    // The fan-out of a daily push keeps this many DMs in flight with send_async(); the Web API client still
    // enforces each method's rate limit (queues per method, Retry-After), so this only hides network latency.
    std::size_t max_concurrent_sends() const override { return max_concurrent_sends_; }
    bool sends_async(const Conversation&) const override { return true; }
    // chat.update of a message we sent earlier.
    SendResult update(const MessageRef& ref, const Message& message);

    // Queued: `done` (may be empty) runs on the HTTP client's thread. Used for follow-ups that must not delay an ack,
    // and by the daily fan-out. The message is rendered before this returns.
    void send_async(const Conversation& to, const Message& message, std::function<void(SendResult)> done) override;

private:
    std::optional<std::string> cached_dm(const std::string& user);
    void remember_dm(const std::string& user, const std::string& channel);
    static SendResult posted(const ApiResult& r);

    WebApi& api_;
    std::size_t max_concurrent_sends_;
    std::size_t dm_cache_capacity_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::string> dm_channels_;  // user id -> DM channel id
};

}  // namespace advocacy::slack
