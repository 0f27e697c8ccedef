#include <chrono>

#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/messages/why_message.hpp"
#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

Reply explain_content(Request& r, std::optional<storage::Id> content_id) {
    Reply reply;
    std::optional<storage::Id> delivery_id;
    if (!content_id) {
        const auto latest = latest_delivery(r);
        if (!latest) {
            reply.messages.push_back(text_message(r.tr("why.nothing_yet")));
            return reply;
        }
        content_id = latest->content_id;
        delivery_id = latest->id;
    }
    const auto item = content_in_workspace(r, *content_id);
    if (!item) {
        reply.messages.push_back(private_message(r.tr("content.not_found")));
        return reply;
    }
    if (!delivery_id) {
        if (auto d = r.ctx.deliveries.find_for(r.user.id, item->content.id)) delivery_id = d->id;
    }
    r.ctx.interactions.record_why(r.user.id, item->content.id, delivery_id, r.ctx.now());

    // The tip rotates per user and per day, so asking twice the same day gives the same advice.
    const auto day_number = std::chrono::sys_days(r.today()).time_since_epoch().count();
    const auto tip_index = static_cast<std::size_t>(r.user.id + day_number);
    // Only the asker sees it (Slack ephemeral; elsewhere a reply in their own conversation).
    Message why = why_message(r.lang, item->content, item->campaign, tip_index);
    why.ephemeral = true;
    reply.messages.push_back(std::move(why));
    return reply;
}

}  // namespace advocacy::engine
