#include "adapters/slack/form.hpp"

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/pchars.hpp>

#include <array>
#include <cstdint>
#include <cstring>

namespace advocacy::slack {

namespace {
// Slack sends UTF-8. Percent-encoding can carry any bytes, and a field that is not UTF-8 (overlong, surrogate,
// truncated, beyond U+10FFFF) would otherwise reach the commands and the database as is (tests/hostile).
bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        // Mostly ASCII: eight bytes at a time while no byte has its high bit set.
        std::uint64_t word = 0;
        if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ULL) == 0)) {
            i += 8;
            continue;
        }
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t value = 0, smallest = 0;
        if ((lead & 0xE0U) == 0xC0U) { length = 2; value = lead & 0x1FU; smallest = 0x80; }
        else if ((lead & 0xF0U) == 0xE0U) { length = 3; value = lead & 0x0FU; smallest = 0x800; }
        else if ((lead & 0xF8U) == 0xF0U) { length = 4; value = lead & 0x07U; smallest = 0x10000; }
        else return false;
        if (i + length > s.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0U) != 0x80U) return false;
            value = (value << 6) | (c & 0x3FU);
        }
        if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}
}  // namespace

std::optional<FormFields> parse_form(std::string_view body) {
    // Boost.URL 1.81's parse_query measures the query with strlen (it rebuilds the view from the bare data pointer):
    // given a view that is not NUL-terminated it reads past the end, and an empty view without data crashes. It only
    // ever sees this terminated copy (found by fuzz/fuzz_slack_form).
    if (body.empty()) return FormFields{};
    const std::string query(body);
    if (!boost::urls::parse_query(query)) return std::nullopt;
    boost::urls::encoding_opts opt;
    opt.space_as_plus = true;
    FormFields out;
    for (const auto& param : boost::urls::params_view(query, opt)) {
        if (param.key.empty()) return std::nullopt;  // "=x" or "&&": not something Slack sends
        if (!valid_utf8(param.key) || !valid_utf8(param.value)) return std::nullopt;
        out.emplace(param.key, param.value);
    }
    return out;
}

namespace {
// One pass over the value: what each byte is (the characters parse_query accepts in a value, RFC 3986 query
// characters without '&'; '%' starts an escape; '+' is a space), and what a hex digit is worth.
constexpr auto kValueChars = boost::urls::pchars + '/' + '?' - '&';
enum : std::uint8_t { kRefused, kLiteral, kEscape, kPlus };
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = kValueChars(static_cast<char>(c)) ? kLiteral : kRefused;
    t['%'] = kEscape;
    t['+'] = kPlus;
    return t;
}();
constexpr std::array<std::int8_t, 256> kHex = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<std::int8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) t[c] = static_cast<std::int8_t>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) t[c] = static_cast<std::int8_t>(c - 'A' + 10);
    return t;
}();
}  // namespace

std::optional<std::string> sole_field(std::string_view body, std::string_view key) {
    if (key.empty() || body.size() <= key.size() || !body.starts_with(key) || body[key.size()] != '=')
        return std::nullopt;
    const std::string_view encoded = body.substr(key.size() + 1);
    std::string value(encoded.size(), '\0');
    char* out = value.data();
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const auto c = static_cast<unsigned char>(encoded[i]);
        switch (kByteClass[c]) {
            case kLiteral: *out++ = static_cast<char>(c); break;
            case kPlus: *out++ = ' '; break;
            case kEscape: {
                if (i + 2 >= encoded.size()) return std::nullopt;
                const int high = kHex[static_cast<unsigned char>(encoded[i + 1])];
                const int low = kHex[static_cast<unsigned char>(encoded[i + 2])];
                if (high < 0 || low < 0) return std::nullopt;
                *out++ = static_cast<char>(high * 16 + low);
                i += 2;
                break;
            }
            default: return std::nullopt;  // '&' (a second field) or a character a form cannot carry
        }
    }
    value.resize(static_cast<std::size_t>(out - value.data()));
    if (!valid_utf8(value)) return std::nullopt;
    return value;
}

std::string_view field(const FormFields& form, std::string_view key) {
    const auto it = form.find(key);
    return it == form.end() ? std::string_view{} : std::string_view(it->second);
}

}  // namespace advocacy::slack
