#include "bot/engine/messages/text.hpp"

#include <cctype>

namespace advocacy::engine {

namespace {
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
}  // namespace

// The catalog marks commands the user can type as *bold*; the neutral model carries that as a bold span, so every
// adapter renders it natively instead of showing the asterisks.
std::vector<TextSpan> spans_from_markup(std::string_view line) {
    std::vector<TextSpan> spans;
    std::string plain;
    std::size_t i = 0;
    while (i < line.size()) {
        const bool opens = line[i] == '*' && (i == 0 || !word_char(line[i - 1])) && i + 1 < line.size() &&
                           line[i + 1] != ' ' && line[i + 1] != '*';
        const auto close = opens ? line.find('*', i + 1) : std::string_view::npos;
        const bool closes = close != std::string_view::npos && line[close - 1] != ' ' &&
                            (close + 1 == line.size() || !word_char(line[close + 1]));
        if (opens && closes) {
            if (!plain.empty()) spans.push_back(span(std::move(plain)));
            plain.clear();
            spans.push_back(span(std::string(line.substr(i + 1, close - i - 1)), true));
            i = close + 1;
        } else {
            plain += line[i++];
        }
    }
    if (!plain.empty()) spans.push_back(span(std::move(plain)));
    return spans;
}

void append_paragraphs(Message& message, std::string_view text) {
    std::size_t start = 0;
    std::string fallback;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        if (!line.empty()) {
            RichTextBlock block{spans_from_markup(line)};
            for (const auto& s : block.spans) fallback += s.text;
            message.blocks.push_back(std::move(block));
        }
        if (end < text.size()) fallback += '\n';
        start = end + 1;
    }
    if (!message.fallback_text.empty()) message.fallback_text += '\n';
    message.fallback_text += fallback;
}

Message text_message(std::string_view text, MessageKind kind) {
    Message m;
    m.kind = kind;
    append_paragraphs(m, text);
    return m;
}

Message private_message(std::string_view text) {
    Message m = text_message(text);
    m.ephemeral = true;
    return m;
}

std::string format_local_date(i18n::Lang lang, LocalDate day) {
    const auto weekday = std::to_string(local_weekday(day));
    const auto month = std::to_string(static_cast<unsigned>(day.month()));
    const auto dom = std::to_string(static_cast<unsigned>(day.day()));
    const auto weekday_name = i18n::tr(lang, "date.weekday." + weekday);
    const auto month_name = i18n::tr(lang, "date.month." + month);
    return i18n::tr(lang, "date.format", {{"weekday", weekday_name}, {"day", dom}, {"month", month_name}});
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) {
        if (!out.empty()) out += '\n';
        out += l;
    }
    return out;
}

}  // namespace advocacy::engine
