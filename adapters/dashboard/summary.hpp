#pragma once
// GET /admin/api/summary: every figure of the dashboard for one workspace and one period, as JSON
// (docs/dashboard.md gives the shape).
#include <string>

#include <date/tz.h>

#include "adapters/dashboard/period.hpp"
#include "config/config.hpp"
#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::dashboard {

struct SummaryScope {
    storage::Id workspace_id = 0;
    LocalPeriod period;
    const date::time_zone* zone = nullptr;
    std::string time_zone;      // its IANA name, shown
    std::string current_week;   // the leaderboard's ISO week ("2026-W49")
    int leaderboard_size = 10;
};

// advocates / audience rounded to 4 decimals; 0 for an empty audience.
double participation(int advocates, int audience);

std::string summary_json(storage::Database& db, const config::DashboardConfig& config, const SummaryScope& scope);

}  // namespace advocacy::dashboard
