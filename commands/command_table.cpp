// The /advocacy commands as data, in help order: admin commands, then everyone's. The parser, the usage lines and
// the help topics all come from this one table.
#include <algorithm>

#include "commands/command.hpp"
#include "commands/usage.hpp"
#include "commands/utf8.hpp"

namespace advocacy::commands {
namespace {

using T = ValueType;

ArgSpec arg(std::string name, ValueType type, std::vector<std::string> choices = {}) {
    return ArgSpec{.name = std::move(name), .type = type, .required = true, .choices = std::move(choices)};
}
ArgSpec optional_arg(std::string name, ValueType type, std::vector<std::string> choices = {}) {
    return ArgSpec{.name = std::move(name), .type = type, .required = false, .choices = std::move(choices)};
}
OptionSpec required_key(std::string key, ValueType type) {
    return OptionSpec{.key = std::move(key), .type = type, .required = true, .choices = {}};
}
OptionSpec key(std::string key, ValueType type, std::vector<std::string> choices = {}) {
    return OptionSpec{.key = std::move(key), .type = type, .required = false, .choices = std::move(choices)};
}

CommandSpec admin(std::string name, std::vector<ArgSpec> args = {}, std::vector<OptionSpec> options = {}) {
    return CommandSpec{.name = std::move(name), .admin_only = true, .args = std::move(args),
                       .options = std::move(options), .usage = {}};
}
CommandSpec everyone(std::string name, std::vector<ArgSpec> args = {}, std::vector<OptionSpec> options = {}) {
    CommandSpec spec = admin(std::move(name), std::move(args), std::move(options));
    spec.admin_only = false;
    return spec;
}
CommandSpec any_order(CommandSpec spec) {
    spec.args_any_order = true;
    return spec;
}

std::vector<CommandSpec> build_table() {
    std::vector<CommandSpec> table{
        admin("campaign create", {arg("NAME", T::text)},
              {required_key("why", T::text), key("audience", T::audience), key("start", T::date),
               key("end", T::date)}),
        admin("campaign list"),
        admin("campaign show", {arg("ID", T::id)}),
        admin("campaign pause", {arg("ID", T::id)}),
        admin("campaign resume", {arg("ID", T::id)}),
        admin("campaign archive", {arg("ID", T::id)}),
        admin("content add", {arg("CAMPAIGN_ID", T::id), arg("URL", T::url)},
              {required_key("title", T::text), required_key("why", T::text), required_key("text", T::text),
               key("summary", T::text), key("linkedin", T::text), key("x", T::text), key("facebook", T::text),
               key("on", T::date), key("expires", T::date), key("lang", T::choice, {"en", "fr"})}),
        admin("content list", {arg("CAMPAIGN_ID", T::id)}),
        admin("content remove", {arg("ID", T::id)}),
        admin("content pending"),
        admin("content approve", {arg("ID", T::id)}),
        admin("content reject", {arg("ID", T::id)}),
        admin("push", {optional_arg("CONTENT_ID", T::id)}, {key("to", T::choice, {"me"})}),
        admin("schedule", {},
              {key("daily", T::time), key("tz", T::time_zone), key("days", T::weekdays),
               key("leaderboard", T::weekday_time)}),
        admin("leaderboard post"),
        any_order(admin("stats", {optional_arg("CAMPAIGN_ID", T::id), optional_arg("week|month|all", T::period)})),
        admin("admins add", {arg("@user", T::user)}),
        admin("admins remove", {arg("@user", T::user)}),
        admin("admins list"),
        admin("group set", {arg("@user", T::user), arg("NAME", T::word)}),
        admin("dashboard"),

        everyone("help", {optional_arg("TOPIC", T::choice)}),
        everyone("why", {optional_arg("CONTENT_ID", T::id)}),
        everyone("me"),
        everyone("leaderboard"),
        everyone("pause", {optional_arg("DAYS", T::count)}),
        everyone("resume"),
        everyone("frequency", {arg("daily|weekly", T::choice, {"daily", "weekly"})}),
        everyone("optout"),
        everyone("optin"),
        everyone("tips"),
        everyone("forget-me"),
        everyone("suggest", {arg("URL", T::url)}, {key("why", T::text), key("lang", T::choice, {"en", "fr"})}),
    };

    // Help topics: every command's first word, once, in table order (`help campaign`, `help stats`).
    std::vector<std::string> topics;
    for (const auto& spec : table) {
        std::string first = spec.name.substr(0, spec.name.find(' '));
        if (std::find(topics.begin(), topics.end(), first) == topics.end()) topics.push_back(std::move(first));
    }
    for (auto& spec : table) {
        if (spec.name == "help") spec.args.at(0).choices = topics;
        spec.usage = render_usage(spec);
    }
    return table;
}

}  // namespace

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = build_table();
    return table;
}

const CommandSpec* find_spec(std::string_view name) {
    const std::string wanted = utf8::lower_ascii(name);
    for (const auto& spec : command_table())
        if (spec.name == wanted) return &spec;
    return nullptr;
}

}  // namespace advocacy::commands
