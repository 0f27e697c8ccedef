#pragma once
// GET /admin/api/summary (JSON) and GET /admin/export.csv: the signed-in admin's workspace only.
#include <memory>

#include "adapters/dashboard/state.hpp"
#include "bot/server/router.hpp"

namespace advocacy::dashboard {

void add_data_routes(server::Router& router, const std::shared_ptr<State>& state);

}  // namespace advocacy::dashboard
