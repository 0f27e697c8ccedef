#pragma once
// The /advocacy command language: one grammar for Slack slash commands and text typed to the bot in Teams or the
// playground. Words, key=value, and double-quoted strings with \" escapes. Parsing checks the command against its
// spec (arguments, allowed keys, value types) and returns either a ParsedCommand or a structured ParseError the
// engine renders in the user's language, followed by the command's usage line.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace advocacy::commands {

enum class ValueType {
    word,        // any single token
    text,        // any token, quoted or not (free text)
    id,          // positive integer
    url,         // http(s) URL
    date,        // YYYY-MM-DD
    time,        // HH:MM
    weekdays,    // mon-fri, mon,wed,fri
    weekday_time,// "fri 16:00"
    time_zone,   // Area/City known to the tz database
    user,        // @U123, <@U123>, <@U123|name> -> U123
    audience,    // all | #channel | group:NAME
    period,      // week | month | all
    count,       // positive integer (days)
    choice,      // one of ArgSpec::choices
};

struct ArgSpec {
    std::string name;  // as shown in usage: CAMPAIGN_ID
    ValueType type = ValueType::word;
    bool required = true;
    std::vector<std::string> choices;  // for ValueType::choice
};

struct OptionSpec {
    std::string key;  // why, audience, start...
    ValueType type = ValueType::text;
    bool required = false;
    std::vector<std::string> choices;
};

struct CommandSpec {
    std::string name;   // "campaign create", "why", "content add"
    bool admin_only = false;
    std::vector<ArgSpec> args;
    std::vector<OptionSpec> options;
    std::string usage;  // `campaign create "NAME" why="..." [audience=all|#channel|group:NAME] ...`
};

// The whole command table, in help order.
const std::vector<CommandSpec>& command_table();
const CommandSpec* find_spec(std::string_view name);

struct ParsedCommand {
    const CommandSpec* spec = nullptr;
    std::vector<std::string> args;               // positional, normalised (user ids unwrapped, times "09:00")
    std::map<std::string, std::string> options;  // key -> normalised value

    const std::string& name() const { return spec->name; }
    std::optional<std::string> option(const std::string& key) const;
    std::optional<std::string> arg(std::size_t i) const;
};

enum class ErrorCode {
    empty,              // nothing typed: the engine shows help
    unknown_command,    // detail = the word
    unterminated_quote, // detail = column
    bad_escape,         // detail = column
    missing_argument,   // detail = ARG_NAME
    unexpected_argument,// detail = the token
    unknown_option,     // detail = key
    duplicate_option,   // detail = key
    missing_option,     // detail = key
    bad_value,          // detail = "key=value" or the argument; expected = what was expected
};

struct ParseError {
    ErrorCode code = ErrorCode::empty;
    std::string detail;
    ValueType expected = ValueType::word;  // for bad_value: what the value should have been
    std::vector<std::string> choices;      // for bad_value of a choice: the allowed words
    const CommandSpec* spec = nullptr;   // known once the command name was recognised: its usage follows the error
};

std::variant<ParsedCommand, ParseError> parse(std::string_view text);

// Lower-level: the tokenizer, exposed for tests and for free-text intent matching.
struct Token {
    std::string text;                  // unescaped text (for key=value: the value)
    std::optional<std::string> key;    // set for key=value tokens
    bool quoted = false;
    std::size_t column = 0;            // 1-based position in the input
};
std::variant<std::vector<Token>, ParseError> tokenize(std::string_view text);

}  // namespace advocacy::commands
