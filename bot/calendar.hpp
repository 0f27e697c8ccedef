#pragma once
// Local calendar arithmetic in IANA time zones (date/tz): local day, push instants across DST, ISO weeks.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <cstdint>
#include <vector>

#include <date/tz.h>

#include "config/config.hpp"

namespace advocacy {

using LocalDate = std::chrono::year_month_day;

// Zone lookup that never throws: unknown names fall back to `fallback` (then UTC).
const date::time_zone* zone_or(std::string_view name, std::string_view fallback);

LocalDate local_date(std::chrono::sys_seconds t, const date::time_zone* zone);
unsigned local_weekday(LocalDate d);  // c_encoding, sun = 0

// The UTC instant of local `day` at `time_of_day` in `zone`. Nonexistent local times (spring-forward gap) move
// forward past the gap; ambiguous ones (fall-back) take the first occurrence.
std::chrono::sys_seconds at_local_time(LocalDate day, std::chrono::minutes time_of_day, const date::time_zone* zone);

// ISO 8601 week key "2026-W48" of a local date, and of an instant in a zone.
std::string iso_week_key(LocalDate d);
std::string iso_week_key(std::chrono::sys_seconds t, const date::time_zone* zone);
// Monday of the ISO week containing d.
LocalDate iso_week_monday(LocalDate d);
// The n previous week keys, newest first, starting with d's own week (n >= 1).
std::vector<std::string> iso_week_keys_back(LocalDate d, int n);

// Deterministic stagger: an offset in [0, window) from (user id, day), so a user's push time varies a little each
// day and a whole company does not post the same copy in the same minute.
std::chrono::seconds stagger_offset(std::int64_t user_id, LocalDate day, std::chrono::minutes window);

}  // namespace advocacy
