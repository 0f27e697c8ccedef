#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

void append_paragraphs(Message& message, std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto line = text.substr(start, end - start);
        if (!line.empty()) message.blocks.push_back(paragraph(span(std::string(line))));
        start = end + 1;
    }
    if (!message.fallback_text.empty()) message.fallback_text += '\n';
    message.fallback_text += text;
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
