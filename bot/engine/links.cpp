#include "bot/engine/links.hpp"

#include <algorithm>
#include <stdexcept>

#include "bot/engine/messages/content_message.hpp"
#include "bot/share_links.hpp"

namespace advocacy::engine {

namespace {

// Where the link goes; computed before anything is recorded, so a link that cannot redirect writes nothing.
std::string location_of(Context& ctx, const storage::LinkToken& link, const storage::Delivery& delivery,
                        const storage::Content& content, const storage::Campaign& campaign) {
    if (link.kind == storage::LinkKind::post) return tracked_destination(content.url, link.network, campaign.slug);
    // The post carries the /r/ link of the same delivery and network, so clicks on it are tracked.
    const auto tokens = ctx.deliveries.tokens_for(delivery.id);
    const auto post = std::find_if(tokens.begin(), tokens.end(), [&](const storage::LinkToken& t) {
        return t.kind == storage::LinkKind::post && t.network == link.network;
    });
    const std::string shared_url =
        post != tokens.end() ? post_link(ctx.config.server.public_base_url, post->token) : content.url;
    return share_intent_url(link.network, shared_url, suggested_text(ctx.config, content, link.network));
}

}  // namespace

std::optional<LinkRedirect> follow_link(Context& ctx, char kind, std::string_view token, std::string_view user_agent) {
    if (kind != 'r' && kind != 's') return std::nullopt;
    const auto link = ctx.deliveries.resolve_token(std::string(token));
    if (!link) return std::nullopt;
    const auto expected = kind == 'r' ? storage::LinkKind::post : storage::LinkKind::intent;
    if (link->kind != expected) return std::nullopt;  // a token only works under its own path

    const auto delivery = ctx.deliveries.find(link->delivery_id);
    if (!delivery) return std::nullopt;
    const auto content = ctx.contents.find(delivery->content_id);
    const auto campaign = ctx.campaigns.find(delivery->campaign_id);
    if (!content || !campaign) return std::nullopt;

    LinkRedirect redirect;
    try {
        redirect.location = location_of(ctx, *link, *delivery, *content, *campaign);
    } catch (const std::invalid_argument&) {
        return std::nullopt;  // a stored URL or network share_links refuses: nothing to redirect to
    }

    if (!is_link_preview_crawler(user_agent)) {
        const auto now = ctx.now();
        const std::string week = iso_week_key(now, ctx.program_zone(campaign->workspace_id));
        const config::PointsTable& points = ctx.config.program.points;
        if (link->kind == storage::LinkKind::intent) {
            ctx.interactions.record_click(*link, {campaign->workspace_id, week, 0}, 0, now);  // intent: no points
        } else {
            ctx.interactions.record_click(*link, {campaign->workspace_id, week, points.post_click},
                                          points.post_click_cap_per_item, now);
        }
    }
    return redirect;
}

}  // namespace advocacy::engine
