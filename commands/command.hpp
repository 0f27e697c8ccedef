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

#include "commands/markup.hpp"

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

// Normalised forms (what ParsedCommand holds): word as typed (one token without spaces); text with Slack link
// markup turned back into what the user typed and surrounding spaces trimmed; id and count without leading zeros;
// url unwrapped from Slack's <url|label>; date "2026-03-01"; time "09:30"; weekdays "mon-fri" / "mon,wed,fri";
// weekday_time "fri 16:00"; user "U123"; audience "all" / "#name" / "group:NAME"; period and choice lower-case.
// An empty value is never valid.

// Input longer than this many characters (code points) is refused with ErrorCode::too_long: room for a full
// `content add` with a 3000-character LinkedIn post, small enough to bound the work per message.
inline constexpr std::size_t max_input_chars = 8000;
// Upper bound of ValueType::count (days of `pause`): ten years.
inline constexpr unsigned long max_count = 3650;

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
    // false: positional tokens fill args in order. true: each token goes to the first unfilled arg whose type
    // accepts it, so optional args of different types may come in any order (`stats month 3` == `stats 3 month`).
    bool args_any_order = false;
};

// The whole command table, in help order.
const std::vector<CommandSpec>& command_table();
const CommandSpec* find_spec(std::string_view name);

struct ParsedCommand {
    const CommandSpec* spec = nullptr;
    // Positional, normalised (user ids unwrapped, times "09:00"). args[i] belongs to spec->args[i]; absent
    // optional args at the end are left out, one absent before a present one is ""
    // (`stats 3` -> {"3"}; `stats week` -> {"", "week"}). Prefer arg(i): it returns nullopt for both.
    std::vector<std::string> args;
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
    too_long,           // detail = max_input_chars, in decimal
};
// unknown_command also fills ParseError::choices: the sub-commands when the first word names a group (`campaign`
// alone or `campaign frobnicate` -> create, list, show, ...; detail = the word(s) typed), otherwise the command words
// close in spelling to the one typed (`campain` -> campaign), possibly none.

// Stable lower-case names ("bad_value", "time_zone") for logs, message keys and test output.
std::string_view error_code_name(ErrorCode code);
std::string_view value_type_name(ValueType type);

struct ParseError {
    ErrorCode code = ErrorCode::empty;
    std::string detail;
    ValueType expected = ValueType::word;  // for bad_value: what the value should have been
    std::vector<std::string> choices;      // for bad_value of a choice or period: the allowed words
    const CommandSpec* spec = nullptr;   // known once the command name was recognised: its usage follows the error
                                         // (also for quote/escape/too_long errors after plain command words)
    std::string field;                     // for bad_value: the ARG_NAME or option key the value was given for
};

// `markup`: how the text writes links, mentions and & < > (Slack escapes them; see markup.hpp).
std::variant<ParsedCommand, ParseError> parse(std::string_view text, Markup markup = Markup::plain);

// Lower-level: the tokenizer, exposed for tests and for free-text intent matching.
struct Token {
    std::string text;                  // unescaped text (for key=value: the value)
    std::optional<std::string> key;    // set for key=value tokens
    bool quoted = false;
    std::size_t column = 0;            // 1-based position in the input, in characters (code points), not bytes
};
// Tokens are separated by unquoted white space (ASCII, no-break and other Unicode spaces). Quotes: "..." closes only
// at "; a string opened by a smart quote (“ ” „) closes at “, ” or "; «...» closes at ». Inside or outside quotes a
// backslash escapes a quote character or a backslash; any other escape is bad_escape. Quoted and unquoted parts of
// one token join (ab"c d" -> `abc d`). `key=` (key: a letter, then letters, digits, _ or -; unquoted) makes a
// key=value token. A Slack control sequence <...> at the start of a token or value is kept whole, spaces included.
std::variant<std::vector<Token>, ParseError> tokenize(std::string_view text);

}  // namespace advocacy::commands
