// schedule, leaderboard post, stats, admins add|remove|list, group set (admins).
#include <chrono>

#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "bot/engine/messages/stats_message.hpp"
#include "bot/engine/scheduler/scheduler.hpp"
#include "config/values.hpp"

namespace advocacy::engine {

using namespace std::chrono;

namespace {

std::string schedule_text(Request& r) {
    const ProgramSettings& p = r.program;
    return r.tr("schedule.current",
                {{"time", config::format_time_of_day(p.push_time)},
                 {"days", config::format_weekday_set(p.working_days)},
                 {"tz", p.time_zone},
                 {"leaderboard", config::format_weekly_time({p.leaderboard_weekday, p.leaderboard_time})}});
}

std::optional<storage::User> user_arg(Request& r, const Command& c) {
    return r.ctx.users.find_by_platform_id(r.user.workspace_id, c.arg(0).value_or(""));
}

Reply unknown_user(Request& r, const Command& c) {
    return reply_private(r.tr("admins.unknown_user", {{"user", c.arg(0).value_or("")}}));
}

std::string name_of(const storage::User& u) { return u.display_name.empty() ? u.platform_user_id : u.display_name; }

}  // namespace

Reply schedule(Request& r, const Command& c) {
    // The parser validated every value; they are stored normalised.
    const std::pair<const char*, const char*> keys[] = {{"daily", setting_keys::push_time},
                                                        {"tz", setting_keys::time_zone},
                                                        {"days", setting_keys::working_days},
                                                        {"leaderboard", setting_keys::leaderboard}};
    std::string changes;
    for (const auto& [option, key] : keys) {
        if (auto value = c.option(option)) {
            r.ctx.settings.set(r.user.workspace_id, key, *value);
            changes += (changes.empty() ? "" : " ") + std::string(option) + "=" + *value;
        }
    }
    if (changes.empty()) return reply_text(schedule_text(r));
    r.audit("schedule", changes);
    r.program = r.ctx.program(r.user.workspace_id);
    return reply_text(r.tr("schedule.updated") + '\n' + schedule_text(r));
}

Reply leaderboard_post(Request& r, const Command&) {
    const auto ws = r.ctx.users.workspace(r.user.workspace_id);
    const auto destination = ws ? leaderboard_destination(r.ctx.config, *ws) : std::nullopt;
    if (!destination) return reply_private(r.tr("leaderboard.no_destination"));
    const auto lang = i18n::pick_lang("", r.program.default_locale);
    Reply reply = reply_text(r.tr("leaderboard.posted"));
    reply.notifications.push_back(
        {*destination, leaderboard_message(lang, load_board(r.ctx, r.user.workspace_id, r.week(), r.program.leaderboard_size))});
    r.audit("leaderboard.post", r.week());
    return reply;
}

Reply stats(Request& r, const Command& c) {
    const std::string period = c.arg(1).value_or("week");
    const auto* zone = r.program.zone();
    const LocalDate today = local_date(r.ctx.now(), zone);
    sys_seconds from{};
    if (period == "week") from = at_local_time(iso_week_monday(today), minutes(0), zone);
    if (period == "month") from = at_local_time(today.year() / today.month() / 1, minutes(0), zone);
    const sys_seconds to = r.ctx.now() + seconds(1);

    std::vector<storage::Campaign> campaigns;
    std::string scope;
    if (const auto id_text = c.arg(0)) {
        const auto id = parse_id(*id_text);
        auto campaign = id ? campaign_in_workspace(r, *id) : std::nullopt;
        if (!campaign) return reply_private(r.tr("campaign.not_found", {{"id", *id_text}}));
        scope = campaign->name;
        campaigns.push_back(std::move(*campaign));
    } else {
        scope = r.tr("stats.all_campaigns");
        campaigns = r.ctx.campaigns.in_workspace(r.user.workspace_id);
    }
    storage::CampaignStats total;
    for (const auto& campaign : campaigns) {
        const auto s = r.ctx.leaderboard.campaign_stats(campaign.id, from, to);
        total.delivered += s.delivered;
        total.why_asked += s.why_asked;
        total.intent_clicks += s.intent_clicks;
        total.shared += s.shared;
        total.skipped += s.skipped;
        total.post_clicks += s.post_clicks;
        // Distinct per campaign: someone sharing in two campaigns counts twice across campaigns.
        total.advocates += s.advocates;
    }
    return reply_of(stats_message(r.lang, scope, r.tr("stats.period." + period), total));
}

Reply admins_add(Request& r, const Command& c) {
    const auto target = user_arg(r, c);
    if (!target) return unknown_user(r, c);
    r.ctx.users.set_admin(target->id, true);
    r.audit("admins.add", target->platform_user_id);
    return reply_text(r.tr("admins.added", {{"name", name_of(*target)}}));
}

Reply admins_remove(Request& r, const Command& c) {
    const auto target = user_arg(r, c);
    if (!target) return unknown_user(r, c);
    if (!target->is_admin) return reply_private(r.tr("admins.not_admin", {{"name", name_of(*target)}}));
    if (r.ctx.users.admins(r.user.workspace_id).size() <= 1) return reply_private(r.tr("admins.last"));
    r.ctx.users.set_admin(target->id, false);
    r.audit("admins.remove", target->platform_user_id);
    return reply_text(r.tr("admins.removed", {{"name", name_of(*target)}}));
}

Reply admins_list(Request& r, const Command&) {
    std::vector<std::string> lines{r.tr("admins.list_title")};
    for (const auto& admin : r.ctx.users.admins(r.user.workspace_id)) lines.push_back("- " + name_of(admin));
    return reply_text(join_lines(lines));
}

Reply group_set(Request& r, const Command& c) {
    const auto target = user_arg(r, c);
    if (!target) return unknown_user(r, c);
    const std::string group = c.arg(1).value_or("");
    const bool clear = group == "-" || group == "none";
    r.ctx.users.set_group(target->id, clear ? std::string() : group);
    r.audit("group.set", target->platform_user_id + " " + (clear ? std::string("-") : group));
    return reply_text(clear ? r.tr("group.cleared", {{"name", name_of(*target)}})
                            : r.tr("group.set", {{"name", name_of(*target)}, {"group", group}}));
}

}  // namespace advocacy::engine
