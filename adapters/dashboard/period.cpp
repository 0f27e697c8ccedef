#include "adapters/dashboard/period.hpp"

#include "bot/calendar.hpp"
#include "config/values.hpp"

namespace advocacy::dashboard {

using namespace std::chrono;

namespace {
LocalDay plus_days(LocalDay d, int n) { return LocalDay{sys_days{d} + days{n}}; }

std::optional<LocalDay> date_param(const std::map<std::string, std::string>& query, const std::string& key,
                                   PeriodError& error) {
    const auto it = query.find(key);
    if (it == query.end()) return std::nullopt;
    if (auto d = config::parse_date(it->second)) return d;
    error.message = key + " is not a date (expected YYYY-MM-DD)";
    return std::nullopt;
}
}  // namespace

int LocalPeriod::days() const { return static_cast<int>((sys_days{to} - sys_days{from}).count()) + 1; }

LocalPeriod LocalPeriod::previous() const {
    return LocalPeriod{plus_days(from, -days()), plus_days(from, -1)};
}

storage::Period LocalPeriod::instants(const date::time_zone* zone) const {
    return storage::Period{at_local_time(from, minutes{0}, zone), at_local_time(plus_days(to, 1), minutes{0}, zone)};
}

std::variant<LocalPeriod, PeriodError> period_from_query(const std::map<std::string, std::string>& query,
                                                         LocalDay today) {
    PeriodError error;
    const auto from = date_param(query, "from", error);
    const auto to = date_param(query, "to", error);
    if (!error.message.empty()) return error;
    LocalPeriod p;
    p.to = to ? *to : today;
    p.from = from ? *from : plus_days(p.to, -(kDefaultPeriodDays - 1));
    if (sys_days{p.from} > sys_days{p.to}) return PeriodError{"from is after to"};
    if (p.days() > kMaxPeriodDays) return PeriodError{"the period is longer than 366 days"};
    return p;
}

}  // namespace advocacy::dashboard
