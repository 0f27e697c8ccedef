#include <chrono>
#include <exception>
#include <map>

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

void send_unsent(Context& ctx, Outbox& outbox) {
    const auto now = ctx.now();
    std::map<storage::Id, std::optional<storage::Workspace>> workspaces;
    std::map<storage::Id, ProgramSettings> programs;

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
        const Message message = content_message(ctx.lang_of(*user), ctx.config,
                                                ContentCard{*content, *campaign, ctx.deliveries.tokens_for(delivery.id), CardState::open, {}});
        Conversation to;
        to.platform = platform_from_string(ws.platform).value_or(Platform::playground);
        to.workspace_id = ws.external_id;
        // No DM known yet: the platform user id, adapters open the DM.
        to.conversation_id = user->dm_conversation.empty() ? user->platform_user_id : user->dm_conversation;
        to.is_direct = true;

        const SendResult result = send_safely(outbox, to, message);
        if (result.ok) {
            ctx.deliveries.mark_sent(delivery.id, result.platform_ref, ctx.now());
        } else {
            const std::string error = result.error.empty() ? "send failed" : result.error;
            if (result.permanent) {
                ctx.deliveries.give_up(delivery.id, error);
            } else {
                ctx.deliveries.mark_failed(delivery.id, error);
            }
            log::warn("engine", "push not sent", {{"delivery", std::to_string(delivery.id)}, {"error", error}});
        }
    }
}

}  // namespace advocacy::engine
