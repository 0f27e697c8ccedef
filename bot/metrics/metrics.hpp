#pragma once
// The bot's metrics, by what happened rather than by metric name: each instrumented place calls one function here,
// and GET /metrics renders the process-wide registry. Label values come from bounded sets only (route patterns,
// status codes, rate-limit keys), never from raw paths or user input.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bot/metrics/registry.hpp"

namespace advocacy::metrics {

using Seconds = std::chrono::duration<double>;

// The process-wide registry with every advocacy_* family registered (and advocacy_build_info set).
Registry& registry();
// What GET /metrics serves.
std::string render();
inline constexpr std::string_view content_type = "text/plain; version=0.0.4; charset=utf-8";

// HTTP server: one per answered request. `route` is the route pattern ("/r/*"), "unmatched" (404/405) or "-"
// (rejected before routing: 400, 408, 413, 431).
void http_request(std::string_view route, std::string_view method, int status, Seconds elapsed);

// Outgoing platform API calls (net::HttpClient), per rate-limit key ("slack:chat.postMessage").
enum class ApiOutcome { ok, http_4xx, http_5xx, rate_limited, error };
std::string_view to_string(ApiOutcome o);
ApiOutcome outcome_of_status(int status);
void platform_api_call(std::string_view key, ApiOutcome outcome, Seconds elapsed);  // once per call, final
void platform_api_retry(std::string_view key, ApiOutcome why);                       // each resend (429, 5xx, error)

// Engine results, counted once durably committed.
void delivery(bool sent);
void share_recorded();

// The storage writer: one per committed group transaction.
void writer_commit(std::size_t jobs, Seconds elapsed);

// Slack Socket Mode: WebSockets open right now (the connection manager sets it on every change).
void set_slack_socket_connections(std::int64_t open);

}  // namespace advocacy::metrics
