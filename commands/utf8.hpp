#pragma once
// Just enough UTF-8 for the command language: walk code points without ever reading past the end. A malformed byte
// decodes as U+FFFD of length 1, so random input still advances one byte at a time.
#include <cstddef>
#include <string>
#include <string_view>

namespace advocacy::commands::utf8 {

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;  // bytes
};

inline CodePoint decode(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) { length = 2; value = lead & 0x1FU; }
    else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; value = lead & 0x0FU; }
    else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; value = lead & 0x07U; }
    else return {0xFFFD, 1};
    if (i + length > s.size()) return {0xFFFD, 1};
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char c = byte(i + k);
        if ((c & 0xC0U) != 0x80U) return {0xFFFD, 1};
        value = (value << 6) | (c & 0x3FU);
    }
    return {value, length};
}

// Code points in s, counting each malformed byte as one.
inline std::size_t count(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += decode(s, i).length) ++n;
    return n;
}

// ASCII white space plus the Unicode spaces phones and Slack put between words (no-break, narrow no-break...).
inline bool is_space(char32_t c) {
    return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Trims the spaces is_space() knows from both ends.
inline std::string_view trim(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size()) {
        const CodePoint cp = decode(s, begin);
        if (!is_space(cp.value)) break;
        begin += cp.length;
    }
    std::size_t end = begin;
    for (std::size_t i = begin; i < s.size();) {
        const CodePoint cp = decode(s, i);
        i += cp.length;
        if (!is_space(cp.value)) end = i;
    }
    return s.substr(begin, end - begin);
}

inline bool contains_space(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint cp = decode(s, i);
        if (is_space(cp.value)) return true;
        i += cp.length;
    }
    return false;
}

}  // namespace advocacy::commands::utf8
