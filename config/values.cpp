// Value grammars shared by the TOML file and the command language. Strict on purpose: what the file accepts,
// `/advocacy schedule` accepts, and nothing more.
#include "config/values.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <boost/url/parse.hpp>
#include <date/tz.h>

namespace advocacy::config {
namespace {

struct DayNames {
    std::string_view short_name;
    std::string_view long_name;
};
// Indexed by c_encoding (Sunday = 0).
constexpr std::array<DayNames, 7> kDays{{{"sun", "sunday"},
                                         {"mon", "monday"},
                                         {"tue", "tuesday"},
                                         {"wed", "wednesday"},
                                         {"thu", "thursday"},
                                         {"fri", "friday"},
                                         {"sat", "saturday"}}};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Only call on all_digits() text of a few characters.
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// One element of a weekday set: "mon" or a range "fri-mon" (wrapping through the weekend).
bool add_weekday_item(std::string_view item, std::uint8_t& bits) {
    item = trim_blanks(item);
    const auto dash = item.find('-');
    if (dash == std::string_view::npos) {
        const auto day = parse_weekday(item);
        if (!day) return false;
        bits |= static_cast<std::uint8_t>(1U << *day);
        return true;
    }
    const auto first = parse_weekday(trim_blanks(item.substr(0, dash)));
    const auto last = parse_weekday(trim_blanks(item.substr(dash + 1)));
    if (!first || !last) return false;
    for (unsigned d = *first;; d = (d + 1) % 7) {
        bits |= static_cast<std::uint8_t>(1U << d);
        if (d == *last) break;
    }
    return true;
}

// Monday-first position, so runs are listed the way a European week reads.
unsigned monday_first(unsigned c_encoding) { return (c_encoding + 6) % 7; }

}  // namespace

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto hours = text.substr(0, colon);
    const auto minutes = text.substr(colon + 1);
    if (hours.size() < 1 || hours.size() > 2 || minutes.size() != 2) return std::nullopt;
    if (!all_digits(hours) || !all_digits(minutes)) return std::nullopt;
    const int h = to_int(hours);
    const int m = to_int(minutes);
    if (h > 23 || m > 59) return std::nullopt;
    return std::chrono::minutes{h * 60 + m};
}

std::string format_time_of_day(std::chrono::minutes t) {
    long long v = t.count() % (24 * 60);
    if (v < 0) v += 24 * 60;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(v / 60), static_cast<int>(v % 60));
    return buf;
}

std::optional<unsigned> parse_weekday(std::string_view text) {
    for (unsigned i = 0; i < kDays.size(); ++i)
        if (iequals(text, kDays[i].short_name) || iequals(text, kDays[i].long_name)) return i;
    return std::nullopt;
}

std::string_view weekday_name(unsigned c_encoding) {
    return c_encoding < kDays.size() ? kDays[c_encoding].short_name : std::string_view{};
}

std::optional<WeekdaySet> parse_weekday_set(std::string_view text) {
    std::uint8_t bits = 0;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const auto item = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (!add_weekday_item(item, bits)) return std::nullopt;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (bits == 0) return std::nullopt;
    return WeekdaySet{bits};
}

std::string format_weekday_set(WeekdaySet set) {
    const unsigned bits = set.bits & 0x7FU;
    if (bits == 0) return "";
    if (bits == 0x7FU) return "mon-sun";
    // Walk the circular week from just after a day that is not in the set, collecting runs of consecutive days.
    unsigned gap = 0;
    while (set.contains(gap)) ++gap;
    struct Run {
        unsigned first, last, length;
    };
    std::vector<Run> runs;
    for (unsigned i = 1; i <= 7; ++i) {
        const unsigned d = (gap + i) % 7;
        if (!set.contains(d)) continue;
        if (!runs.empty() && runs.back().last == (d + 6) % 7) {
            runs.back().last = d;
            ++runs.back().length;
        } else {
            runs.push_back({d, d, 1});
        }
    }
    std::sort(runs.begin(), runs.end(),
              [](const Run& a, const Run& b) { return monday_first(a.first) < monday_first(b.first); });
    std::string out;
    for (const auto& run : runs) {
        if (!out.empty()) out += ',';
        out += weekday_name(run.first);
        if (run.length == 2) out += ',';
        if (run.length > 2) out += '-';
        if (run.length >= 2) out += weekday_name(run.last);
    }
    return out;
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{to_int(y)},
                                          std::chrono::month{static_cast<unsigned>(to_int(m))},
                                          std::chrono::day{static_cast<unsigned>(to_int(d))}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

std::string format_date(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<WeeklyTime> parse_weekly_time(std::string_view text) {
    const auto blank = text.find_first_of(" \t");
    if (blank == std::string_view::npos) return std::nullopt;
    const auto time_start = text.find_first_not_of(" \t", blank);
    if (time_start == std::string_view::npos) return std::nullopt;
    const auto day = parse_weekday(text.substr(0, blank));
    const auto time = parse_time_of_day(text.substr(time_start));
    if (!day || !time) return std::nullopt;
    return WeeklyTime{*day, *time};
}

std::string format_weekly_time(WeeklyTime t) {
    return std::string(weekday_name(t.weekday)) + " " + format_time_of_day(t.time);
}

bool is_known_time_zone(std::string_view name) {
    if (name.empty()) return false;
    try {
        return date::locate_zone(std::string(name)) != nullptr;
    } catch (const std::exception&) {
        return false;  // unknown name, or no readable tz database at all
    }
}

bool is_http_url(std::string_view text) {
    const auto url = boost::urls::parse_uri(text);
    if (!url) return false;
    const auto scheme = url->scheme_id();
    if (scheme != boost::urls::scheme::http && scheme != boost::urls::scheme::https) return false;
    return url->has_authority() && !url->encoded_host().empty();
}

}  // namespace advocacy::config
