#pragma once
// The HTTP/1.1 + WebSocket server (Boost.Beast on Asio, C++20 coroutines). Beast stays inside server.cpp; callers
// see only options, the route table and plain request/response types.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "bot/server/router.hpp"
#include "bot/server/server_options.hpp"

namespace advocacy::server {

class HttpServer {
public:
    explicit HttpServer(ServerOptions options, Router router = {});
    ~HttpServer();  // stops (gracefully) if still running
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds the listening socket (once) and returns the bound port, without serving yet: callers that need the real
    // port (port 0 in tests and demos) build what depends on it, add their routes, then start(). Throws
    // std::runtime_error with a clear message when the address cannot be bound or the TLS files cannot be loaded.
    std::uint16_t bind();

    // The route table; add routes only before start().
    Router& routes();

    // Binds if needed, starts the I/O and worker threads, and returns the bound port.
    std::uint16_t start();

    // Graceful stop: stop accepting, let in-flight requests finish (up to shutdown_grace), close idle keep-alive
    // and WebSocket connections, then end the threads. Safe from any thread, and from a signal handler via
    // stop_on_signals(). Returns immediately; wait() blocks until done.
    void stop();
    void wait();

    // SIGINT / SIGTERM call stop().
    void stop_on_signals();

    std::size_t active_connections() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy::server
