#pragma once
// The routes every deployment has, whatever the adapters: health, readiness, tracked links.
#include <functional>
#include <string>
#include <vector>

#include "bot/server/router.hpp"

namespace advocacy {
class Engine;
namespace storage {
class Database;
}

// One readiness condition ("database", "slack"...), evaluated on each GET /readyz.
struct ReadinessCheck {
    std::string name;
    std::function<bool()> ok;
};

// A check that the database writer is alive and can commit to disk (a full or read-only disk fails it).
ReadinessCheck database_writable(storage::Database& db);

// GET /metrics: the process's metrics in the Prometheus text format (bot/metrics/metrics.hpp).
void add_metrics_route(server::Router& router);

// GET /healthz, GET /readyz, GET /metrics, GET /r/<token> (click on a shared post), GET /s/<token> (share button
// in chat).
void add_core_routes(server::Router& router, Engine& engine, std::vector<ReadinessCheck> readiness);

}  // namespace advocacy
