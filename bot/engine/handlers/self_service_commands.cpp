// Everyone's commands: help, why, me, leaderboard, pause, resume, frequency, optout/optin, tips, forget-me.
#include <chrono>

#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "bot/engine/messages/help_message.hpp"
#include "bot/engine/messages/leaderboard_message.hpp"
#include "bot/engine/messages/me_message.hpp"
#include "bot/engine/scheduler/scheduler.hpp"

namespace advocacy::engine {

using namespace std::chrono;

Reply show_help(Request& r, std::string_view topic) { return reply_of(help_message(r.lang, r.user.is_admin, topic)); }

Reply show_me(Request& r) {
    const LocalDate today = local_date(r.ctx.now(), r.program.zone());
    const auto stats = r.ctx.leaderboard.user_stats(r.user.id, r.week(), iso_week_keys_back(today, 104));
    // Today's item, when one was pushed on the user's own day.
    std::optional<ContentInWorkspace> pushed;
    if (const auto latest = latest_delivery(r); latest && latest->local_date == r.today()) {
        pushed = content_in_workspace(r, latest->content_id);
    }
    return reply_of(me_message(r.lang, r.user, stats, pushed ? &pushed->content : nullptr));
}

Reply show_leaderboard(Request& r) {
    return reply_of(leaderboard_message(r.lang, load_board(r.ctx, r.user.workspace_id, r.week(), r.program.leaderboard_size)));
}

Reply show_tips(Request& r) {
    const auto day_number = sys_days(r.today()).time_since_epoch().count();
    const auto first = static_cast<std::size_t>(r.user.id + day_number) * 3;
    std::vector<std::string> lines{r.tr("tips.title")};
    for (std::size_t i = 0; i < 3; ++i) lines.push_back("- " + i18n::tip(r.lang, first + i));
    return reply_text(join_lines(lines));
}

Reply pause_for(Request& r, std::optional<int> days_count) {
    if (!days_count) {
        r.ctx.users.set_pause(r.user.id, std::nullopt, true);
        return reply_text(r.tr("pause.indefinitely"));
    }
    // Today and the next N days: "pause 3" after today's push means three quiet days.
    const LocalDate until{sys_days(r.today()) + days(*days_count)};
    r.ctx.users.set_pause(r.user.id, until, false);
    return reply_text(r.tr("pause.until", {{"date", format_local_date(r.lang, until)}}));
}

Reply resume_pushes(Request& r) {
    r.ctx.users.set_pause(r.user.id, std::nullopt, false);
    return reply_text(r.tr("pause.resumed"));
}

Reply help(Request& r, const Command& c) { return show_help(r, c.arg(0).value_or("")); }

Reply why(Request& r, const Command& c) {
    const auto id_text = c.arg(0);
    return explain_content(r, id_text ? parse_id(*id_text) : std::nullopt);
}

Reply me(Request& r, const Command&) { return show_me(r); }
Reply leaderboard(Request& r, const Command&) { return show_leaderboard(r); }

Reply pause(Request& r, const Command& c) {
    const auto d = c.arg(0);
    return pause_for(r, d ? std::optional<int>(std::stoi(*d)) : std::nullopt);
}

Reply resume(Request& r, const Command&) { return resume_pushes(r); }

Reply frequency(Request& r, const Command& c) {
    const bool weekly = c.arg(0) == "weekly";
    r.ctx.users.set_frequency(r.user.id, weekly ? storage::Frequency::weekly : storage::Frequency::daily);
    return reply_text(r.tr(weekly ? "frequency.weekly" : "frequency.daily"));
}

Reply optout(Request& r, const Command&) {
    r.ctx.users.set_leaderboard_opt_out(r.user.id, true);
    return reply_text(r.tr("optout.done"));
}

Reply optin(Request& r, const Command&) {
    r.ctx.users.set_leaderboard_opt_out(r.user.id, false);
    return reply_text(r.tr("optin.done"));
}

Reply tips(Request& r, const Command&) { return show_tips(r); }

Reply forget_me(Request& r, const Command&) {
    const storage::ErasureReport report = r.ctx.users.forget(r.user.id);
    return reply_text(r.tr("forget.done", {{"deliveries", std::to_string(report.deliveries)},
                                           {"interactions", std::to_string(report.interactions)},
                                           {"points", std::to_string(report.points_entries)},
                                           {"suggestions", std::to_string(report.suggestions)}}));
}

}  // namespace advocacy::engine
