#pragma once
// Calls Engine::tick on a background thread at a fixed interval until stopped. The engine decides what is due;
// this only keeps time.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace advocacy {

class Engine;
class Outbox;

class SchedulerLoop {
public:
    // `housekeeping` (optional) runs after each tick on the same thread, e.g. the daily retention purge; it decides
    // itself whether it is due.
    SchedulerLoop(Engine& engine, Outbox& outbox, std::chrono::milliseconds interval,
                  std::function<void()> housekeeping = {});
    ~SchedulerLoop();  // stops and joins
    SchedulerLoop(const SchedulerLoop&) = delete;
    SchedulerLoop& operator=(const SchedulerLoop&) = delete;

    void stop();

private:
    void run();

    Engine& engine_;
    Outbox& outbox_;
    std::chrono::milliseconds interval_;
    std::function<void()> housekeeping_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace advocacy
