#include "bot/app/retention_task.hpp"

#include <memory>
#include <string>

#include "bot/clock.hpp"
#include "bot/log/log.hpp"
#include "storage/retention.hpp"

namespace advocacy {

std::function<void()> daily_retention(storage::Database& db, int months, const Clock& clock) {
    if (months <= 0) return {};
    auto retention = std::make_shared<storage::DailyRetention>(db, months);
    return [retention, months, &clock] {
        const auto purged = retention->run_if_due(clock.now());
        if (purged > 0)
            log::info("retention", "purged old interaction detail",
                      {{"rows", std::to_string(purged)}, {"retention_months", std::to_string(months)}});
    };
}

}  // namespace advocacy
