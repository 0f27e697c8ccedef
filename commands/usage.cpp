// Usage lines from spec data (see usage.hpp).
#include "commands/usage.hpp"

namespace advocacy::commands {
namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : "|") + word;
    return out;
}

// What stands for an option's value: key=PLACEHOLDER.
std::string placeholder(const OptionSpec& option) {
    switch (option.type) {
        case ValueType::word: return "WORD";
        case ValueType::text: return "\"...\"";
        case ValueType::id: return "ID";
        case ValueType::url: return "URL";
        case ValueType::date: return "YYYY-MM-DD";
        case ValueType::time: return "HH:MM";
        case ValueType::weekdays: return "mon-fri";
        case ValueType::weekday_time: return "\"fri 16:00\"";
        case ValueType::time_zone: return "Area/City";
        case ValueType::user: return "@user";
        case ValueType::audience: return "all|#channel|group:NAME";
        case ValueType::period: return "week|month|all";
        case ValueType::count: return "N";
        case ValueType::choice: return joined(option.choices);
    }
    return "VALUE";
}

std::string optional_if(bool required, std::string part) { return required ? part : "[" + part + "]"; }

}  // namespace

std::string render_usage(const CommandSpec& spec) {
    std::string usage = spec.name;
    for (const auto& arg : spec.args) {
        const std::string shown = arg.type == ValueType::text ? "\"" + arg.name + "\"" : arg.name;
        usage += " " + optional_if(arg.required, shown);
    }
    for (const auto& option : spec.options)
        usage += " " + optional_if(option.required, option.key + "=" + placeholder(option));
    return usage;
}

}  // namespace advocacy::commands
