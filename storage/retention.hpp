#pragma once
// [storage] retention_months: interaction detail (who asked "why", who clicked which link, when) older than N months
// is deleted once a day and folded into anonymous per-content monthly counts (interaction_rollups), so `stats` can
// still total old periods. Shares and skips are kept (they make "one share per item" hold and the leaderboard's
// history), as are the points ledger, deliveries and link tokens.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

// `now` minus `months` calendar months, same time of day (clamped to the end of a shorter month).
Timestamp retention_cutoff(Timestamp now, int months);

// Folds and deletes why_asked, intent_click and post_click rows with `at` < cutoff, `chunk` rows per write job so
// the writer never holds its lock for long. Returns the rows deleted.
std::int64_t purge_interactions(Database& db, Timestamp cutoff, int chunk = 2000);

// What was folded away for a campaign's content in the calendar months (UTC) lying wholly within [from, to).
// With retention_months >= 1 every purged month ends before the current one starts, so "all" gets everything.
struct RolledUpCounts {
    int why_asked = 0;
    int intent_clicks = 0;
    int post_clicks = 0;
};
RolledUpCounts rolled_up_counts(Database& db, Id campaign_id, Timestamp from, Timestamp to);

// The rollup months ('YYYY-MM', UTC) lying wholly within [from, to), as a key range [first, end): what
// rolled_up_counts adds, for other queries over interaction_rollups (storage/analytics.cpp).
struct RollupMonths {
    std::string first;
    std::string end;
};
RollupMonths whole_rollup_months(Timestamp from, Timestamp to);

// The scheduler's daily call: purges at most once per UTC day (the first call runs at once). months = 0: never.
class DailyRetention {
public:
    DailyRetention(Database& db, int months) : db_(db), months_(months) {}
    // Rows purged by this call (0 when disabled or already done today).
    std::int64_t run_if_due(Timestamp now);

private:
    Database& db_;
    int months_;
    std::mutex mutex_;
    std::optional<std::chrono::sys_days> last_day_;
};

}  // namespace advocacy::storage
