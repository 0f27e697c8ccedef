#include "adapters/slack/text_limits.hpp"

#include "commands/utf8.hpp"

namespace advocacy::slack {

namespace utf8 = commands::utf8;

namespace {

std::size_t units_of(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

void append_code_point(std::string& out, std::string_view s, std::size_t i, const utf8::CodePoint& cp) {
    if (cp.value == 0xFFFD && cp.length == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
        out.append("\xEF\xBF\xBD");  // a malformed byte
    } else {
        out.append(s.substr(i, cp.length));
    }
}

std::string_view escaped(char32_t cp) {
    switch (cp) {
        case U'&': return "&amp;";
        case U'<': return "&lt;";
        case U'>': return "&gt;";
        default: return {};
    }
}

}  // namespace

std::size_t slack_length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = utf8::decode(s, i);
        n += units_of(cp.value);
        i += cp.length;
    }
    return n;
}

std::string clean_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = utf8::decode(s, i);
        append_code_point(out, s, i, cp);
        i += cp.length;
    }
    return out;
}

std::string truncate_text(std::string_view s, std::size_t max_units) {
    if (slack_length(s) <= max_units) return clean_utf8(s);
    if (max_units == 0) return {};
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = utf8::decode(s, i);
        if (used + units_of(cp.value) > max_units - 1) break;  // keep one unit for the ellipsis
        append_code_point(out, s, i, cp);
        used += units_of(cp.value);
        i += cp.length;
    }
    // Do not end on a dangling blank before the ellipsis.
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    out.append(kEllipsis);
    return out;
}

std::string escape_mrkdwn(std::string_view s) {
    bool cut = false;
    return escape_mrkdwn_fitting(s, static_cast<std::size_t>(-1), cut);
}

std::string escape_mrkdwn_fitting(std::string_view plain, std::size_t budget, bool& cut) {
    std::string out;
    std::size_t used = 0;
    cut = false;
    for (std::size_t i = 0; i < plain.size();) {
        const auto cp = utf8::decode(plain, i);
        const auto entity = escaped(cp.value);
        const std::size_t units = entity.empty() ? units_of(cp.value) : entity.size();
        if (used + units > budget) {
            cut = true;
            break;
        }
        if (entity.empty()) {
            append_code_point(out, plain, i, cp);
        } else {
            out.append(entity);
        }
        used += units;
        i += cp.length;
    }
    return out;
}

}  // namespace advocacy::slack
