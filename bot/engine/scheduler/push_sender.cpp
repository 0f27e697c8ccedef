#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <thread>
#include <vector>

#include "bot/engine/messages/content_message.hpp"
#include "bot/engine/scheduler/scheduler.hpp"
#include "bot/log/log.hpp"

namespace advocacy::engine {

using namespace std::chrono;

namespace {

SendResult send_safely(Outbox& outbox, const Conversation& to, const Message& message) {
    try {
        return outbox.send(to, message);
    } catch (const std::exception& e) {
        return SendResult{false, {}, e.what()};
    }
}

}  // namespace

namespace {

// One push ready to go: rendered and addressed before the (possibly slow, concurrent) sending starts.
struct Job {
    storage::Id delivery_id = 0;
    Conversation to;
    Message message;
};

void send_one(Context& ctx, Outbox& outbox, const Job& job) {
    const SendResult result = send_safely(outbox, job.to, job.message);
    if (result.ok) {
        ctx.deliveries.mark_sent(job.delivery_id, result.platform_ref, ctx.now());
        return;
    }
    const std::string error = result.error.empty() ? "send failed" : result.error;
    if (result.permanent) {
        ctx.deliveries.give_up(job.delivery_id, error);
    } else {
        ctx.deliveries.mark_failed(job.delivery_id, error);
    }
    log::warn("engine", "push not sent",
              {{"delivery", std::to_string(job.delivery_id)}, {"error", error}, {"permanent", result.permanent ? "yes" : "no"}});
}

// Sends every job once, on up to `threads` threads; each delivery is handled by exactly one of them.
void fan_out(Context& ctx, Outbox& outbox, const std::vector<Job>& jobs, std::size_t threads) {
    threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(jobs.size(), 1));
    if (threads == 1) {
        for (const auto& job : jobs) {
            if (ctx.stopping) return;
            send_one(ctx, outbox, job);
        }
        return;
    }
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < jobs.size() && !ctx.stopping; i = next++) {
            try {
                send_one(ctx, outbox, jobs[i]);
            } catch (const std::exception& e) {
                // Storage failed to record the outcome: the delivery stays unsent and the next tick retries it.
                log::error("engine", "push outcome not recorded", {{"error", e.what()}});
            }
        }
    };
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
}

}  // namespace

void send_unsent(Context& ctx, Outbox& outbox) {
    const auto now = ctx.now();
    std::map<storage::Id, std::optional<storage::Workspace>> workspaces;
    std::map<storage::Id, ProgramSettings> programs;
    std::vector<Job> jobs;

    for (const auto& delivery : ctx.deliveries.unsent(kMaxSendAttempts)) {
        const auto user = ctx.users.find(delivery.user_id);
        if (!user) continue;
        auto ws_it = workspaces.find(user->workspace_id);
        if (ws_it == workspaces.end()) {
            ws_it = workspaces.emplace(user->workspace_id, ctx.users.workspace(user->workspace_id)).first;
            programs.emplace(user->workspace_id, ctx.program(user->workspace_id));
        }
        if (!ws_it->second) continue;
        const storage::Workspace& ws = *ws_it->second;
        const ProgramSettings& program = programs.at(user->workspace_id);

        // Only today's push, or yesterday's when the user's day just turned: a stale push is worse than none.
        const LocalDate today = local_date(now, ctx.zone_of(*user, program));
        const auto age = sys_days(today) - sys_days(delivery.local_date);
        if (age > days(1)) {
            ctx.deliveries.give_up(delivery.id, "expired: not sent on its day");
            continue;
        }
        if (age < days(0) || is_paused(*user, today)) continue;

        const auto content = ctx.contents.find(delivery.content_id);
        const auto campaign = ctx.campaigns.find(delivery.campaign_id);
        if (!content || !campaign || content->status != storage::ContentStatus::published) {
            ctx.deliveries.give_up(delivery.id, "content no longer published");
            continue;
        }
        Job job;
        job.delivery_id = delivery.id;
        job.message = content_message(ctx.lang_of(*user), ctx.config,
                                      ContentCard{*content, *campaign, ctx.deliveries.tokens_for(delivery.id), CardState::open, {}});
        job.to.platform = platform_from_string(ws.platform).value_or(Platform::playground);
        job.to.workspace_id = ws.external_id;
        // No DM known yet: the platform user id, adapters open the DM.
        job.to.conversation_id = user->dm_conversation.empty() ? user->platform_user_id : user->dm_conversation;
        job.to.is_direct = true;
        jobs.push_back(std::move(job));
    }
    fan_out(ctx, outbox, jobs, outbox.max_concurrent_sends());
}

}  // namespace advocacy::engine
