// content add | list | remove | pending | approve | reject (admins) and suggest (everyone).
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "bot/engine/messages/campaign_message.hpp"
#include "bot/share_links.hpp"

namespace advocacy::engine {

namespace {

Reply content_not_found(Request& r, const std::string& id) {
    return reply_private(r.tr("content.not_found_id", {{"id", id}}));
}

Reply bad_url(Request& r, const Command& c, const std::string& url) {
    return reply_private(r.tr("content.bad_url", {{"url", url}}) + '\n' + r.tr("error.usage", {{"usage", c.spec->usage}}));
}

// A suggestion under review: approve / reject it and tell its author.
Reply review(Request& r, const Command& c, bool approve) {
    const std::string id_text = c.arg(0).value_or("");
    const auto id = parse_id(id_text);
    const auto item = id ? content_in_workspace(r, *id) : std::nullopt;
    if (!item) return content_not_found(r, id_text);
    if (item->content.status != storage::ContentStatus::pending) {
        return reply_private(r.tr("content.not_pending", {{"id", id_text}}));
    }
    r.ctx.contents.set_status(item->content.id, approve ? storage::ContentStatus::published
                                                        : storage::ContentStatus::rejected);
    r.audit(approve ? "content.approve" : "content.reject", "#" + id_text + " " + item->content.url);

    Reply reply = reply_text(r.tr(approve ? "content.approved" : "content.rejected",
                                  {{"id", id_text}, {"campaign", item->campaign.name}}));
    if (item->content.suggested_by) {
        if (const auto author = r.ctx.users.find(*item->content.suggested_by)) {
            const auto lang = r.ctx.lang_of(*author);
            reply.notifications.push_back(
                {direct_conversation(r, *author),
                 text_message(i18n::tr(lang, approve ? "suggest.approved_notice" : "suggest.rejected_notice",
                                       {{"url", item->content.url}, {"campaign", item->campaign.name}}))});
        }
    }
    return reply;
}

}  // namespace

Reply content_add(Request& r, const Command& c) {
    const std::string campaign_id = c.arg(0).value_or("");
    const auto id = parse_id(campaign_id);
    const auto campaign = id ? campaign_in_workspace(r, *id) : std::nullopt;
    if (!campaign) return reply_private(r.tr("campaign.not_found", {{"id", campaign_id}}));
    if (campaign->status == storage::CampaignStatus::archived) {
        return reply_private(r.tr("campaign.archived_final", {{"name", campaign->name}}));
    }
    const std::string raw_url = c.arg(1).value_or("");
    const auto url = normalize_content_url(raw_url);
    if (!url) return bad_url(r, c, raw_url);

    storage::NewContent n;
    n.campaign_id = campaign->id;
    n.title = c.option("title").value_or("");
    n.url = *url;
    n.summary = c.option("summary").value_or("");
    n.why = c.option("why").value_or("");
    n.suggested_text = c.option("text").value_or("");
    for (std::string_view network : kNetworks) {
        if (auto text = c.option(std::string(network))) n.network_texts.push_back({std::string(network), *text});
    }
    n.scheduled_on = date_option(c, "on");
    n.expires_on = date_option(c, "expires");
    n.lang = c.option("lang").value_or("");
    n.status = storage::ContentStatus::published;

    const storage::Content added = r.ctx.contents.add(n, r.ctx.now());
    r.audit("content.add", "#" + std::to_string(added.id) + " " + added.title);
    return reply_text(r.tr("content.added", {{"id", std::to_string(added.id)},
                                             {"title", added.title},
                                             {"campaign", campaign->name}}));
}

Reply content_list(Request& r, const Command& c) {
    const std::string campaign_id = c.arg(0).value_or("");
    const auto id = parse_id(campaign_id);
    const auto campaign = id ? campaign_in_workspace(r, *id) : std::nullopt;
    if (!campaign) return reply_private(r.tr("campaign.not_found", {{"id", campaign_id}}));
    const auto items = r.ctx.contents.in_campaign(campaign->id);
    if (items.empty()) return reply_text(r.tr("content.none"));
    std::vector<std::string> lines{r.tr("content.list_title", {{"count", std::to_string(items.size())}})};
    for (const auto& item : items) lines.push_back(content_line(r.lang, item));
    return reply_text(join_lines(lines));
}

Reply content_remove(Request& r, const Command& c) {
    const std::string id_text = c.arg(0).value_or("");
    const auto id = parse_id(id_text);
    const auto item = id ? content_in_workspace(r, *id) : std::nullopt;
    if (!item) return content_not_found(r, id_text);
    r.ctx.contents.set_status(item->content.id, storage::ContentStatus::removed);
    r.audit("content.remove", "#" + id_text + " " + item->content.title);
    return reply_text(r.tr("content.removed", {{"id", id_text}, {"title", item->content.title}}));
}

Reply content_pending(Request& r, const Command&) {
    const auto items = r.ctx.contents.pending(r.user.workspace_id);
    if (items.empty()) return reply_text(r.tr("content.pending_none"));
    std::vector<std::string> lines{r.tr("content.pending_title", {{"count", std::to_string(items.size())}})};
    for (const auto& item : items) {
        std::string author = "-";
        if (item.suggested_by) {
            if (const auto u = r.ctx.users.find(*item.suggested_by)) author = u->display_name;
        }
        lines.push_back(r.tr("content.pending_line", {{"id", std::to_string(item.id)},
                                                      {"url", item.url},
                                                      {"author", author},
                                                      {"why", item.why.empty() ? "-" : item.why}}));
    }
    lines.push_back(r.tr("content.pending_hint"));
    return reply_text(join_lines(lines));
}

Reply content_approve(Request& r, const Command& c) { return review(r, c, true); }
Reply content_reject(Request& r, const Command& c) { return review(r, c, false); }

Reply suggest(Request& r, const Command& c) {
    const std::string raw_url = c.arg(0).value_or("");
    const auto url = normalize_content_url(raw_url);
    if (!url) return bad_url(r, c, raw_url);

    // The workspace's most recently created active campaign (in_workspace is newest first).
    std::optional<storage::Campaign> target;
    for (auto& campaign : r.ctx.campaigns.in_workspace(r.user.workspace_id)) {
        if (campaign.status == storage::CampaignStatus::active) {
            target = std::move(campaign);
            break;
        }
    }
    if (!target) return reply_text(r.tr("suggest.no_campaign"));

    storage::NewContent n;
    n.campaign_id = target->id;
    n.title = *url;
    n.url = *url;
    n.why = c.option("why").value_or("");
    n.lang = c.option("lang").value_or("");
    n.status = storage::ContentStatus::pending;
    n.suggested_by = r.user.id;
    const storage::Content added = r.ctx.contents.add(n, r.ctx.now());

    Reply reply = reply_text(r.tr("suggest.thanks", {{"campaign", target->name}}));
    for (const auto& admin : r.ctx.users.admins(r.user.workspace_id)) {
        if (admin.id == r.user.id) continue;
        reply.notifications.push_back(
            {direct_conversation(r, admin),
             text_message(i18n::tr(r.ctx.lang_of(admin), "suggest.admin_notice",
                                   {{"id", std::to_string(added.id)},
                                    {"url", added.url},
                                    {"author", r.user.display_name},
                                    {"campaign", target->name}}))});
    }
    return reply;
}

}  // namespace advocacy::engine
