#pragma once
// Command handlers, grouped by topic; command_routes.cpp maps command names to them.
#include "bot/engine.hpp"
#include "bot/engine/request.hpp"
#include "bot/intents.hpp"
#include "commands/command.hpp"

namespace advocacy::engine {

using Command = commands::ParsedCommand;
using CommandHandler = Reply (*)(Request&, const Command&);

// A date option (start=, end=, on=, expires=), already validated by the parser.
std::optional<storage::Date> date_option(const Command& command, const std::string& key);

// What to answer when the first word is not a command and no intent matches.
enum class UnknownWords {
    explain,  // slash command: "I don't know the command ..." (+ close spellings)
    hint,     // free text: the short hint
};

// Runs command words, whether from the slash command or typed to the bot: help when empty, the command when it
// parses (a refusal when an admin command comes from a non-admin); otherwise a matching intent ("aide", "why
// should I share this?"); otherwise the parse error + usage for a known command, or `unknown`.
Reply run_words(Request& r, std::string_view text, commands::Markup markup, UnknownWords unknown);
Reply run_command(Request& r, const Command& command);
// Whether the routing table has a handler for `name` (every name in commands::command_table() must).
bool has_command_handler(std::string_view name);
Reply render_parse_error(Request& r, const commands::ParseError& error);

// campaign_commands.cpp
Reply campaign_create(Request&, const Command&);
Reply campaign_list(Request&, const Command&);
Reply campaign_show(Request&, const Command&);
Reply campaign_pause(Request&, const Command&);
Reply campaign_resume(Request&, const Command&);
Reply campaign_archive(Request&, const Command&);

// content_commands.cpp
Reply content_add(Request&, const Command&);
Reply content_list(Request&, const Command&);
Reply content_remove(Request&, const Command&);
Reply content_pending(Request&, const Command&);
Reply content_approve(Request&, const Command&);
Reply content_reject(Request&, const Command&);
Reply suggest(Request&, const Command&);

// push_commands.cpp
Reply push(Request&, const Command&);

// admin_commands.cpp
Reply schedule(Request&, const Command&);
Reply leaderboard_post(Request&, const Command&);
Reply stats(Request&, const Command&);
Reply admins_add(Request&, const Command&);
Reply admins_remove(Request&, const Command&);
Reply admins_list(Request&, const Command&);
Reply group_set(Request&, const Command&);

// dashboard_command.cpp
Reply dashboard(Request&, const Command&);

// self_service_commands.cpp
Reply help(Request&, const Command&);
Reply why(Request&, const Command&);
Reply me(Request&, const Command&);
Reply leaderboard(Request&, const Command&);
Reply pause(Request&, const Command&);
Reply resume(Request&, const Command&);
Reply frequency(Request&, const Command&);
Reply optout(Request&, const Command&);
Reply optin(Request&, const Command&);
Reply tips(Request&, const Command&);
Reply forget_me(Request&, const Command&);

// intent_answers.cpp: free-text intents, answered like the matching commands.
Reply answer_intent(Request& r, Intent intent);

// The same answers for free text (intents).
Reply show_help(Request& r, std::string_view topic = {});
Reply show_me(Request& r);
Reply show_leaderboard(Request& r);
Reply show_tips(Request& r);
Reply pause_for(Request& r, std::optional<int> days);
Reply resume_pushes(Request& r);

}  // namespace advocacy::engine
