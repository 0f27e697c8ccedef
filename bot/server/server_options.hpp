#pragma once
// Everything the HTTP server needs to know, with safe defaults. Built from [server] by the caller.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace advocacy::server {

struct ServerLimits {
    std::size_t header_bytes = 8 * 1024;          // over: 431
    std::size_t body_bytes = 1024 * 1024;         // default per route; over: 413
    std::chrono::milliseconds header_timeout{10'000};  // slow headers: 408 and close
    std::chrono::milliseconds body_timeout{30'000};
    std::chrono::milliseconds idle_timeout{60'000};    // keep-alive connection with no new request: closed
    std::chrono::milliseconds write_timeout{30'000};
    std::size_t max_connections = 1024;           // over: 503 and close
    std::size_t websocket_message_bytes = 64 * 1024;
};

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: pick a free port (tests)
    std::optional<std::filesystem::path> tls_certificate;  // PEM chain; TLS 1.2+ only when set
    std::optional<std::filesystem::path> tls_private_key;
    ServerLimits limits;
    std::chrono::milliseconds shutdown_grace{10'000};
    int io_threads = 1;
    int worker_threads = 4;
};

}  // namespace advocacy::server
