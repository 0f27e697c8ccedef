#include "adapters/teams/outbox.hpp"

#include <boost/json.hpp>

#include "adapters/teams/adaptive_card.hpp"
#include "bot/log/log.hpp"

namespace advocacy::teams {

namespace {

SendResult failure(std::string error, bool permanent = false) { return SendResult{false, {}, std::move(error), permanent}; }

}  // namespace

std::optional<ActivityRef> parse_activity_ref(std::string_view ref) {
    const auto bar = ref.rfind('|');
    if (bar == std::string_view::npos || bar == 0 || bar + 1 == ref.size()) return std::nullopt;
    return ActivityRef{std::string(ref.substr(0, bar)), std::string(ref.substr(bar + 1))};
}

bool is_user_id(std::string_view id) { return id.starts_with("29:") || id.starts_with("8:orgid:"); }

TeamsOutbox::TeamsOutbox(const config::Config& config, ConnectorClient& connector, storage::Database& db,
                         const Clock& clock)
    : config_(config), connector_(connector), refs_(db), clock_(clock) {}

std::optional<Route> TeamsOutbox::open_chat(const std::string& tenant, const std::string& user, std::string& why) {
    const auto service_url = refs_.recent_service_url(tenant);
    if (!service_url) {
        why = "no serviceUrl known for the tenant yet (no activity received from it)";
        return std::nullopt;
    }
    const std::string bot_id = "28:" + config_.teams.app_id;
    const ConnectorResult opened = connector_.create_conversation(*service_url, bot_id, user, tenant);
    if (!opened.ok || opened.id.empty()) {
        why = opened.ok ? "create conversation: no id in the reply" : "create conversation: " + opened.error;
        if (opened.gone) refs_.save({tenant, user, "personal", "", *service_url, bot_id, false, clock_.now()});
        return std::nullopt;
    }
    refs_.save({tenant, user, "personal", opened.id, *service_url, bot_id, true, clock_.now()});
    return Route{*service_url, opened.id, tenant, user};
}

std::optional<Route> TeamsOutbox::resolve(const Conversation& to, std::string& why, bool& permanent) {
    const std::string& tenant = to.workspace_id;
    const std::string& id = to.conversation_id;
    if (is_user_id(id)) {
        if (const auto ref = refs_.find(tenant, id)) {
            if (!ref->alive) {
                why = "the user removed or blocked the bot";
                permanent = true;
                return std::nullopt;
            }
            if (!ref->conversation_id.empty()) return Route{ref->service_url, ref->conversation_id, tenant, id};
        }
        return open_chat(tenant, id, why);
    }
    if (const auto ref = refs_.find_by_conversation(id)) {
        if (!ref->alive) {
            why = "the bot was removed from the conversation";
            permanent = true;
            return std::nullopt;
        }
        return Route{ref->service_url, id, tenant, ref->owner};
    }
    if (!config_.teams.leaderboard_conversation.empty() && id == config_.teams.leaderboard_conversation)
        return Route{config_.teams.leaderboard_service_url, id, tenant, id};
    why = "unknown conversation";
    return std::nullopt;
}

SendResult TeamsOutbox::outcome(const ConnectorResult& r, const Route& route, const std::string& activity_id) {
    if (r.ok) {
        const std::string id = activity_id.empty() ? r.id : activity_id;
        if (id.empty()) return failure("no activity id in the reply");
        return SendResult{true, ActivityRef{route.conversation_id, id}.str(), {}};
    }
    if (r.gone && !route.owner.empty()) {
        // Bot removed, user blocked it: no more proactive messages there.
        refs_.mark_dead(route.tenant_id, route.owner, clock_.now());
        log::info("teams", "conversation closed to the bot", {{"error", r.error}});
    }
    return failure(r.error, r.permanent);
}

SendResult TeamsOutbox::send(const Conversation& to, const Message& message) {
    if (to.platform != Platform::teams) return failure("not a Teams conversation");
    if (to.conversation_id.empty() || to.workspace_id.empty()) return failure("no conversation");
    std::string why;
    bool permanent = false;
    const auto route = resolve(to, why, permanent);
    if (!route) {
        log::warn("teams", "message not sent", {{"reason", why}});
        return failure(why, permanent);
    }
    return send_to(*route, message);
}

SendResult TeamsOutbox::send_to(const Route& route, const Message& message) {
    return outcome(connector_.send(route.service_url, route.conversation_id, route.tenant_id, card_activity(message)),
                   route);
}

SendResult TeamsOutbox::replace(const Route& route, const std::string& activity_id, const Message& message) {
    return outcome(connector_.update(route.service_url, route.conversation_id, activity_id, route.tenant_id,
                                     card_activity(message)),
                   route, activity_id);
}

}  // namespace advocacy::teams
