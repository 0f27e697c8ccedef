// Value checks and normal forms for each ValueType. Dates, times, weekdays, zones and URLs use config/values.hpp so
// the TOML file and the commands accept exactly the same things.
#include "commands/normalise.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "commands/slack_markup.hpp"
#include "commands/utf8.hpp"
#include "config/values.hpp"

namespace advocacy::commands {
namespace {

using Result = std::optional<std::string>;

// Decimal digits only (no sign, no spaces) -> the value, if it is within [1, max].
std::optional<std::uint64_t> positive_integer(std::string_view s, std::uint64_t max) {
    if (s.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (max - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    if (value == 0) return std::nullopt;
    return value;
}

Result id_value(std::string_view s) {
    const auto value = positive_integer(s, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
    return value ? Result(std::to_string(*value)) : std::nullopt;
}

Result count_value(std::string_view s) {
    const auto value = positive_integer(s, max_count);
    return value ? Result(std::to_string(*value)) : std::nullopt;
}

Result url_value(std::string_view s) {
    std::string url(s);
    if (const auto sequence = slack::parse_control_sequence(s)) url = slack::decode_entities(sequence->target);
    if (!config::is_http_url(url)) return std::nullopt;
    return url;
}

// What may follow '@' in a user id: Slack U123/W123, Teams 29:1a-B_c..., playground names.
bool is_user_id(std::string_view id) {
    return !id.empty() && id.find_first_of("<>|@,\"' \t") == std::string_view::npos && !utf8::contains_space(id);
}

Result user_value(std::string_view s) {
    if (const auto sequence = slack::parse_control_sequence(s)) {
        if (!sequence->target.starts_with('@')) return std::nullopt;
        const std::string target = sequence->target.substr(1);
        return is_user_id(target) ? Result(target) : std::nullopt;
    }
    if (!s.starts_with('@')) return std::nullopt;
    const std::string_view id = s.substr(1);
    return is_user_id(id) ? Result(std::string(id)) : std::nullopt;
}

bool is_name(std::string_view s) { return !s.empty() && !utf8::contains_space(s); }

Result audience_value(std::string_view s) {
    if (const auto sequence = slack::parse_control_sequence(s)) {
        // <#C123|general> -> #general; newer Slack may send <#C123|> or <#C123>: keep the channel id.
        if (!sequence->target.starts_with('#') || sequence->target.size() < 2) return std::nullopt;
        const std::string name = sequence->label && !sequence->label->empty() ? *sequence->label
                                                                              : sequence->target.substr(1);
        return is_name(name) ? Result("#" + name) : std::nullopt;
    }
    const std::string lower = utf8::lower_ascii(s);
    if (lower == "all") return lower;
    if (s.starts_with('#')) return is_name(s.substr(1)) ? Result(std::string(s)) : std::nullopt;
    if (lower.starts_with("group:")) {
        const std::string_view name = s.substr(6);
        return is_name(name) ? Result("group:" + std::string(name)) : std::nullopt;
    }
    return std::nullopt;
}

Result word_in(std::string_view s, const std::vector<std::string>& words) {
    const std::string lower = utf8::lower_ascii(s);
    return std::find(words.begin(), words.end(), lower) != words.end() ? Result(lower) : std::nullopt;
}

Result weekday_time_value(std::string_view s) {
    const auto slot = config::parse_weekly_time(utf8::trim(s));
    return slot ? Result(config::format_weekly_time(*slot)) : std::nullopt;
}

Result text_value(std::string_view s, Markup markup) {
    const std::string unwrapped = slack::unwrap_links(s, markup == Markup::slack);
    const std::string_view trimmed = utf8::trim(unwrapped);
    return trimmed.empty() ? std::nullopt : Result(std::string(trimmed));
}

}  // namespace

std::vector<std::string> allowed_words(ValueType type, const std::vector<std::string>& choices) {
    if (type == ValueType::choice) return choices;
    if (type == ValueType::period) return {"week", "month", "all"};
    return {};
}

std::optional<std::string> normalise_value(ValueType type, std::string_view text,
                                           const std::vector<std::string>& choices, Markup markup) {
    if (text.empty()) return std::nullopt;
    if (markup == Markup::slack && type != ValueType::text && !slack::parse_control_sequence(text)) {
        return normalise_value(type, slack::decode_entities(text), choices, Markup::plain);
    }
    switch (type) {
        case ValueType::word: return is_name(text) ? Result(std::string(text)) : std::nullopt;
        case ValueType::text: return text_value(text, markup);
        case ValueType::id: return id_value(text);
        case ValueType::count: return count_value(text);
        case ValueType::url: return url_value(text);
        case ValueType::date: {
            const auto date = config::parse_date(text);
            return date ? Result(config::format_date(*date)) : std::nullopt;
        }
        case ValueType::time: {
            const auto time = config::parse_time_of_day(text);
            return time ? Result(config::format_time_of_day(*time)) : std::nullopt;
        }
        case ValueType::weekdays: {
            const auto days = config::parse_weekday_set(utf8::lower_ascii(text));
            return days ? Result(config::format_weekday_set(*days)) : std::nullopt;
        }
        case ValueType::weekday_time: return weekday_time_value(text);
        case ValueType::time_zone:
            return config::is_known_time_zone(text) ? Result(std::string(text)) : std::nullopt;
        case ValueType::user: return user_value(text);
        case ValueType::audience: return audience_value(text);
        case ValueType::period:
        case ValueType::choice: return word_in(text, allowed_words(type, choices));
    }
    return std::nullopt;
}

}  // namespace advocacy::commands
