// Free text to the bot: the command language first (so Teams users type the same words), then intents.
#include <cctype>

#include "bot/engine/events/events.hpp"
#include "bot/engine/handlers/handlers.hpp"

namespace advocacy::engine {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool starts_with_word(std::string_view text, std::string_view word) {
    if (word.empty() || text.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(word[i]))) {
            return false;
        }
    }
    return text.size() == word.size() || std::isspace(static_cast<unsigned char>(text[word.size()]));
}

}  // namespace

std::string_view strip_command_prefix(std::string_view text, std::string_view slash_command) {
    text = trim(text);
    for (std::string_view prefix : {slash_command, std::string_view("/advocacy"), std::string_view("advocacy")}) {
        if (starts_with_word(text, prefix)) return trim(text.substr(prefix.size()));
    }
    return text;
}

Reply on_event(Request& r, const TextMessage& e) {
    return run_words(r, strip_command_prefix(e.text, r.ctx.config.slack.slash_command), e.markup,
                     UnknownWords::hint);
}

}  // namespace advocacy::engine
