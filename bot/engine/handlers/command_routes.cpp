// The one routing table for commands: command name (as in commands/command_table.cpp) -> handler.
#include <algorithm>
#include <map>
#include <string_view>

#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"
#include "bot/engine/messages/error_message.hpp"
#include "config/values.hpp"

namespace advocacy::engine {

namespace {

const std::map<std::string_view, CommandHandler>& command_routes() {
    static const std::map<std::string_view, CommandHandler> routes{
        {"campaign create", campaign_create},
        {"campaign list", campaign_list},
        {"campaign show", campaign_show},
        {"campaign pause", campaign_pause},
        {"campaign resume", campaign_resume},
        {"campaign archive", campaign_archive},
        {"content add", content_add},
        {"content list", content_list},
        {"content remove", content_remove},
        {"content pending", content_pending},
        {"content approve", content_approve},
        {"content reject", content_reject},
        {"push", push},
        {"schedule", schedule},
        {"leaderboard post", leaderboard_post},
        {"stats", stats},
        {"admins add", admins_add},
        {"admins remove", admins_remove},
        {"admins list", admins_list},
        {"group set", group_set},
        {"dashboard", dashboard},
        {"help", help},
        {"why", why},
        {"me", me},
        {"leaderboard", leaderboard},
        {"pause", pause},
        {"resume", resume},
        {"frequency", frequency},
        {"optout", optout},
        {"optin", optin},
        {"tips", tips},
        {"forget-me", forget_me},
        {"suggest", suggest},
    };
    return routes;
}

// Three words or more, no key=value and no number: natural language rather than a command with a typo.
bool looks_like_a_sentence(std::string_view text) {
    if (text.find('=') != std::string_view::npos) return false;
    if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    int words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words >= 3;
}

}  // namespace

std::optional<storage::Date> date_option(const Command& command, const std::string& key) {
    if (auto value = command.option(key)) return config::parse_date(*value);
    return std::nullopt;
}

bool has_command_handler(std::string_view name) { return command_routes().contains(name); }

Reply run_command(Request& r, const Command& command) {
    if (command.spec->admin_only && !r.user.is_admin) {
        return reply_private(r.tr("admin.refused", {{"command", command.name()}}));
    }
    const auto& routes = command_routes();
    const auto it = routes.find(command.name());
    if (it == routes.end()) return reply_private(r.tr("hint.unknown"));  // a table entry without a handler
    return it->second(r, command);
}

Reply render_parse_error(Request& r, const commands::ParseError& error) {
    return reply_private(parse_error_text(r.lang, error));
}

Reply run_words(Request& r, std::string_view text, commands::Markup markup, UnknownWords unknown) {
    auto parsed = commands::parse(text, markup);
    if (auto* command = std::get_if<commands::ParsedCommand>(&parsed)) return run_command(r, *command);

    const auto& error = std::get<commands::ParseError>(parsed);
    if (error.code == commands::ErrorCode::empty) return show_help(r);
    const bool unknown_command = error.code == commands::ErrorCode::unknown_command;
    // A known command typed with a mistake gets its error and usage ("pause abc", "pause 3 days"), unless it reads
    // as a sentence ("why should I share this?" starts like `why ID`).
    if (unknown_command || looks_like_a_sentence(text)) {
        if (const Intent intent = match_intent(text); intent != Intent::unknown) return answer_intent(r, intent);
    }
    if (unknown_command && unknown == UnknownWords::hint) return reply_text(r.tr("hint.unknown"));
    return render_parse_error(r, error);
}

}  // namespace advocacy::engine
