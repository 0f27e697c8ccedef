// The daily fan-out: every unsent delivery rendered just before it goes, up to the outbox's max_concurrent_sends()
// in flight, outcomes committed in batches by the scheduler thread.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "bot/engine/messages/content_message.hpp"
#include "bot/engine/scheduler/scheduler.hpp"
#include "bot/log/log.hpp"

namespace advocacy::engine {

using namespace std::chrono;

namespace {

using storage::SendOutcome;

// One push ready to go: rendered and addressed.
struct Job {
    storage::Id delivery_id = 0;
    Conversation to;
    Message message;
};

SendOutcome outcome_of(storage::Id delivery_id, const SendResult& result) {
    if (result.ok) return SendOutcome{delivery_id, SendOutcome::Kind::sent, result.platform_ref};
    std::string error = result.error.empty() ? "send failed" : result.error;
    log::warn("engine", "push not sent",
              {{"delivery", std::to_string(delivery_id)}, {"error", error}, {"permanent", result.permanent ? "yes" : "no"}});
    return SendOutcome{delivery_id, result.permanent ? SendOutcome::Kind::gave_up : SendOutcome::Kind::failed,
                       std::move(error)};
}

SendResult send_safely(Outbox& outbox, const Conversation& to, const Message& message) {
    try {
        return outbox.send(to, message);
    } catch (const std::exception& e) {
        return SendResult{false, {}, e.what(), false};
    }
}

// Outcomes arriving from the outbox's threads; the scheduler thread takes them in batches. Shared with the
// completion callbacks, so a late one never touches a finished fan-out.
class Completions {
public:
    void add(SendOutcome outcome) {
        {
            const std::lock_guard lock(mutex_);
            done_.push_back(std::move(outcome));
        }
        ready_.notify_one();
    }
    // Waits for at least one, then takes all there are.
    std::vector<SendOutcome> take() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !done_.empty(); });
        return std::exchange(done_, {});
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<SendOutcome> done_;
};

using Done = std::function<void(SendResult)>;

// For an outbox that only sends blocking: up to `max_threads` threads running send(), started as needed.
class SendThreads {
public:
    SendThreads(Outbox& outbox, std::size_t max_threads) : outbox_(outbox), max_threads_(max_threads) {}
    ~SendThreads() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        threads_.clear();  // joins: each finishes the send it is in
    }
    SendThreads(const SendThreads&) = delete;
    SendThreads& operator=(const SendThreads&) = delete;

    void start(Job job, Done done) {
        {
            const std::lock_guard lock(mutex_);
            queue_.push_back({std::move(job), std::move(done)});
            if (idle_ < queue_.size() && threads_.size() < max_threads_) threads_.emplace_back([this] { run(); });
        }
        wake_.notify_one();
    }

private:
    void run() {
        for (;;) {
            std::pair<Job, Done> next;
            {
                std::unique_lock lock(mutex_);
                ++idle_;
                wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                --idle_;
                if (queue_.empty()) return;
                next = std::move(queue_.front());
                queue_.pop_front();
            }
            next.second(send_safely(outbox_, next.first.to, next.first.message));
        }
    }

    Outbox& outbox_;
    const std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<Job, Done>> queue_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
    std::vector<std::jthread> threads_;  // scheduler thread only; last: joined before the rest goes
};

// Blocking sends (Teams) wait in their platform's rate limiter most of the time: a window widened for another
// platform's asynchronous sends (Slack: 2 x max_in_flight_per_method) must not become as many threads.
constexpr std::size_t kMaxSendThreads = 32;

// Keeps up to `window` pushes in flight. A push leaves the window only once its outcome is committed, so at any
// moment at most `window` pushes are sent but not yet recorded as sent (what a crash can send twice).
class FanOut {
public:
    FanOut(Context& ctx, Outbox& outbox)
        : ctx_(ctx), outbox_(outbox), window_(std::max<std::size_t>(1, outbox.max_concurrent_sends())) {}
    FanOut(const FanOut&) = delete;
    FanOut& operator=(const FanOut&) = delete;
    ~FanOut() { drain(); }

    // Records outcomes until a push may start.
    void wait_for_room() {
        while (in_flight_ >= window_) record_some();
    }

    void start(Job job) {
        wait_for_room();
        ++in_flight_;
        auto done = [completions = completions_, id = job.delivery_id](SendResult r) {
            completions->add(outcome_of(id, r));
        };
        if (!outbox_.sends_async(job.to)) {
            if (!threads_) threads_ = std::make_unique<SendThreads>(outbox_, std::min(window_, kMaxSendThreads));
            return threads_->start(std::move(job), std::move(done));
        }
        // `done` must run once: if send_async throws before handing it on, the push failed here.
        auto once = std::make_shared<std::once_flag>();
        auto guarded = [once, done](SendResult r) { std::call_once(*once, done, std::move(r)); };
        try {
            outbox_.send_async(job.to, job.message, guarded);
        } catch (const std::exception& e) {
            guarded(SendResult{false, {}, e.what(), false});
        }
    }

    // Waits for every push in flight and records it.
    void drain() {
        while (in_flight_ > 0) record_some();
    }

private:
    // Commits every outcome that arrived (waiting for one if none did) in one write.
    void record_some() {
        const auto batch = completions_->take();
        try {
            ctx_.deliveries.record(batch, ctx_.now());
        } catch (const std::exception& e) {
            // The deliveries stay unsent: the next tick sends them again.
            log::error("engine", "push outcomes not recorded",
                       {{"error", e.what()}, {"deliveries", std::to_string(batch.size())}});
        }
        in_flight_ -= batch.size();
    }

    Context& ctx_;
    Outbox& outbox_;
    const std::size_t window_;
    std::shared_ptr<Completions> completions_ = std::make_shared<Completions>();
    std::size_t in_flight_ = 0;
    std::unique_ptr<SendThreads> threads_;  // for conversations the outbox only sends to blocking
};

// Addresses and renders deliveries, reading each workspace, program, content and campaign once per fan-out.
class JobMaker {
public:
    explicit JobMaker(Context& ctx) : ctx_(ctx), now_(ctx.now()) {}

    // nullopt: not to send now (skipped, or given up and recorded).
    std::optional<Job> make(const storage::Delivery& delivery, KnownDelivery known) {
        std::optional<storage::User> loaded;
        const storage::User* user = known.user;
        if (!user) {
            loaded = ctx_.users.find(delivery.user_id);
            if (!loaded) return std::nullopt;
            user = &*loaded;
        }
        auto ws_it = workspaces_.find(user->workspace_id);
        if (ws_it == workspaces_.end()) {
            ws_it = workspaces_.emplace(user->workspace_id, ctx_.users.workspace(user->workspace_id)).first;
            programs_.emplace(user->workspace_id, ctx_.program(user->workspace_id));
        }
        if (!ws_it->second) return std::nullopt;
        const storage::Workspace& ws = *ws_it->second;
        const ProgramSettings& program = programs_.at(user->workspace_id);

        // Only today's push, or yesterday's when the user's day just turned: a stale push is worse than none.
        const LocalDate today = local_date(now_, ctx_.zone_of(*user, program));
        const auto age = sys_days(today) - sys_days(delivery.local_date);
        if (age > days(1)) {
            ctx_.deliveries.give_up(delivery.id, "expired: not sent on its day");
            return std::nullopt;
        }
        if (age < days(0) || is_paused(*user, today)) return std::nullopt;

        const auto& content = cached(contents_, delivery.content_id, [&] { return ctx_.contents.find(delivery.content_id); });
        const auto& campaign =
            cached(campaigns_, delivery.campaign_id, [&] { return ctx_.campaigns.find(delivery.campaign_id); });
        if (!content || !campaign || content->status != storage::ContentStatus::published) {
            ctx_.deliveries.give_up(delivery.id, "content no longer published");
            return std::nullopt;
        }
        Job job;
        job.delivery_id = delivery.id;
        auto tokens = known.tokens ? *known.tokens : ctx_.deliveries.tokens_for(delivery.id);
        job.message = content_message(ctx_.lang_of(*user), ctx_.config,
                                      ContentCard{*content, *campaign, std::move(tokens), CardState::open, {}});
        job.to.platform = platform_from_string(ws.platform).value_or(Platform::playground);
        job.to.workspace_id = ws.external_id;
        // No DM known yet: the platform user id, adapters open the DM.
        job.to.conversation_id = user->dm_conversation.empty() ? user->platform_user_id : user->dm_conversation;
        job.to.is_direct = true;
        return job;
    }

private:
    template <typename T, typename Load>
    static const std::optional<T>& cached(std::map<storage::Id, std::optional<T>>& cache, storage::Id id, Load load) {
        auto it = cache.find(id);
        if (it == cache.end()) it = cache.emplace(id, load()).first;
        return it->second;
    }

    Context& ctx_;
    const sys_seconds now_;
    std::map<storage::Id, std::optional<storage::Workspace>> workspaces_;
    std::map<storage::Id, ProgramSettings> programs_;
    std::map<storage::Id, std::optional<storage::Content>> contents_;
    std::map<storage::Id, std::optional<storage::Campaign>> campaigns_;
};

}  // namespace

struct PushSender::Impl {
    Impl(Context& c, Outbox& outbox) : ctx(c), maker(c), fan_out(c, outbox) {}
    Context& ctx;
    JobMaker maker;
    FanOut fan_out;
    std::set<storage::Id> handled;  // deliveries this sender started or skipped: each goes once per tick
    bool broken = false;            // storage failed while preparing: start nothing more
};

PushSender::PushSender(Context& ctx, Outbox& outbox) : impl_(std::make_unique<Impl>(ctx, outbox)) {}

PushSender::~PushSender() = default;  // the fan-out drains: what is in flight is recorded

void PushSender::send(const storage::Delivery& delivery, KnownDelivery known) {
    auto& i = *impl_;
    if (i.broken || !i.handled.insert(delivery.id).second) return;
    i.fan_out.wait_for_room();
    if (i.ctx.stopping) return;  // what is in flight is still recorded (drain)
    std::optional<Job> job;
    try {
        job = i.maker.make(delivery, known);
    } catch (const std::exception& e) {
        // Storage failed (e.g. a read): start no more pushes; those in flight are recorded, the rest waits for
        // the next tick.
        log::error("engine", "push not prepared", {{"delivery", std::to_string(delivery.id)}, {"error", e.what()}});
        i.broken = true;
        return;
    }
    if (job) i.fan_out.start(std::move(*job));
}

void PushSender::send_unsent() {
    for (const auto& delivery : impl_->ctx.deliveries.unsent(kMaxSendAttempts)) {
        if (impl_->broken || impl_->ctx.stopping) break;
        send(delivery);
    }
}

void PushSender::finish() { impl_->fan_out.drain(); }

}  // namespace advocacy::engine
