#pragma once
// Shared bits of the client tests: fast retry policies and a collector for asynchronous results.
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <vector>

#include "bot/net/http_client.hpp"

namespace advocacy::testing {

inline net::ClientOptions fast_client_options() {
    using namespace std::chrono_literals;
    net::ClientOptions o;
    o.connect_timeout = 2s;
    o.request_timeout = 2s;
    o.io_threads = 2;  // more than one thread: strands, not luck, keep the state consistent
    o.retry.max_attempts = 4;
    o.retry.base_delay = 10ms;
    o.retry.max_delay = 100ms;
    o.retry.max_retry_after = 5s;
    o.retry.max_total_time = 20s;
    return o;
}

inline net::ClientRequest post(const std::string& url, std::string body = {}, std::string key = {}) {
    net::ClientRequest r;
    r.method = "POST";
    r.url = url;
    r.content_type = "text/plain";
    r.body = std::move(body);
    r.rate_limit_key = std::move(key);
    return r;
}

// Results of send() by call index, with how many times each callback ran and when.
class Results {
public:
    std::function<void(net::ClientResult)> slot(int index) {
        return [this, index](net::ClientResult r) {
            const std::lock_guard lock(mutex_);
            ++runs_[index];
            done_at_[index] = std::chrono::steady_clock::now();
            results_[index] = std::move(r);
            changed_.notify_all();
        };
    }
    bool wait_for(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return results_.size() >= count; });
    }
    net::ClientResult result(int index) {
        const std::lock_guard lock(mutex_);
        return results_.at(index);
    }
    int runs(int index) {
        const std::lock_guard lock(mutex_);
        return runs_.count(index) ? runs_.at(index) : 0;
    }
    std::chrono::steady_clock::time_point done_at(int index) {
        const std::lock_guard lock(mutex_);
        return done_at_.at(index);
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<int, net::ClientResult> results_;
    std::map<int, int> runs_;
    std::map<int, std::chrono::steady_clock::time_point> done_at_;
};

}  // namespace advocacy::testing
