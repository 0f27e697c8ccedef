#pragma once
// The scheduler's housekeeping for [storage] retention_months: purges old interaction detail once a day (see
// storage/retention.hpp) and logs what it did.
#include <functional>

namespace advocacy {
class Clock;
namespace storage {
class Database;
}

// For SchedulerLoop's `housekeeping`; does nothing when months == 0. `db` and `clock` must outlive it.
std::function<void()> daily_retention(storage::Database& db, int months, const Clock& clock);

}  // namespace advocacy
