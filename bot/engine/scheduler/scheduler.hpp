#pragma once
// Bot-initiated messages: planning the daily pushes, sending them, posting the weekly leaderboard.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <optional>
#include <set>
#include <tuple>
#include <vector>
#include <utility>

#include "bot/engine.hpp"
#include "bot/engine/context.hpp"
#include "bot/engine/messages/leaderboard_message.hpp"

namespace advocacy::engine {

inline constexpr int kMaxSendAttempts = 5;

// A user's push for `today` is due once local time passed push_time + the user's stagger offset, on a working
// day, when the user is not paused. (Campaign dates and weekly frequency are checked by the planner.)
bool push_due(const ProgramSettings& program, const storage::User& user, const date::time_zone* zone,
              std::chrono::sys_seconds now, LocalDate today);
bool is_paused(const storage::User& user, LocalDate today);
bool campaign_runs_on(const storage::Campaign& campaign, LocalDate day);

// Mints the 3 intent + 3 post tokens and creates the delivery; nullopt when storage refuses a duplicate.
std::optional<storage::Delivery> create_delivery(Context& ctx, const storage::Campaign& campaign,
                                                 const storage::Content& content, const storage::User& user,
                                                 LocalDate day);

class PushSender;

// Creates the deliveries that are due now, a batch at a time. Remembers, in memory, which (campaign, user, day)
// already have one so a tick every minute does not query storage for them again; storage's uniqueness is the real
// guarantee.
class PushPlanner {
public:
    explicit PushPlanner(Context& ctx) : ctx_(ctx) {}
    // `sender` (optional) gets each batch of new deliveries once committed: the first pushes go out while the
    // rest is still being planned.
    void run(PushSender* sender = nullptr);

private:
    using DoneKey = std::tuple<storage::Id, storage::Id, long>;  // (campaign, user, local day number)
    void plan_campaign(const storage::Campaign& campaign, const ProgramSettings& program, PushSender* sender);
    Context& ctx_;
    std::set<DoneKey> done_;
    long last_purge_day_ = 0;
};

// Keeps "#channel" audiences in step with the platform: for each running campaign whose audience is a channel, in a
// workspace whose platform has a ChannelDirectory, replaces the channel's stored members when the last sync is older
// than kChannelSyncInterval (or never happened). A failure (nullopt or an exception) is logged, the last membership
// kept, and the channel asked again after kChannelSyncRetry. Sync times live in storage (a restart does not re-ask
// early) and in memory (a tick costs no storage read for a channel already synced).
inline constexpr std::chrono::hours kChannelSyncInterval{6};
inline constexpr std::chrono::minutes kChannelSyncRetry{15};

class ChannelSync {
public:
    explicit ChannelSync(Context& ctx) : ctx_(ctx) {}
    void set_directory(Platform platform, ChannelDirectory* directory);
    void run();

private:
    void sync(const storage::Workspace& ws, ChannelDirectory& directory, const std::string& channel);
    Context& ctx_;
    std::map<Platform, ChannelDirectory*> directories_;
    std::map<std::pair<storage::Id, std::string>, std::chrono::sys_seconds> next_due_;  // (workspace, channel)
};

// What the planner already holds of a delivery it just created, so the sender does not read it back.
struct KnownDelivery {
    const storage::User* user = nullptr;
    const std::vector<storage::LinkToken>* tokens = nullptr;
};

// The pushes of one tick: each delivery rendered just before it goes, up to outbox.max_concurrent_sends() in flight
// (send_async() from this thread when the outbox sends asynchronously, else send() on that many threads), outcomes
// committed in batches. Only the user's current or previous local day is sent; older ones are given up.
class PushSender {
public:
    PushSender(Context& ctx, Outbox& outbox);
    ~PushSender();  // waits for the pushes in flight and records their outcomes
    PushSender(const PushSender&) = delete;
    PushSender& operator=(const PushSender&) = delete;

    // Starts this delivery's push (once per sender; nothing once the engine is stopping). Waits while the window
    // is full, recording the outcomes that arrive.
    void send(const storage::Delivery& delivery, KnownDelivery known = {});
    // send() for every unsent delivery (pending, or failed fewer than kMaxSendAttempts times).
    void send_unsent();
    // Waits for the pushes in flight and records their outcomes.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The weekly board, posted once per ISO week at the workspace's leaderboard weekday/time (or later that week),
// guarded by Settings::mark_once("leaderboard:<week>"). A failed post is retried by this process on the next ticks
// (up to kMaxSendAttempts); once posted, the week costs no storage access per tick.
class LeaderboardPoster {
public:
    explicit LeaderboardPoster(Context& ctx) : ctx_(ctx) {}
    void run(Outbox& outbox);

private:
    struct WeekState {
        std::string week;
        bool done = false;
        int failed_attempts = 0;
    };
    Context& ctx_;
    std::map<storage::Id, WeekState> weeks_;  // per workspace, the current week only
};
BoardData load_board(Context& ctx, storage::Id workspace_id, const std::string& week, int size);
// Where the weekly board goes on a platform; nullopt when not configured.
std::optional<Conversation> leaderboard_destination(const config::Config& config, const storage::Workspace& ws);

}  // namespace advocacy::engine
