#include "bot/app/server_options_from_config.hpp"

namespace advocacy {
namespace {

server::ServerLimits limits_from(const config::ServerLimitsConfig& c) {
    server::ServerLimits limits;
    limits.header_bytes = c.header_bytes;
    limits.body_bytes = c.body_bytes;
    limits.header_timeout = c.header_timeout;
    limits.body_timeout = c.body_timeout;
    limits.idle_timeout = c.idle_timeout;
    limits.write_timeout = c.write_timeout;
    limits.max_connections = c.max_connections;
    limits.websocket_message_bytes = c.websocket_message_bytes;
    return limits;
}

}  // namespace

server::ServerOptions server_options_from(const config::Config& config) {
    const config::ServerConfig& c = config.server;
    server::ServerOptions options;
    options.address = c.listen_address;
    options.port = c.port;
    options.tls_certificate = c.tls_certificate;
    options.tls_private_key = c.tls_private_key;
    options.limits = limits_from(c.limits);
    options.shutdown_grace = c.shutdown_grace;
    // Both are 1-64 once the configuration has loaded.
    options.io_threads = static_cast<int>(c.io_threads);
    options.worker_threads = static_cast<int>(c.worker_threads);
    return options;
}

}  // namespace advocacy
