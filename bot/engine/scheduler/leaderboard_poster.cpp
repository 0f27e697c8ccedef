#include <chrono>

#include "bot/engine/scheduler/scheduler.hpp"
#include "bot/log/log.hpp"

namespace advocacy::engine {

using namespace std::chrono;

BoardData load_board(Context& ctx, storage::Id workspace_id, const std::string& week, int size) {
    BoardData board;
    board.week = week;
    auto top = ctx.leaderboard.week_top(workspace_id, week, size);
    board.rows = std::move(top.rows);
    board.more_tied = top.more_tied;
    board.groups = ctx.leaderboard.group_points(workspace_id, week);
    board.active = ctx.leaderboard.active_advocates(workspace_id, week);
    board.audience = ctx.leaderboard.audience_size(workspace_id);
    board.size = size;
    return board;
}

std::optional<Conversation> leaderboard_destination(const config::Config& config, const storage::Workspace& ws) {
    const auto platform = platform_from_string(ws.platform);
    if (!platform) return std::nullopt;
    std::string id;
    switch (*platform) {
        case Platform::slack: id = config.slack.leaderboard_channel; break;
        case Platform::teams: id = config.teams.leaderboard_conversation; break;
        case Platform::playground: id = "advocacy"; break;
    }
    if (id.empty()) return std::nullopt;
    return Conversation{*platform, ws.external_id, id, false};
}

void LeaderboardPoster::run(Outbox& outbox) {
    const auto now = ctx_.now();
    for (const auto& ws : ctx_.users.workspaces()) {
        const auto destination = leaderboard_destination(ctx_.config, ws);
        if (!destination) continue;
        const ProgramSettings program = ctx_.program(ws.id);
        const auto* zone = program.zone();
        const LocalDate today = local_date(now, zone);
        // The board's day in this ISO week (Monday first); a bot that was down posts later the same week.
        const unsigned iso_index = program.leaderboard_weekday == 0 ? 6 : program.leaderboard_weekday - 1;
        const LocalDate board_day{sys_days(iso_week_monday(today)) + days(iso_index)};
        if (now < at_local_time(board_day, program.leaderboard_time, zone)) continue;

        const std::string week = iso_week_key(today);
        auto& state = weeks_[ws.id];
        if (state.week != week) state = {week, false, 0};
        if (state.done) continue;  // no storage write per tick for the rest of the week
        if (state.failed_attempts == 0 && !ctx_.settings.mark_once(ws.id, "leaderboard:" + week, now)) {
            state.done = true;  // posted before (maybe before a restart)
            continue;
        }
        const auto lang = i18n::pick_lang("", program.default_locale);
        const Message message = leaderboard_message(lang, load_board(ctx_, ws.id, week, program.leaderboard_size));
        SendResult result;
        try {
            result = outbox.send(*destination, message);
        } catch (const std::exception& e) {
            result.error = e.what();
        }
        if (result.ok) {
            state.done = true;
            continue;
        }
        // The week is marked already: retried by this process on the next ticks, a few times.
        state.done = ++state.failed_attempts >= kMaxSendAttempts;
        log::warn("engine", "leaderboard not posted",
                  {{"week", week}, {"workspace", ws.external_id}, {"error", result.error}});
    }
}

}  // namespace advocacy::engine
