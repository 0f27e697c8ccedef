// Splits a command line into tokens: words, key=value and quoted strings (see the grammar note in command.hpp).
#include <string>

#include "commands/command.hpp"
#include "commands/utf8.hpp"

namespace advocacy::commands {
namespace {

constexpr char32_t ascii_quote = U'"';

bool opens_quote(char32_t c) {
    return c == ascii_quote || c == U'\u201C' || c == U'\u201D' || c == U'\u201E' || c == U'\u00AB';
}

// Desktop "..." may hold smart quotes as text; a smart-quoted string closes at any double quote, since phones turn
// the same key into “ or ” depending on what precedes it.
bool closes_quote(char32_t opener, char32_t c) {
    if (opener == ascii_quote) return c == ascii_quote;
    if (opener == U'\u00AB') return c == U'\u00BB';
    return c == ascii_quote || c == U'\u201C' || c == U'\u201D';
}

bool escapable(char32_t c) { return c == U'\\' || opens_quote(c) || c == U'\u00BB'; }

bool is_key_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

bool is_key(std::string_view s) {
    if (s.empty() || !is_key_start(s.front())) return false;
    for (char c : s)
        if (!is_key_char(c)) return false;
    return true;
}

ParseError error_at(ErrorCode code, std::string detail) {
    ParseError failure;
    failure.code = code;
    failure.detail = std::move(detail);
    return failure;
}
ParseError error_at(ErrorCode code, std::size_t column) { return error_at(code, std::to_string(column)); }

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {}

    std::variant<std::vector<Token>, ParseError> run() {
        std::vector<Token> tokens;
        for (;;) {
            skip_spaces();
            if (at_end()) return tokens;
            Token token;
            if (auto error = read_token(token)) return *error;
            tokens.push_back(std::move(token));
        }
    }

private:
    bool at_end() const { return pos_ >= text_.size(); }
    utf8::CodePoint peek() const { return utf8::decode(text_, pos_); }
    void advance(const utf8::CodePoint& cp) {
        pos_ += cp.length;
        ++column_;
    }
    void copy(const utf8::CodePoint& cp, std::string& out) {
        out.append(text_.substr(pos_, cp.length));
        advance(cp);
    }

    void skip_spaces() {
        while (!at_end() && utf8::is_space(peek().value)) advance(peek());
    }

    // A Slack control sequence (<@U1|ann>, <https://x.y|our post>) is copied whole, spaces included, when a '>'
    // closes it before any '<' or line break; otherwise '<' is an ordinary character.
    bool read_angle_group(std::string& out) {
        for (std::size_t end = pos_ + 1; end < text_.size(); ++end) {
            const char c = text_[end];
            if (c == '<' || c == '\n') return false;
            if (c == '>') {
                while (pos_ <= end) copy(peek(), out);
                return true;
            }
        }
        return false;
    }

    // At a backslash: appends the escaped character or reports bad_escape at the backslash.
    std::optional<ParseError> read_escape(std::string& out) {
        const std::size_t backslash_column = column_;
        advance(peek());
        if (at_end() || !escapable(peek().value)) return error_at(ErrorCode::bad_escape, backslash_column);
        copy(peek(), out);
        return std::nullopt;
    }

    // At an opening quote: appends the unescaped contents and consumes the closing quote.
    std::optional<ParseError> read_quoted(std::string& out) {
        const std::size_t open_column = column_;
        const char32_t opener = peek().value;
        advance(peek());
        for (;;) {
            if (at_end()) return error_at(ErrorCode::unterminated_quote, open_column);
            const utf8::CodePoint cp = peek();
            if (cp.value == U'\\') {
                if (auto error = read_escape(out)) return error;
            } else if (closes_quote(opener, cp.value)) {
                advance(cp);
                return std::nullopt;
            } else {
                copy(cp, out);
            }
        }
    }

    std::optional<ParseError> read_token(Token& token) {
        token.column = column_;
        std::string text;
        bool plain_so_far = true;  // no quote, escape or <...> yet: the text may still turn out to be a key
        bool at_value_start = true;
        while (!at_end()) {
            const utf8::CodePoint cp = peek();
            if (utf8::is_space(cp.value)) break;
            if (cp.value == U'<' && at_value_start && read_angle_group(text)) {
                plain_so_far = false;
            } else if (opens_quote(cp.value)) {
                if (auto error = read_quoted(text)) return error;
                token.quoted = true;
                plain_so_far = false;
            } else if (cp.value == U'\\') {
                if (auto error = read_escape(text)) return error;
                plain_so_far = false;
            } else if (cp.value == U'=' && plain_so_far && !token.key && is_key(text)) {
                advance(cp);
                token.key = std::move(text);
                text.clear();
                at_value_start = true;
                continue;
            } else {
                copy(cp, text);
            }
            at_value_start = false;
        }
        token.text = std::move(text);
        return std::nullopt;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t column_ = 1;
};

}  // namespace

std::variant<std::vector<Token>, ParseError> tokenize(std::string_view text) {
    if (utf8::count(text) > max_input_chars)
        return error_at(ErrorCode::too_long, std::to_string(max_input_chars));
    return Tokenizer(text).run();
}

}  // namespace advocacy::commands
