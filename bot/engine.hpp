#pragma once
// The platform-neutral engine: events in, messages out. Adapters call handle() for each inbound event and
// implement Outbox for bot-initiated messages (daily pushes, leaderboard posts, notices to other users).
// Thread-safe: handle(), follow_link() and tick() may be called from several threads (storage serialises writes).
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.hpp"
#include "bot/model/event.hpp"
#include "bot/model/message.hpp"
#include "config/config.hpp"

namespace advocacy::storage {
class Database;
}

namespace advocacy {

// Result of sending one bot-initiated message.
struct SendResult {
    bool ok = false;
    std::string platform_ref;  // message reference on success (used to match reactions and to update it later)
    std::string error;         // short reason on failure, no secrets
    bool permanent = false;    // the platform will never accept it (user deactivated, channel gone): do not retry
};

class Outbox {
public:
    virtual ~Outbox() = default;
    virtual SendResult send(const Conversation& to, const Message& message) = 0;

    // The daily fan-out keeps up to max_concurrent_sends() pushes in flight, so a platform with network latency is
    // not paid for one user at a time (rate limits stay the adapter's job). A push counts as in flight from its
    // start until its outcome is committed, so it also bounds the pushes a crash can send twice.
    //  - sends_async(to) true: the fan-out calls send_async() from its own thread; it must not wait for the network.
    //  - false (the default): the fan-out runs send() on up to that many threads (1: send() need not be
    //    thread-safe).
    virtual std::size_t max_concurrent_sends() const { return 1; }
    virtual bool sends_async(const Conversation& /*to*/) const { return false; }
    // `done` runs exactly once with the outcome, on any thread (possibly before send_async returns). The default
    // runs send() here (an exception becomes a failed result).
    virtual void send_async(const Conversation& to, const Message& message, std::function<void(SendResult)> done) {
        SendResult result;
        try {
            result = send(to, message);
        } catch (const std::exception& e) {
            result = SendResult{false, {}, e.what(), false};
        }
        done(std::move(result));
    }
};

// A message for someone other than the requester (e.g. "your suggestion was approved", leaderboard post).
struct Notification {
    Conversation to;
    Message message;
};

struct Reply {
    std::vector<Message> messages;            // to the requester, in the event's conversation
    std::vector<Notification> notifications;  // to others; the adapter sends them after answering
};

// Who is in a channel, asked of the platform (Slack: conversations.list + conversations.members), for "#channel"
// campaign audiences. Called from tick() on the scheduler thread; it may block on the network.
class ChannelDirectory {
public:
    virtual ~ChannelDirectory() = default;
    // The platform user ids of the channel's members (`channel_name` without '#'; bots left out where the platform
    // tells them apart). nullopt when the platform cannot answer now (unreachable, rate limited, no such channel,
    // missing scope): the engine keeps the last known membership and asks again later.
    virtual std::optional<std::vector<std::string>> channel_members(const std::string& workspace_external_id,
                                                                    const std::string& channel_name) = 0;
};

// Where a tracked link goes.
struct LinkRedirect {
    std::string location;  // 302 target
};

class Engine {
public:
    Engine(const config::Config& config, storage::Database& db, Clock& clock, RandomSource& random);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    Reply handle(const Event& event);

    // GET /r/<token> (kind 'r': click on the shared post) and /s/<token> (kind 's': share button in chat).
    // nullopt for an unknown token (the caller answers 404 and nothing is written).
    std::optional<LinkRedirect> follow_link(char kind, std::string_view token, std::string_view user_agent);

    // Sends what is due now: daily pushes (per user's time zone, staggered, working days) and the weekly
    // leaderboard post. Idempotent: calling it again sends nothing twice. Call it every minute or so.
    // Before planning, tick() refreshes the membership of each running "#channel" campaign's channel from the
    // directory of the workspace's platform (first time at once, then at most every 6 hours; a failure keeps the
    // last known members). Without a directory, "#channel" audiences are the users seen in that channel.
    void tick(Outbox& outbox);

    // Not owned; must outlive the engine's ticks. nullptr removes it. Waits for a running tick.
    void set_channel_directory(Platform platform, ChannelDirectory* directory);

    // Shutdown: a tick in progress stops starting new sends (what is left stays unsent for the next start), and
    // later ticks do nothing. Safe from any thread.
    void request_stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy
