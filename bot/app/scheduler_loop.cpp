#include "bot/app/scheduler_loop.hpp"

#include "bot/engine.hpp"
#include "bot/log/log.hpp"

namespace advocacy {

SchedulerLoop::SchedulerLoop(Engine& engine, Outbox& outbox, std::chrono::milliseconds interval,
                             std::function<void()> housekeeping)
    : engine_(engine), outbox_(outbox), interval_(interval), housekeeping_(std::move(housekeeping)),
      thread_([this] { run(); }) {}

SchedulerLoop::~SchedulerLoop() { stop(); }

void SchedulerLoop::stop() {
    engine_.request_stop();  // a long fan-out in progress stops starting new sends
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SchedulerLoop::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            engine_.tick(outbox_);
        } catch (const std::exception& e) {
            // The task boundary of the scheduler: one failed tick must not stop the next ones.
            log::error("scheduler", "tick failed", {{"error", e.what()}});
        }
        try {
            if (housekeeping_) housekeeping_();
        } catch (const std::exception& e) {
            log::error("scheduler", "housekeeping failed", {{"error", e.what()}});
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace advocacy
