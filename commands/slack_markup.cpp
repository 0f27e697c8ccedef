// Undoes Slack's rewriting of typed text (see slack_markup.hpp).
#include "commands/slack_markup.hpp"

namespace advocacy::commands::slack {
namespace {

bool is_link_target(std::string_view target) {
    return target.starts_with("http://") || target.starts_with("https://") || target.starts_with("mailto:");
}

}  // namespace

std::optional<ControlSequence> parse_control_sequence(std::string_view s) {
    if (s.size() < 3 || s.front() != '<' || s.back() != '>') return std::nullopt;
    const std::string_view inner = s.substr(1, s.size() - 2);
    if (inner.find_first_of("<>") != std::string_view::npos) return std::nullopt;
    const std::size_t bar = inner.find('|');
    ControlSequence sequence;
    sequence.target = std::string(inner.substr(0, bar));
    if (bar != std::string_view::npos) sequence.label = std::string(inner.substr(bar + 1));
    if (sequence.target.empty()) return std::nullopt;
    return sequence;
}

std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::string_view rest = s.substr(i);
        if (rest.starts_with("&amp;")) { out += '&'; i += 5; }
        else if (rest.starts_with("&lt;")) { out += '<'; i += 4; }
        else if (rest.starts_with("&gt;")) { out += '>'; i += 4; }
        else { out += s[i]; ++i; }
    }
    return out;
}

std::string unwrap_links(std::string_view text, bool decode_text) {
    std::string out;
    out.reserve(text.size());
    // Entities never contain '<' or '>', so splitting the text at sequences never cuts one in two.
    const auto plain = [&](std::string_view part) { out += decode_text ? decode_entities(part) : std::string(part); };
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('<', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find('>', open + 1);
        if (close == std::string_view::npos) break;
        plain(text.substr(i, open - i));
        const std::string_view candidate = text.substr(open, close - open + 1);
        const auto sequence = parse_control_sequence(candidate);
        if (sequence && is_link_target(sequence->target)) {
            out += decode_entities(sequence->label && !sequence->label->empty() ? *sequence->label : sequence->target);
            i = close + 1;
        } else if (sequence && sequence->target.starts_with('#') && sequence->label && !sequence->label->empty()) {
            out += '#';
            out += decode_text ? decode_entities(*sequence->label) : *sequence->label;
            i = close + 1;
        } else {
            out += '<';  // not a sequence we rewrite: keep it and look again after this '<'
            i = open + 1;
        }
    }
    plain(text.substr(i));
    return out;
}

}  // namespace advocacy::commands::slack
