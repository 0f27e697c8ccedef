#include "bot/calendar.hpp"

#include <cstdio>
#include <exception>

namespace advocacy {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

// date/tz keeps its own local_t clock; std::chrono's calendar types only meet it through a day count.
date::local_days to_local_days(LocalDate d) {
    return date::local_days{date::days{sys_days{d}.time_since_epoch().count()}};
}

LocalDate from_day_count(std::int64_t count) {
    return LocalDate{sys_days{days{count}}};
}

const date::time_zone* try_locate(std::string_view name) noexcept {
    if (name.empty()) return nullptr;
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;  // unknown name, or no usable tz database
    }
}

// splitmix64 finaliser: a fixed, platform-independent mix (std::hash is neither).
std::uint64_t mix64(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace

const date::time_zone* zone_or(std::string_view name, std::string_view fallback) {
    if (const auto* z = try_locate(name)) return z;
    if (const auto* z = try_locate(fallback)) return z;
    if (const auto* z = try_locate("UTC")) return z;
    return try_locate("Etc/UTC");  // nullptr only without any tz database; the functions below then use UTC
}

LocalDate local_date(std::chrono::sys_seconds t, const date::time_zone* zone) {
    if (zone == nullptr) return LocalDate{std::chrono::floor<days>(t)};
    const auto local = zone->to_local(t);
    return from_day_count(date::floor<date::days>(local).time_since_epoch().count());
}

unsigned local_weekday(LocalDate d) {
    return std::chrono::weekday{sys_days{d}}.c_encoding();
}

std::chrono::sys_seconds at_local_time(LocalDate day, std::chrono::minutes time_of_day, const date::time_zone* zone) {
    if (zone == nullptr) return sys_days{day} + time_of_day;
    const date::local_seconds local = to_local_days(day) + time_of_day;
    const date::local_info info = zone->get_info(local);
    // unique: the only offset. nonexistent: the offset in force before the gap, which lands the instant as far
    // past the gap as the wall time was inside it (02:30 in a 02:00->03:00 gap is 03:30). ambiguous: the first
    // occurrence, i.e. the offset before the fall-back transition.
    const std::chrono::seconds offset = info.first.offset;
    return std::chrono::sys_seconds{local.time_since_epoch() - offset};
}

LocalDate iso_week_monday(LocalDate d) {
    const sys_days sd{d};
    const unsigned since_monday = std::chrono::weekday{sd}.iso_encoding() - 1;  // mon = 0 ... sun = 6
    return LocalDate{sd - days{since_monday}};
}

std::string iso_week_key(LocalDate d) {
    // The ISO week belongs to the year of its Thursday; week 1 is the week holding that year's first Thursday.
    const sys_days thursday = sys_days{iso_week_monday(d)} + days{3};
    const std::chrono::year iso_year = LocalDate{thursday}.year();
    const sys_days jan1{iso_year / std::chrono::January / 1};
    const auto week = (thursday - jan1).count() / 7 + 1;
    char buf[32];  // room for any int year and week, so -Wformat-truncation has nothing to say
    std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(iso_year), static_cast<int>(week));
    return buf;
}

std::string iso_week_key(std::chrono::sys_seconds t, const date::time_zone* zone) {
    return iso_week_key(local_date(t, zone));
}

std::vector<std::string> iso_week_keys_back(LocalDate d, int n) {
    std::vector<std::string> keys;
    if (n < 1) return keys;  // precondition n >= 1; nothing to list otherwise
    keys.reserve(static_cast<std::size_t>(n));
    const sys_days monday{iso_week_monday(d)};
    for (int i = 0; i < n; ++i) keys.push_back(iso_week_key(LocalDate{monday - days{7 * i}}));
    return keys;
}

std::chrono::seconds stagger_offset(std::int64_t user_id, LocalDate day, std::chrono::minutes window) {
    const auto window_s = std::chrono::duration_cast<std::chrono::seconds>(window).count();
    if (window_s <= 0) return std::chrono::seconds{0};
    const auto day_count = sys_days{day}.time_since_epoch().count();
    const std::uint64_t h = mix64(static_cast<std::uint64_t>(user_id) ^ mix64(static_cast<std::uint64_t>(day_count)));
    return std::chrono::seconds{static_cast<std::int64_t>(h % static_cast<std::uint64_t>(window_s))};
}

}  // namespace advocacy
