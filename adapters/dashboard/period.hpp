#pragma once
// The dashboard's reporting period: local days in the program time zone, both inclusive, turned into the UTC
// instants storage counts over.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include <date/tz.h>

#include "storage/analytics.hpp"

namespace advocacy::dashboard {

using LocalDay = std::chrono::year_month_day;

inline constexpr int kDefaultPeriodDays = 28;
inline constexpr int kMaxPeriodDays = 366;

struct LocalPeriod {
    LocalDay from;
    LocalDay to;  // inclusive
    int days() const;
    // The same number of days just before `from`.
    LocalPeriod previous() const;
    // [local midnight of from, local midnight after to), in UTC.
    storage::Period instants(const date::time_zone* zone) const;
};

struct PeriodError {
    std::string message;  // for the 400 body
};

// `from` and `to` from the query (YYYY-MM-DD); each defaults so the period is the 28 days ending `today`
// (only `to`: the 28 days ending there; only `from`: up to today). A bad date, from > to, or more than 366 days
// is an error.
std::variant<LocalPeriod, PeriodError> period_from_query(const std::map<std::string, std::string>& query,
                                                         LocalDay today);

}  // namespace advocacy::dashboard
