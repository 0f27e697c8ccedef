#include "bot/engine/actions/lookup.hpp"

#include <charconv>

namespace advocacy::engine {

std::optional<storage::Id> parse_id(std::string_view text) {
    storage::Id id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

std::optional<storage::Campaign> campaign_in_workspace(Request& r, storage::Id campaign_id) {
    auto campaign = r.ctx.campaigns.find(campaign_id);
    if (!campaign || campaign->workspace_id != r.user.workspace_id) return std::nullopt;
    return campaign;
}

std::optional<ContentInWorkspace> content_in_workspace(Request& r, storage::Id content_id) {
    auto content = r.ctx.contents.find(content_id);
    if (!content) return std::nullopt;
    auto campaign = campaign_in_workspace(r, content->campaign_id);
    if (!campaign) return std::nullopt;
    return ContentInWorkspace{std::move(*content), std::move(*campaign)};
}

std::optional<storage::Delivery> latest_delivery(Request& r) {
    // Storage has no "latest delivery of a user" query; a bounded look-back per campaign is enough for "why?".
    using namespace std::chrono;
    const LocalDate today = r.today();
    const LocalDate from{sys_days(today) - days(90)};
    std::optional<storage::Delivery> best;
    for (const auto& campaign : r.ctx.campaigns.in_workspace(r.user.workspace_id)) {
        for (auto& d : r.ctx.deliveries.for_user_between(r.user.id, campaign.id, from, today)) {
            if (!best || sys_days(d.local_date) > sys_days(best->local_date) ||
                (d.local_date == best->local_date && d.id > best->id)) {
                best = std::move(d);
            }
        }
    }
    return best;
}

}  // namespace advocacy::engine
