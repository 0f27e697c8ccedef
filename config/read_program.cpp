// [program] and [program.points]: when content is pushed, the weekly leaderboard, and the points table.
#include "config/sections_internal.hpp"
#include "config/values.hpp"

namespace advocacy::config::detail {
namespace {

constexpr std::int64_t kMaxStaggerMinutes = 12 * 60;
constexpr std::int64_t kMaxPoints = 10000;
constexpr std::size_t kMaxSuffixCharacters = 100;

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
    return n;
}

void read_points(TableReader& program, PointsTable& out) {
    TableReader r(program.diagnostics(), program.section("points"), "program.points",
                  {{"shared", "post_click", "post_click_cap_per_item", "why", "skip"}, {}});
    const auto read = [&r](std::string_view key, int& field) {
        const auto v = r.integer(key);
        if (!v) return;
        if (*v < 0)
            r.error(key, std::to_string(*v) + " is negative (points must be 0 or more)");
        else if (*v > kMaxPoints)
            r.error(key, std::to_string(*v) + " is too large (at most " + std::to_string(kMaxPoints) + ")");
        else
            field = static_cast<int>(*v);
    };
    read("shared", out.shared);
    read("post_click", out.post_click);
    read("post_click_cap_per_item", out.post_click_cap_per_item);
    read("why", out.why);
    read("skip", out.skip);
    r.report_unknown_keys();
}

void read_schedule(TableReader& r, ProgramConfig& out) {
    if (const auto v = r.string("time_zone")) {
        if (is_known_time_zone(*v))
            out.time_zone = *v;
        else
            r.error("time_zone",
                    in_quotes(*v) + " is not a known time zone (expected an IANA name such as \"Europe/Paris\")");
    }
    if (const auto v = r.string("push_time")) {
        if (const auto t = parse_time_of_day(*v))
            out.push_time = *t;
        else
            r.error("push_time", in_quotes(*v) + " is not a time of day (expected HH:MM, 00:00-23:59)");
    }
    if (const auto v = r.string("working_days")) {
        if (const auto days = parse_weekday_set(*v))
            out.working_days = *days;
        else
            r.error("working_days",
                    in_quotes(*v) + " is not a set of weekdays (expected e.g. \"mon-fri\" or \"mon,wed,fri\")");
    }
    if (const auto v = r.integer("stagger_window_minutes")) {
        if (*v >= 0 && *v <= kMaxStaggerMinutes)
            out.stagger_window = std::chrono::minutes{*v};
        else
            r.error("stagger_window_minutes",
                    std::to_string(*v) + " is out of range (0-" + std::to_string(kMaxStaggerMinutes) + ")");
    }
    if (const auto v = r.string("leaderboard")) {
        if (const auto slot = parse_weekly_time(*v)) {
            out.leaderboard_weekday = slot->weekday;
            out.leaderboard_time = slot->time;
        } else {
            r.error("leaderboard", in_quotes(*v) + " is not a weekday and time (expected e.g. \"fri 16:00\")");
        }
    }
    if (const auto v = r.integer("leaderboard_size")) {
        if (*v >= 1 && *v <= 50)
            out.leaderboard_size = static_cast<int>(*v);
        else
            r.error("leaderboard_size", std::to_string(*v) + " is out of range (1-50)");
    }
}

}  // namespace

void read_program(TableReader& top, ProgramConfig& out) {
    TableReader r(top.diagnostics(), top.section("program"), "program",
                  {{"default_locale", "time_zone", "push_time", "working_days", "stagger_window_minutes", "leaderboard",
                    "leaderboard_size", "disclosure_suffix"},
                   {"points"}});
    if (const auto v = r.string("default_locale")) {
        if (*v == "en" || *v == "fr")
            out.default_locale = *v;
        else
            r.error("default_locale", in_quotes(*v) + " is not a supported locale (expected \"en\" or \"fr\")");
    }
    read_schedule(r, out);
    if (const auto v = r.string("disclosure_suffix")) {
        if (v->find_first_of("\r\n") != std::string::npos)
            r.error("disclosure_suffix", "must be a single line");
        else if (utf8_length(*v) > kMaxSuffixCharacters)
            r.error("disclosure_suffix", "is " + std::to_string(utf8_length(*v)) + " characters long (at most " +
                                             std::to_string(kMaxSuffixCharacters) + ")");
        else
            out.disclosure_suffix = *v;
    }
    read_points(r, out.points);
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
