// [server.limits], shutdown_grace_seconds, io_threads and worker_threads: how much the HTTP server lets one client
// (and all of them together) cost. Bounds keep a typo (an extra zero, seconds read as milliseconds) from turning
// into a server that never times out or that one request can exhaust.
#include "config/sections_internal.hpp"

namespace advocacy::config::detail {
namespace {

constexpr std::int64_t KiB = 1024;
constexpr std::int64_t MiB = 1024 * KiB;
constexpr std::int64_t kMaxSeconds = 60 * 60;
constexpr std::int64_t kMaxConnections = 100'000;
constexpr std::int64_t kMaxThreads = 64;

struct Range {
    std::int64_t min;
    std::int64_t max;
    std::string_view readable;  // the range in friendlier units, for byte sizes ("1 KiB-1 MiB")
};

// The integer at `key` when it lies in `range`; reported (with the range) when it does not.
std::optional<std::int64_t> in_range(TableReader& r, std::string_view key, Range range) {
    const auto v = r.integer(key);
    if (!v) return std::nullopt;
    if (*v >= range.min && *v <= range.max) return v;
    std::string message =
        std::to_string(*v) + " is out of range (" + std::to_string(range.min) + "-" + std::to_string(range.max);
    if (!range.readable.empty()) message += ", i.e. " + std::string(range.readable);
    r.error(key, message + ")");
    return std::nullopt;
}

void read_bytes(TableReader& r, std::string_view key, Range range, std::size_t& out) {
    if (const auto v = in_range(r, key, range)) out = static_cast<std::size_t>(*v);
}

void read_seconds(TableReader& r, std::string_view key, std::chrono::seconds& out) {
    if (const auto v = in_range(r, key, {1, kMaxSeconds, {}})) out = std::chrono::seconds{*v};
}

void read_count(TableReader& r, std::string_view key, std::int64_t max, std::size_t& out) {
    if (const auto v = in_range(r, key, {1, max, {}})) out = static_cast<std::size_t>(*v);
}

void read_limits(TableReader& server, ServerLimitsConfig& out) {
    TableReader r(server.diagnostics(), server.section("limits"), "server.limits",
                  {{"header_bytes", "body_bytes", "header_timeout_seconds", "body_timeout_seconds",
                    "idle_timeout_seconds", "write_timeout_seconds", "max_connections", "websocket_message_bytes"},
                   {}});
    read_bytes(r, "header_bytes", {1 * KiB, 1 * MiB, "1 KiB-1 MiB"}, out.header_bytes);
    read_bytes(r, "body_bytes", {1 * KiB, 64 * MiB, "1 KiB-64 MiB"}, out.body_bytes);
    read_seconds(r, "header_timeout_seconds", out.header_timeout);
    read_seconds(r, "body_timeout_seconds", out.body_timeout);
    read_seconds(r, "idle_timeout_seconds", out.idle_timeout);
    read_seconds(r, "write_timeout_seconds", out.write_timeout);
    read_count(r, "max_connections", kMaxConnections, out.max_connections);
    read_bytes(r, "websocket_message_bytes", {1 * KiB, 64 * MiB, "1 KiB-64 MiB"}, out.websocket_message_bytes);
    r.report_unknown_keys();
}

}  // namespace

void read_server_capacity(TableReader& server, ServerConfig& out) {
    read_seconds(server, "shutdown_grace_seconds", out.shutdown_grace);
    read_count(server, "io_threads", kMaxThreads, out.io_threads);
    read_count(server, "worker_threads", kMaxThreads, out.worker_threads);
    read_limits(server, out.limits);
}

}  // namespace advocacy::config::detail
