#pragma once
// A few threads taking jobs in order, for work that must not run where it was asked for: platform follow-ups after
// an HTTP ack (Teams wants its answer within 15 s), Socket Mode envelope handlers (never on the WebSocket thread).
// Jobs may block on the network or SQLite. Each job is a task boundary: an exception is logged, the queue goes on.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace advocacy {

class WorkQueue {
public:
    // `component` names the queue in logs ("teams", "slack").
    WorkQueue(std::string component, std::size_t threads);
    ~WorkQueue();  // runs what is queued, then joins
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    void post(std::function<void()> job);
    // Waits until nothing is queued or running; false on timeout.
    bool drain(std::chrono::milliseconds timeout);
    std::size_t pending() const;  // queued + running

private:
    void run();

    std::string component_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> jobs_;
    std::size_t running_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace advocacy
