#pragma once
// Value grammars shared by the TOML file and the /advocacy command language (times, days, dates, time zones),
// so `push_time = "09:00"` and `schedule daily=09:00` accept exactly the same things.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace advocacy::config {

// "HH:MM", 00:00..23:59 (one-digit hour allowed: "9:30").
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);
std::string format_time_of_day(std::chrono::minutes t);  // "09:30"

// "mon", "monday" (English, case-insensitive) -> c_encoding (sun = 0).
std::optional<unsigned> parse_weekday(std::string_view text);
std::string_view weekday_name(unsigned c_encoding);  // "mon"

// "mon-fri", "mon,wed,fri", "sun-thu", "fri-mon" (wraps), "sat,sun"; never empty.
std::optional<WeekdaySet> parse_weekday_set(std::string_view text);
std::string format_weekday_set(WeekdaySet set);  // "mon-fri" / "mon,wed,fri"

// "YYYY-MM-DD", a real calendar date.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::string format_date(std::chrono::year_month_day d);

// An IANA zone name known to the system tz database ("Europe/Paris").
bool is_known_time_zone(std::string_view name);

// http or https URL with a host (product rule: only those are accepted as content).
bool is_http_url(std::string_view text);

}  // namespace advocacy::config

namespace advocacy::config {

// A weekday and a local time, "fri 16:00" (the leaderboard slot; one or more blanks between the two parts).
struct WeeklyTime {
    unsigned weekday = 5;  // c_encoding
    std::chrono::minutes time{16 * 60};
    bool operator==(const WeeklyTime&) const = default;
};
std::optional<WeeklyTime> parse_weekly_time(std::string_view text);
std::string format_weekly_time(WeeklyTime t);  // "fri 16:00"

}  // namespace advocacy::config
