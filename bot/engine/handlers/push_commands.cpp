// push [CONTENT_ID] [to=me] (admins): deliveries now for the audience (tick sends them), or a private preview.
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "bot/engine/messages/content_message.hpp"
#include "bot/engine/scheduler/scheduler.hpp"

namespace advocacy::engine {

namespace {

struct PushCount {
    int queued = 0;
    int skipped = 0;  // already had this content / a push of this campaign today, or paused
};

// One campaign: the given content, or each user's next item.
void push_campaign(Request& r, const storage::Campaign& campaign, const storage::Content* content, PushCount& count) {
    for (const auto& user : r.ctx.users.audience(campaign.workspace_id, campaign.audience)) {
        const LocalDate today = local_date(r.ctx.now(), r.ctx.zone_of(user, r.program));
        if (is_paused(user, today)) {
            ++count.skipped;
            continue;
        }
        std::optional<storage::Content> next;
        if (!content) {
            next = r.ctx.contents.next_for(campaign.id, user.id, today, i18n::lang_code(r.ctx.lang_of(user)));
            if (!next) {
                ++count.skipped;
                continue;
            }
        }
        const auto created = create_delivery(r.ctx, campaign, content ? *content : *next, user, today);
        ++(created ? count.queued : count.skipped);
    }
}

// The content an admin previews: the given one, else the next item of the newest running campaign.
std::optional<ContentInWorkspace> preview_item(Request& r, std::optional<storage::Id> content_id) {
    if (content_id) return content_in_workspace(r, *content_id);
    for (const auto& campaign : r.ctx.campaigns.in_workspace(r.user.workspace_id)) {
        if (!campaign_runs_on(campaign, r.today())) continue;
        for (auto& item : r.ctx.contents.in_campaign(campaign.id)) {
            if (item.status == storage::ContentStatus::published) return ContentInWorkspace{std::move(item), campaign};
        }
    }
    return std::nullopt;
}

}  // namespace

Reply push(Request& r, const Command& c) {
    const std::string id_text = c.arg(0).value_or("");
    const std::optional<storage::Id> content_id = parse_id(id_text);

    if (c.option("to") == "me") {
        const auto item = preview_item(r, content_id);
        if (!item) return reply_private(content_id ? r.tr("content.not_found_id", {{"id", id_text}}) : r.tr("push.nothing"));
        Message preview = content_message(r.lang, r.ctx.config, ContentCard{item->content, item->campaign, {}, CardState::open, {}});
        preview.ephemeral = true;
        Reply reply = reply_private(r.tr("push.preview"));
        reply.messages.push_back(std::move(preview));
        return reply;
    }

    PushCount count;
    if (content_id) {
        const auto item = content_in_workspace(r, *content_id);
        if (!item) return reply_private(r.tr("content.not_found_id", {{"id", id_text}}));
        if (item->content.status != storage::ContentStatus::published ||
            item->campaign.status != storage::CampaignStatus::active) {
            return reply_private(r.tr("push.not_pushable", {{"id", id_text}}));
        }
        push_campaign(r, item->campaign, &item->content, count);
    } else {
        for (const auto& campaign : r.ctx.campaigns.in_workspace(r.user.workspace_id)) {
            if (campaign_runs_on(campaign, r.today())) push_campaign(r, campaign, nullptr, count);
        }
    }
    r.audit("push", (content_id ? "content #" + id_text : std::string("running campaigns")) + ": " +
                        std::to_string(count.queued) + " queued");
    return reply_text(r.tr("push.queued", {{"queued", std::to_string(count.queued)},
                                           {"skipped", std::to_string(count.skipped)}}));
}

}  // namespace advocacy::engine
