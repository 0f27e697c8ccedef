#pragma once
// GET /admin/login?token=... (a sign-in link -> a session cookie), POST /admin/logout, GET /admin/signed-out.
#include <memory>

#include "adapters/dashboard/state.hpp"
#include "bot/server/router.hpp"

namespace advocacy::dashboard {

void add_sign_in_routes(server::Router& router, const std::shared_ptr<State>& state);

}  // namespace advocacy::dashboard
