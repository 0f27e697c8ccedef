#pragma once
// Mounts the admin dashboard (docs/dashboard.md) under /admin on the route table: sign-in, the page shell, its
// assets, the JSON API and the CSV export. Nothing is mounted when [dashboard] enabled = false.
#include "bot/clock.hpp"
#include "bot/server/router.hpp"
#include "config/config.hpp"
#include "storage/database.hpp"

namespace advocacy::dashboard {

// `config`, `db`, `clock` and `random` must outlive the router's handlers.
void add_dashboard_routes(server::Router& router, const config::Config& config, storage::Database& db, Clock& clock,
                          RandomSource& random);

}  // namespace advocacy::dashboard
