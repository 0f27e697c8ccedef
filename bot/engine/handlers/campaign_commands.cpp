// campaign create | list | show | pause | resume | archive (admins).
#include <chrono>

#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "bot/engine/messages/campaign_message.hpp"

namespace advocacy::engine {

namespace {

std::optional<storage::Campaign> campaign_arg(Request& r, const Command& c) {
    const auto id = parse_id(c.arg(0).value_or(""));
    return id ? campaign_in_workspace(r, *id) : std::nullopt;
}

Reply campaign_not_found(Request& r, const Command& c) {
    return reply_private(r.tr("campaign.not_found", {{"id", c.arg(0).value_or("")}}));
}

Reply set_status(Request& r, const Command& c, storage::CampaignStatus status, const char* action, const char* done_key) {
    const auto campaign = campaign_arg(r, c);
    if (!campaign) return campaign_not_found(r, c);
    if (campaign->status == storage::CampaignStatus::archived && status != storage::CampaignStatus::archived) {
        return reply_private(r.tr("campaign.archived_final", {{"name", campaign->name}}));
    }
    r.ctx.campaigns.set_status(campaign->id, status);
    r.audit(action, "#" + std::to_string(campaign->id) + " " + campaign->name);
    return reply_text(r.tr(done_key, {{"id", std::to_string(campaign->id)}, {"name", campaign->name}}));
}

}  // namespace

Reply campaign_create(Request& r, const Command& c) {
    storage::NewCampaign n;
    n.workspace_id = r.user.workspace_id;
    n.name = c.arg(0).value_or("");
    n.why = c.option("why").value_or("");
    n.audience = c.option("audience").value_or("all");
    n.start_date = date_option(c, "start");
    n.end_date = date_option(c, "end");
    n.created_by = r.user.id;
    if (n.start_date && n.end_date && std::chrono::sys_days(*n.end_date) < std::chrono::sys_days(*n.start_date)) {
        return reply_private(r.tr("campaign.end_before_start") + '\n' +
                             r.tr("error.usage", {{"usage", c.spec->usage}}));
    }
    const storage::Campaign created = r.ctx.campaigns.create(n, r.ctx.now());
    r.audit("campaign.create", "#" + std::to_string(created.id) + " " + created.name);
    return reply_text(r.tr("campaign.created", {{"id", std::to_string(created.id)},
                                                {"name", created.name},
                                                {"audience", created.audience}}));
}

Reply campaign_list(Request& r, const Command&) {
    const auto campaigns = r.ctx.campaigns.in_workspace(r.user.workspace_id);
    if (campaigns.empty()) return reply_text(r.tr("campaign.none"));
    std::vector<std::string> lines{r.tr("campaign.list_title")};
    for (const auto& campaign : campaigns) lines.push_back(campaign_line(r.lang, campaign));
    return reply_text(join_lines(lines));
}

Reply campaign_show(Request& r, const Command& c) {
    const auto campaign = campaign_arg(r, c);
    if (!campaign) return campaign_not_found(r, c);
    const auto items = r.ctx.contents.in_campaign(campaign->id);
    return reply_of(campaign_details_message(r.lang, *campaign, items));
}

Reply campaign_pause(Request& r, const Command& c) {
    return set_status(r, c, storage::CampaignStatus::paused, "campaign.pause", "campaign.paused");
}
Reply campaign_resume(Request& r, const Command& c) {
    return set_status(r, c, storage::CampaignStatus::active, "campaign.resume", "campaign.resumed");
}
Reply campaign_archive(Request& r, const Command& c) {
    return set_status(r, c, storage::CampaignStatus::archived, "campaign.archive", "campaign.archived");
}

}  // namespace advocacy::engine
