#pragma once
// The HTTP server's options from the validated [server] and [server.limits] configuration. The config module has
// already bounded every value, so this only translates (seconds to the server's milliseconds, counts to ints).
#include "bot/server/server_options.hpp"
#include "config/config.hpp"

namespace advocacy {

server::ServerOptions server_options_from(const config::Config& config);

}  // namespace advocacy
