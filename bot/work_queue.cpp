#include "bot/work_queue.hpp"

#include <algorithm>
#include <exception>

#include "bot/log/log.hpp"

namespace advocacy {

WorkQueue::WorkQueue(std::string component, std::size_t threads) : component_(std::move(component)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i) threads_.emplace_back([this] { run(); });
}

WorkQueue::~WorkQueue() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& t : threads_) t.join();
}

void WorkQueue::post(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    changed_.notify_all();
}

bool WorkQueue::drain(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return jobs_.empty() && running_ == 0; });
}

std::size_t WorkQueue::pending() const {
    const std::lock_guard lock(mutex_);
    return jobs_.size() + running_;
}

void WorkQueue::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, and nothing left to run
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        ++running_;
        lock.unlock();
        try {
            job();
        } catch (const std::exception& e) {  // the task boundary
            log::error(component_, "queued job failed", {{"error", e.what()}});
        }
        lock.lock();
        --running_;
        changed_.notify_all();
    }
}

}  // namespace advocacy
