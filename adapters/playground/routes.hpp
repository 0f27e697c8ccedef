#pragma once
// Mounts the playground on the route table: the page, its assets, and the WebSocket.
#include <memory>

#include "bot/server/router.hpp"

namespace advocacy::playground {

class Playground;

void add_playground_routes(server::Router& router, const std::shared_ptr<Playground>& playground);

}  // namespace advocacy::playground
