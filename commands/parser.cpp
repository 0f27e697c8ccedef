// parse(): tokens -> the command they name -> arguments and options checked and normalised against its spec.
#include <algorithm>

#include "commands/command.hpp"
#include "commands/normalise.hpp"
#include "commands/spelling.hpp"
#include "commands/utf8.hpp"

namespace advocacy::commands {
namespace {

std::string first_word(const std::string& name) { return name.substr(0, name.find(' ')); }

// The second words of two-word commands starting with `group` ("campaign" -> create, list, ...).
std::vector<std::string> sub_commands(const std::string& group) {
    std::vector<std::string> subs;
    for (const auto& spec : command_table()) {
        const std::size_t space = spec.name.find(' ');
        if (space != std::string::npos && spec.name.compare(0, space, group) == 0 && space == group.size())
            subs.push_back(spec.name.substr(space + 1));
    }
    return subs;
}

std::vector<std::string> command_words() {
    std::vector<std::string> words;
    for (const auto& spec : command_table()) {
        std::string word = first_word(spec.name);
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
    }
    return words;
}

std::string shown(const Token& token) {
    if (token.key) return *token.key + "=" + token.text;
    return token.text.empty() && token.quoted ? "\"\"" : token.text;
}

ParseError error(ErrorCode code, std::string detail, const CommandSpec* spec) {
    ParseError failure;
    failure.code = code;
    failure.detail = std::move(detail);
    failure.spec = spec;
    return failure;
}

ParseError bad_value(std::string detail, ValueType type, const std::vector<std::string>& choices, std::string field,
                     const CommandSpec* spec) {
    ParseError failure = error(ErrorCode::bad_value, std::move(detail), spec);
    failure.expected = type;
    failure.choices = allowed_words(type, choices);
    failure.field = std::move(field);
    return failure;
}

// Recognises the command: two words first (`leaderboard post`), then one (`leaderboard`). Sets `used` to the
// number of tokens the name took.
std::variant<const CommandSpec*, ParseError> recognise(const std::vector<Token>& tokens, std::size_t& used) {
    const Token& first = tokens.front();
    const std::string word = utf8::lower_ascii(first.text);
    const bool has_second = tokens.size() > 1 && !tokens[1].key;
    if (!first.key && has_second) {
        if (const CommandSpec* spec = find_spec(word + " " + utf8::lower_ascii(tokens[1].text))) {
            used = 2;
            return spec;
        }
    }
    if (!first.key && word.find(' ') == std::string::npos) {  // a quoted "campaign list" is not two words
        if (const CommandSpec* spec = find_spec(word)) {
            used = 1;
            return spec;
        }
    }
    ParseError unknown = error(ErrorCode::unknown_command, shown(first), nullptr);
    if (first.key) return unknown;
    unknown.choices = sub_commands(word);
    if (!unknown.choices.empty()) {
        if (has_second) unknown.detail += " " + tokens[1].text;
    } else {
        unknown.choices = close_words(word, command_words());
    }
    return unknown;
}

// When tokenizing failed, the command is still known from its first plain words (`campaign create "Spring`), so
// the error can carry its usage. Looks at two words at most, of bounded length.
const CommandSpec* spec_from_leading_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (words.size() < 2) {
        while (i < text.size() && utf8::is_space(utf8::decode(text, i).value)) i += utf8::decode(text, i).length;
        std::string word;
        while (i < text.size() && word.size() <= 40) {
            const utf8::CodePoint cp = utf8::decode(text, i);
            if (utf8::is_space(cp.value)) break;
            if (cp.value > 0x7F || std::string_view("\"=<").find(static_cast<char>(cp.value)) != std::string_view::npos)
                return words.empty() ? nullptr : find_spec(words[0]);
            word += static_cast<char>(cp.value);
            i += cp.length;
        }
        if (word.empty() || word.size() > 40) break;
        words.push_back(utf8::lower_ascii(word));
    }
    if (words.size() == 2)
        if (const CommandSpec* spec = find_spec(words[0] + " " + words[1])) return spec;
    return words.empty() ? nullptr : find_spec(words[0]);
}

class Binder {
public:
    Binder(const CommandSpec& spec, Markup markup) : spec_(spec), markup_(markup), slots_(spec.args.size()) {
        command_.spec = &spec;
    }

    std::optional<ParseError> add(const Token& token) {
        return token.key ? add_option(*token.key, token) : add_positional(token);
    }

    std::variant<ParsedCommand, ParseError> finish() {
        for (std::size_t i = 0; i < slots_.size(); ++i)
            if (spec_.args[i].required && !slots_[i])
                return error(ErrorCode::missing_argument, spec_.args[i].name, &spec_);
        for (const auto& option : spec_.options)
            if (option.required && !command_.options.contains(option.key))
                return error(ErrorCode::missing_option, option.key, &spec_);
        std::size_t last = slots_.size();
        while (last > 0 && !slots_[last - 1]) --last;
        for (std::size_t i = 0; i < last; ++i) command_.args.push_back(slots_[i].value_or(""));
        return std::move(command_);
    }

private:
    std::optional<ParseError> add_option(const std::string& key, const Token& token) {
        const auto option = std::find_if(spec_.options.begin(), spec_.options.end(),
                                         [&](const OptionSpec& o) { return o.key == key; });
        if (option == spec_.options.end()) return error(ErrorCode::unknown_option, key, &spec_);
        if (command_.options.contains(key)) return error(ErrorCode::duplicate_option, key, &spec_);
        auto value = normalise_value(option->type, token.text, option->choices, markup_);
        if (!value) return bad_value(shown(token), option->type, option->choices, key, &spec_);
        command_.options.emplace(key, std::move(*value));
        return std::nullopt;
    }

    std::optional<ParseError> add_positional(const Token& token) {
        if (spec_.args_any_order) return add_any_order(token);
        if (next_ >= spec_.args.size()) return error(ErrorCode::unexpected_argument, shown(token), &spec_);
        return fill(next_++, token);
    }

    std::optional<ParseError> fill(std::size_t i, const Token& token) {
        const ArgSpec& arg = spec_.args[i];
        auto value = normalise_value(arg.type, token.text, arg.choices, markup_);
        if (!value) return bad_value(shown(token), arg.type, arg.choices, arg.name, &spec_);
        slots_[i] = std::move(*value);
        return std::nullopt;
    }

    // The first unfilled arg that accepts the token takes it. A token only a filled arg would accept is one too
    // many (`stats week month`); one nobody accepts is a bad value for the first unfilled arg.
    std::optional<ParseError> add_any_order(const Token& token) {
        std::optional<std::size_t> first_unfilled;
        bool fits_filled = false;
        for (std::size_t i = 0; i < spec_.args.size(); ++i) {
            const ArgSpec& arg = spec_.args[i];
            const bool accepts = normalise_value(arg.type, token.text, arg.choices, markup_).has_value();
            if (slots_[i]) {
                fits_filled = fits_filled || accepts;
                continue;
            }
            if (accepts) return fill(i, token);
            if (!first_unfilled) first_unfilled = i;
        }
        if (fits_filled || !first_unfilled) return error(ErrorCode::unexpected_argument, shown(token), &spec_);
        return fill(*first_unfilled, token);
    }

    const CommandSpec& spec_;
    const Markup markup_;
    ParsedCommand command_;
    std::vector<std::optional<std::string>> slots_;
    std::size_t next_ = 0;
};

}  // namespace

std::optional<std::string> ParsedCommand::option(const std::string& key) const {
    const auto found = options.find(key);
    if (found == options.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> ParsedCommand::arg(std::size_t i) const {
    if (i >= args.size() || args[i].empty()) return std::nullopt;
    return args[i];
}

std::variant<ParsedCommand, ParseError> parse(std::string_view text, Markup markup) {
    auto tokenized = tokenize(text);
    if (auto* failure = std::get_if<ParseError>(&tokenized)) {
        failure->spec = spec_from_leading_words(text);
        return std::move(*failure);
    }
    const auto& tokens = std::get<std::vector<Token>>(tokenized);
    if (tokens.empty()) return error(ErrorCode::empty, "", nullptr);

    std::size_t used = 0;
    auto recognised = recognise(tokens, used);
    if (auto* failure = std::get_if<ParseError>(&recognised)) return std::move(*failure);
    Binder binder(*std::get<const CommandSpec*>(recognised), markup);
    for (std::size_t i = used; i < tokens.size(); ++i)
        if (auto failure = binder.add(tokens[i])) return std::move(*failure);
    return binder.finish();
}

}  // namespace advocacy::commands
