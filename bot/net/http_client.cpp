// The client's engine: one io_context and its threads; a state strand that owns the per-key queues, the per-host
// connection pools and the retry decisions; connections doing their I/O on their own strands (connection.cpp).
//
// A call's life: send() -> queued under its rate-limit key -> dispatched when the key is neither paused nor full ->
// one coroutine per dispatch takes a pooled connection, exchanges, and decides: done, 429 (pause the key, back to
// the head of its queue), or retry with backoff (5xx, network errors, timeouts) within max_attempts and
// max_total_time. The callback runs exactly once, on an internal thread.
#include "bot/net/http_client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "bot/log/log.hpp"
#include "bot/metrics/metrics.hpp"
#include "bot/net/connection.hpp"
#include "bot/net/key_queues.hpp"
#include "bot/net/request_target.hpp"
#include "bot/net/retry_schedule.hpp"

namespace advocacy::net {

namespace asio = boost::asio;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr milliseconds kMaxIdle{55'000};       // servers commonly drop idle connections after ~60 s
constexpr milliseconds kShutdownGrace{5'000};  // after this the destructor stops the io_context outright
constexpr const char* kShutdownError = "the HTTP client was shut down";

std::string ms_text(milliseconds d) { return std::to_string(d.count()); }

// Runs a user callback, whatever it does.
void invoke(std::function<void(ClientResult)>& done, ClientResult result) {
    if (!done) return;
    auto callback = std::move(done);
    done = nullptr;
    try {
        callback(std::move(result));
    } catch (const std::exception& e) {
        log::error("net", "callback failed", {{"error", e.what()}});
    } catch (...) {
        log::error("net", "callback failed");
    }
}

// The callback with its result on the way to an io thread. If the handler is destroyed unrun (io_context torn down
// after the grace period), the destructor still delivers: "runs once" holds on every path.
struct Delivery {
    std::function<void(ClientResult)> done;
    ClientResult result;
    ~Delivery() { invoke(done, std::move(result)); }
};

}  // namespace

struct Call {
    ClientRequest request;
    PreparedRequest prepared;
    std::string key;
    std::function<void(ClientResult)> done;
    ClientResult result;
    Clock::time_point deadline;
    Clock::time_point queued_at = Clock::now();  // for the call-duration metric
    std::optional<ClientResponse> last_5xx;
    std::string last_error;
    std::unique_ptr<asio::steady_timer> backoff;   // backoff sleeps
    std::unique_ptr<asio::steady_timer> deadline_timer;  // max_total_time while waiting in a queue
    std::shared_ptr<Connection> connection;       // the one in use, so shutdown can abort it
    bool queued = false;
    bool in_flight = false;
    bool finished = false;

    // A call dropped without an answer (only when the io_context is torn down) still gets its callback.
    ~Call() {
        if (!done) return;
        ClientResult r = std::move(result);
        r.response.reset();
        r.error = kShutdownError;
        invoke(done, std::move(r));
    }
};

// Connections of one origin: idle ones for reuse, how many are open, and the calls waiting for one.
struct HostPool {
    std::vector<std::shared_ptr<Connection>> idle;  // most recently used at the back
    std::vector<Clock::time_point> idle_since;
    std::size_t open = 0;
    std::deque<std::shared_ptr<asio::steady_timer>> waiters;  // cancelled to wake a waiter

    // A waiter whose timer already fired (its deadline) cannot take the wake-up: pass it on.
    void wake_one() {
        while (!waiters.empty()) {
            const auto woken = waiters.front()->cancel();
            waiters.pop_front();
            if (woken > 0) return;
        }
    }
};

struct HttpClient::Impl {
    explicit Impl(ClientOptions o)
        : options(std::move(o)), strand(asio::make_strand(io)), work(asio::make_work_guard(io)),
          queues(options.max_in_flight_per_key), rng(std::random_device{}()) {
        options.max_connections_per_host = std::max<std::size_t>(1, options.max_connections_per_host);
        options.retry.max_attempts = std::max(1, options.retry.max_attempts);
        tls = make_tls_client_context(options.extra_ca_file);
        const int n = std::max(1, options.io_threads);
        for (int i = 0; i < n; ++i) {
            threads.emplace_back([this] {
                io.run();
                const std::lock_guard lock(threads_mutex);
                ++threads_done;
                threads_cv.notify_all();
            });
        }
        const std::lock_guard lock(threads_mutex);
        for (const auto& t : threads) thread_ids.push_back(t.get_id());
    }

    ~Impl() {
        asio::post(strand, [this] { shut_down(); });
        work.reset();
        {
            std::unique_lock lock(threads_mutex);
            const bool drained = threads_cv.wait_for(lock, kShutdownGrace, [this] {
                return threads_done == static_cast<int>(threads.size());
            });
            if (!drained) log::warn("net", "shutdown grace period over, stopping", {});
        }
        io.stop();  // no-op when drained; otherwise the Call/Delivery destructors still answer every callback
        for (auto& t : threads) t.join();
    }

    bool on_own_thread() const {
        const std::lock_guard lock(threads_mutex);
        return std::find(thread_ids.begin(), thread_ids.end(), std::this_thread::get_id()) != thread_ids.end();
    }

    // ---- admission and queues (all on `strand`) ----

    void admit(std::shared_ptr<Call> call) {
        if (stopping) return finish(call, kShutdownError);
        std::string why;
        auto target = parse_request_target(call->request.url, why);
        if (!target) return finish(call, "invalid URL: " + why);
        why = check_request_headers(call->request);
        if (!why.empty()) return finish(call, "invalid request: " + why);
        call->prepared = PreparedRequest{std::move(*target), std::move(call->request.method),
                                         std::move(call->request.headers), std::move(call->request.content_type),
                                         std::move(call->request.body)};
        call->key = call->request.rate_limit_key.empty() ? call->prepared.target.origin : call->request.rate_limit_key;
        call->backoff = std::make_unique<asio::steady_timer>(strand);
        call->deadline_timer = std::make_unique<asio::steady_timer>(strand, call->deadline);
        call->deadline_timer->async_wait([this, weak = std::weak_ptr<Call>(call)](error_code ec) {
            const auto c = weak.lock();
            if (ec || !c || !c->queued) return;  // a call on the wire watches its own deadline
            queues.remove(c->key, c);
            c->queued = false;
            finish(c, give_up_reason(*c, "max_total_time elapsed while queued"));
        });
        active.insert(call);
        call->queued = true;
        queues.push_back(call->key, call);
        pump(call->key);
    }

    // Starts what the key allows now; when it is paused, makes sure a timer will look again.
    void pump(const std::string& key) {
        if (stopping) return;
        for (auto& call : queues.take_ready(key, Clock::now())) {
            call->queued = false;
            call->in_flight = true;
            asio::co_spawn(strand, run(call), [this, call](std::exception_ptr e) {
                if (!e) return;
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& ex) {
                    log::error("net", "call failed", {{"key", call->key}, {"error", ex.what()}});
                } catch (...) {
                    log::error("net", "call failed", {{"key", call->key}});
                }
                finish(call, "internal error");
            });
        }
        if (const auto until = queues.paused_until(key)) arm_pause_timer(key, *until);
    }

    void arm_pause_timer(const std::string& key, Clock::time_point until) {
        auto& timer = pause_timers[key];
        if (!timer) timer = std::make_unique<asio::steady_timer>(strand);
        if (timer->expiry() == until) return;
        timer->expires_at(until);
        timer->async_wait([this, key](error_code ec) {
            if (!ec) pump(key);
        });
    }

    // ---- one dispatch of a call (on `strand`) ----

    asio::awaitable<void> run(std::shared_ptr<Call> call) {
        bool fresh_connection = false;  // after a stale keep-alive connection: do not pick another idle one
        for (;;) {
            if (stopping) co_return finish(call, kShutdownError);
            if (Clock::now() >= call->deadline) co_return finish(call, give_up_reason(*call, "max_total_time elapsed"));

            auto connection = co_await acquire(*call, fresh_connection);
            if (!connection) continue;  // woken by shutdown or the deadline: the checks above decide
            const bool reused = connection->requests_served() > 0;
            const auto remaining = std::chrono::duration_cast<milliseconds>(call->deadline - Clock::now());
            const PhaseTimeouts timeouts{std::clamp(options.connect_timeout, milliseconds(1), std::max(remaining, milliseconds(1))),
                                         std::clamp(options.request_timeout, milliseconds(1), std::max(remaining, milliseconds(1)))};
            call->connection = connection;
            ++call->result.attempts;
            ExchangeResult ex = co_await asio::co_spawn(
                connection->strand(), connection->exchange(call->prepared, timeouts), asio::use_awaitable);
            call->connection.reset();
            release(call->prepared.target.origin, std::move(connection), ex.reusable);
            if (stopping) co_return finish(call, kShutdownError);

            if (!ex.response) {
                // The server closed a keep-alive connection we reused before answering anything: the race every
                // pooled client has. Resend once on a new connection; it does not count as an attempt.
                if (reused && !ex.got_response_bytes && !ex.timed_out && !ex.permanent) {
                    --call->result.attempts;
                    fresh_connection = true;
                    log::debug("net", "stale keep-alive connection, resending", {{"key", call->key}});
                    continue;
                }
                fresh_connection = false;
                call->last_error = ex.error;
                call->last_5xx.reset();
                if (ex.permanent) co_return finish(call, ex.error);
                if (!co_await back_off(call, ex.error)) co_return;
                continue;
            }
            fresh_connection = false;
            const int status = ex.response->status;
            if (status == 429) {
                const auto wait = retry_after_delay(ex.response->header("Retry-After"), options.retry);
                const auto until = Clock::now() + wait;
                queues.pause_until(call->key, until);
                arm_pause_timer(call->key, *queues.paused_until(call->key));
                if (until >= call->deadline) {
                    // Waiting would exceed max_total_time: the 429 itself is the answer.
                    co_return finish(call, std::move(ex.response));
                }
                ++call->result.rate_limited;
                metrics::platform_api_retry(call->key, metrics::ApiOutcome::rate_limited);
                log::info("net", "rate limited, pausing key",
                          {{"key", call->key}, {"retry_after_ms", ms_text(wait)}});
                call->in_flight = false;
                call->queued = true;
                queues.push_front(call->key, call);
                queues.finished(call->key);
                co_return;  // pump() re-dispatches it when the pause ends
            }
            if (status >= 500 && status <= 599) {
                call->last_error = "HTTP " + std::to_string(status);
                call->last_5xx = std::move(ex.response);
                if (!co_await back_off(call, call->last_error)) co_return;
                continue;
            }
            co_return finish(call, std::move(ex.response));
        }
    }

    // Sleeps before the next attempt, or finishes the call when its budget is spent. false: finished.
    asio::awaitable<bool> back_off(std::shared_ptr<Call> call, const std::string& reason) {
        const int failures = call->result.attempts - call->result.rate_limited;
        if (failures >= options.retry.max_attempts) {
            finish_exhausted(call, "gave up after " + std::to_string(failures) + " attempts: " + reason);
            co_return false;
        }
        const auto delay = full_jitter(backoff_cap(options.retry, failures), rng);
        if (Clock::now() + delay >= call->deadline) {
            finish_exhausted(call, give_up_reason(*call, "max_total_time elapsed"));
            co_return false;
        }
        metrics::platform_api_retry(call->key,
                                    call->last_5xx ? metrics::ApiOutcome::http_5xx : metrics::ApiOutcome::error);
        log::warn("net", "retrying",
                  {{"key", call->key}, {"host", call->prepared.target.host}, {"attempt", std::to_string(failures)},
                   {"reason", reason}, {"delay_ms", ms_text(delay)}});
        call->backoff->expires_after(delay);
        co_await call->backoff->async_wait(use_tuple);
        if (stopping) {
            finish(call, kShutdownError);
            co_return false;
        }
        co_return true;
    }

    // ---- connection pool (on `strand`) ----

    asio::awaitable<std::shared_ptr<Connection>> acquire(Call& call, bool fresh_only) {
        auto& pool = pools[call.prepared.target.origin];
        const auto now = Clock::now();
        // Most recently used first: the least likely to have been closed by the server meanwhile.
        while (!fresh_only && !pool.idle.empty()) {
            auto connection = std::move(pool.idle.back());
            const auto since = pool.idle_since.back();
            pool.idle.pop_back();
            pool.idle_since.pop_back();
            if (now - since < kMaxIdle && connection->idle_and_healthy()) co_return connection;
            connection->close();
            --pool.open;
        }
        if (pool.open >= options.max_connections_per_host && !pool.idle.empty()) {
            // A fresh connection is needed and the pool is full: the oldest idle one makes room.
            pool.idle.front()->close();
            pool.idle.erase(pool.idle.begin());
            pool.idle_since.erase(pool.idle_since.begin());
            --pool.open;
        }
        if (pool.open < options.max_connections_per_host) {
            ++pool.open;
            co_return Connection::create(asio::make_strand(io), call.prepared.target,
                                         call.prepared.target.tls ? tls.get() : nullptr, options.max_response_bytes);
        }
        // Full: wait until a connection comes back or closes (or the call's time runs out), then let run() retry.
        auto waiter = std::make_shared<asio::steady_timer>(strand, call.deadline);
        pool.waiters.push_back(waiter);
        co_await waiter->async_wait(use_tuple);
        const auto it = std::find(pool.waiters.begin(), pool.waiters.end(), waiter);
        if (it != pool.waiters.end()) pool.waiters.erase(it);
        co_return nullptr;
    }

    void release(const std::string& origin, std::shared_ptr<Connection> connection, bool reusable) {
        auto& pool = pools[origin];
        if (reusable && !stopping) {
            pool.idle.push_back(std::move(connection));
            pool.idle_since.push_back(Clock::now());
        } else {
            connection->close();
            --pool.open;
        }
        pool.wake_one();
    }

    // ---- endings (on `strand`) ----

    std::string give_up_reason(const Call& call, const std::string& why) const {
        return call.last_error.empty() ? "gave up: " + why : "gave up: " + why + " (last: " + call.last_error + ")";
    }

    // Retries spent: a final 5xx is still a response (the caller sees its status); otherwise an error.
    void finish_exhausted(std::shared_ptr<Call> call, const std::string& error) {
        if (call->last_5xx) {
            call->result.error.clear();
            auto response = std::move(call->last_5xx);
            return finish(call, std::move(response), error);
        }
        finish(call, error);
    }

    void finish(std::shared_ptr<Call> call, const std::string& error) { finish(call, std::nullopt, error); }

    void finish(std::shared_ptr<Call> call, std::optional<ClientResponse> response, const std::string& note = {}) {
        if (call->finished) return;
        call->finished = true;
        call->queued = false;
        if (call->backoff) call->backoff->cancel();
        if (call->deadline_timer) call->deadline_timer->cancel();
        active.erase(call);
        call->result.response = std::move(response);
        if (!call->result.response) call->result.error = note.empty() ? std::string("failed") : note;
        metrics::platform_api_call(call->key.empty() ? "-" : call->key,
                                   call->result.response ? metrics::outcome_of_status(call->result.response->status)
                                                         : metrics::ApiOutcome::error,
                                   Clock::now() - call->queued_at);
        if (stopping && !call->result.ok()) {
            log::debug("net", "call cancelled", {{"key", call->key}});
        } else if (!call->result.ok() || !note.empty()) {
            log::warn("net", "call failed",
                      {{"key", call->key}, {"host", call->prepared.target.host},
                       {"attempts", std::to_string(call->result.attempts)},
                       {"error", note.empty() ? call->result.error : note}});
        } else {
            log::debug("net", "call done",
                       {{"key", call->key}, {"status", std::to_string(call->result.response->status)},
                        {"attempts", std::to_string(call->result.attempts)}});
        }
        auto delivery = std::make_shared<Delivery>();
        delivery->done = std::move(call->done);
        call->done = nullptr;
        delivery->result = std::move(call->result);
        asio::post(io, [delivery]() mutable { delivery.reset(); });
        if (call->in_flight) {
            call->in_flight = false;
            queues.finished(call->key);
            pump(call->key);
        }
    }

    void shut_down() {
        stopping = true;
        log::info("net", "shutting down", {{"calls_cancelled", std::to_string(active.size())}});
        for (auto& call : queues.take_all_waiting()) {
            call->queued = false;
            finish(call, kShutdownError);
        }
        for (const auto& call : std::vector<std::shared_ptr<Call>>(active.begin(), active.end())) {
            if (call->backoff) call->backoff->cancel();
            if (call->deadline_timer) call->deadline_timer->cancel();
            if (call->connection) call->connection->close();
        }
        for (auto& [key, timer] : pause_timers) timer->cancel();
        for (auto& [origin, pool] : pools) {
            for (auto& connection : pool.idle) connection->close();
            pool.idle.clear();
            pool.idle_since.clear();
            for (auto& waiter : pool.waiters) waiter->cancel();
            pool.waiters.clear();
        }
    }

    ClientOptions options;
    asio::io_context io;
    asio::strand<asio::io_context::executor_type> strand;
    asio::executor_work_guard<asio::io_context::executor_type> work;
    std::shared_ptr<asio::ssl::context> tls;

    // State strand only:
    KeyQueues<std::shared_ptr<Call>> queues;
    std::map<std::string, std::unique_ptr<asio::steady_timer>> pause_timers;
    std::map<std::string, HostPool> pools;
    std::set<std::shared_ptr<Call>> active;
    std::mt19937_64 rng;
    bool stopping = false;

    std::vector<std::thread> threads;
    std::vector<std::thread::id> thread_ids;
    mutable std::mutex threads_mutex;
    std::condition_variable threads_cv;
    int threads_done = 0;
};

HttpClient::HttpClient(ClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpClient::~HttpClient() = default;

void HttpClient::send(ClientRequest request, std::function<void(ClientResult)> done) {
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    call->deadline = Clock::now() + impl_->options.retry.max_total_time;
    asio::post(impl_->strand, [impl = impl_.get(), call] { impl->admit(call); });
}

ClientResult HttpClient::call(ClientRequest request) {
    if (impl_->on_own_thread()) {
        ClientResult r;
        r.error = "HttpClient::call() from the client's own thread would deadlock; use send()";
        return r;
    }
    auto promise = std::make_shared<std::promise<ClientResult>>();
    auto future = promise->get_future();
    send(std::move(request), [promise](ClientResult r) { promise->set_value(std::move(r)); });
    return future.get();
}

}  // namespace advocacy::net
