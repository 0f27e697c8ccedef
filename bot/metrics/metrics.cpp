#include "bot/metrics/metrics.hpp"

#include <array>

namespace advocacy::metrics {

namespace {

// Seconds: from a fast in-memory handler (1 ms) to a slow platform call (30 s).
const std::vector<double> kLatencyBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
const std::vector<double> kBatchBuckets{1, 2, 4, 8, 16, 32, 64, 128, 256};

struct Families {
    Registry reg;
    Family<Counter>& http_requests = reg.counter(
        "advocacy_http_requests_total", "HTTP requests answered, by route pattern, method and status code.",
        {"route", "method", "status"});
    Family<Histogram>& http_duration = reg.histogram(
        "advocacy_http_request_duration_seconds", "Time from a request's headers to its response written.",
        kLatencyBuckets, {"route", "method"});
    Family<Counter>& api_calls = reg.counter(
        "advocacy_platform_api_calls_total",
        "Outgoing platform API calls by rate-limit key and final outcome (ok, http_4xx, http_5xx, rate_limited, "
        "error).",
        {"key", "outcome"});
    Family<Counter>& api_retries = reg.counter(
        "advocacy_platform_api_retries_total",
        "Platform API requests sent again, by rate-limit key and why (rate_limited: a 429 honoured; http_5xx; "
        "error).",
        {"key", "reason"});
    Family<Histogram>& api_duration = reg.histogram(
        "advocacy_platform_api_call_duration_seconds", "Time from queueing a platform API call to its final result.",
        kLatencyBuckets, {"key"});
    Family<Counter>& deliveries = reg.counter(
        "advocacy_deliveries_total",
        "Delivery attempts committed, by result (sent; failed: each failed attempt or give-up).", {"result"});
    Family<Counter>& shares = reg.counter("advocacy_shares_recorded_total", "Shares durably recorded.");
    Family<Histogram>& batch = reg.histogram(
        "advocacy_storage_writer_batch_size", "Jobs committed by one group-commit transaction.", kBatchBuckets);
    Family<Histogram>& commit = reg.histogram(
        "advocacy_storage_commit_duration_seconds",
        "Time of one group-commit transaction, BEGIN IMMEDIATE to durable COMMIT.", kLatencyBuckets);
    Family<Gauge>& slack_socket = reg.gauge(
        "advocacy_slack_socket_connections", "Slack Socket Mode WebSockets open right now.");
    Family<Gauge>& build = reg.gauge(
        "advocacy_build_info", "Always 1; the labels say which build is running.", {"version"});

    Families() {
        build.with({ADVOCACY_VERSION}).set(1);
        // Present from the first scrape, so rate() and alerts see a zero rather than a missing series.
        shares.with({});
        deliveries.with({"sent"});
        deliveries.with({"failed"});
        slack_socket.with({});
    }
};

Families& families() {
    static Families f;
    return f;
}

std::string_view method_label(std::string_view m) {
    static constexpr std::array<std::string_view, 7> known{"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
    for (const auto k : known)
        if (k == m) return k;
    return "other";  // a client may send any token as a method: never let it mint label values
}

}  // namespace

Registry& registry() { return families().reg; }
std::string render() { return families().reg.render(); }

void http_request(std::string_view route, std::string_view method, int status, Seconds elapsed) {
    auto& f = families();
    const std::string m(method_label(method));
    f.http_requests.with({std::string(route), m, std::to_string(status)}).inc();
    f.http_duration.with({std::string(route), m}).observe(elapsed.count());
}

std::string_view to_string(ApiOutcome o) {
    switch (o) {
        case ApiOutcome::ok: return "ok";
        case ApiOutcome::http_4xx: return "http_4xx";
        case ApiOutcome::http_5xx: return "http_5xx";
        case ApiOutcome::rate_limited: return "rate_limited";
        case ApiOutcome::error: return "error";
    }
    return "error";
}

ApiOutcome outcome_of_status(int status) {
    if (status == 429) return ApiOutcome::rate_limited;
    if (status >= 500) return ApiOutcome::http_5xx;
    if (status >= 400) return ApiOutcome::http_4xx;
    return ApiOutcome::ok;
}

void platform_api_call(std::string_view key, ApiOutcome outcome, Seconds elapsed) {
    auto& f = families();
    f.api_calls.with({std::string(key), std::string(to_string(outcome))}).inc();
    f.api_duration.with({std::string(key)}).observe(elapsed.count());
}

void platform_api_retry(std::string_view key, ApiOutcome why) {
    families().api_retries.with({std::string(key), std::string(to_string(why))}).inc();
}

void delivery(bool sent) { families().deliveries.with({sent ? "sent" : "failed"}).inc(); }
void share_recorded() { families().shares.with({}).inc(); }

void writer_commit(std::size_t jobs, Seconds elapsed) {
    auto& f = families();
    f.batch.with({}).observe(static_cast<double>(jobs));
    f.commit.with({}).observe(elapsed.count());
}

void set_slack_socket_connections(std::int64_t open) { families().slack_socket.with({}).set(open); }

}  // namespace advocacy::metrics
