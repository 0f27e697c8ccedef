#pragma once
// Outgoing HTTP(S) for platform Web APIs (Slack, Teams, token endpoints). Beast stays inside the .cpp files.
//  - TLS with SNI, certificate and host-name verification against the system CA store (never skipped);
//    `http://` URLs are allowed (loopback fakes in tests, configured explicitly).
//  - Persistent connections reused across calls, a bounded pool per host.
//  - A queue per rate-limit key (e.g. "slack:chat.postMessage"): HTTP 429 pauses that key's queue for Retry-After
//    and the call is resent; 5xx and connection failures are retried with capped exponential backoff with jitter,
//    bounded by max_attempts; every attempt has a timeout.
//  - Never logs headers or bodies (tokens live there).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace advocacy::net {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ClientRequest {
    std::string method = "POST";
    std::string url;              // absolute http(s) URL
    HeaderList headers;           // e.g. Authorization (never logged)
    std::string content_type;     // e.g. "application/json; charset=utf-8"
    std::string body;
    std::string rate_limit_key;   // requests with the same key share a queue and its 429 pauses; empty: the host
};

struct ClientResponse {
    int status = 0;
    HeaderList headers;
    std::string body;
    std::string header(std::string_view name) const;  // case-insensitive, empty when absent
};

struct ClientResult {
    std::optional<ClientResponse> response;  // the final response (also for 4xx: the caller decides)
    std::string error;                       // set when no response could be obtained (after retries)
    // attempts: requests sent, 429'd ones included (a resend after a stale keep-alive connection is not counted);
    // max_attempts bounds attempts - rate_limited. When 5xx exhaust the retries, `response` is the last 5xx.
    int attempts = 0;
    int rate_limited = 0;                    // how many 429s were honoured
    bool ok() const { return response.has_value(); }
};

struct RetryPolicy {
    int max_attempts = 5;  // network errors and 5xx; 429s are honoured separately (bounded by max_total_time)
    std::chrono::milliseconds base_delay{250};
    std::chrono::milliseconds max_delay{20'000};
    std::chrono::milliseconds max_retry_after{120'000};  // a larger Retry-After is clamped
    std::chrono::milliseconds max_total_time{300'000};   // give up a call after this, whatever happens
};

struct ClientOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds request_timeout{30'000};  // one attempt: write + read
    std::size_t max_connections_per_host = 16;
    std::size_t max_in_flight_per_key = 8;
    std::size_t max_response_bytes = 8 * 1024 * 1024;
    RetryPolicy retry;
    std::optional<std::filesystem::path> extra_ca_file;  // trusted in addition to the system store (tests)
    int io_threads = 1;
};

class HttpClient {
public:
    explicit HttpClient(ClientOptions options = {});
    ~HttpClient();  // cancels pending calls (their callbacks get an error) and joins its threads
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Queues the call; `done` runs once, on an internal thread, with the final result.
    void send(ClientRequest request, std::function<void(ClientResult)> done);
    // Blocking form for worker threads (never call it from the client's own callbacks).
    ClientResult call(ClientRequest request);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy::net
