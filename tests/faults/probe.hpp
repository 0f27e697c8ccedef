#pragma once
// While a fault is on, a second thread keeps doing what the platform and the orchestrator do meanwhile: an inbound
// request (a slash command, an activity) whose ack time is measured, then GET /healthz, again and again until
// stopped. The figures say whether the bot stayed responsive.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "bot/engine.hpp"
#include "tests/server/raw_client.hpp"

namespace advocacy::faults_test {

using namespace std::chrono;

struct ProbeStats {
    int inbound = 0;
    int inbound_not_ok = 0;  // status other than 200 (0: no answer)
    milliseconds slowest_ack{0};
    int health = 0;
    int health_not_ok = 0;
    milliseconds slowest_health{0};
};

// GET /healthz on 127.0.0.1:port; 0 when there was no answer.
inline int healthz(std::uint16_t port) {
    testing::RawClient c(port, seconds(5));
    if (!c.send("GET /healthz HTTP/1.1\r\nHost: bot.example\r\n\r\n")) return 0;
    const auto r = c.read_response();
    return r ? testing::status_of(*r) : 0;
}

class Probe {
public:
    // `inbound` returns the HTTP status of one inbound request; `health` that of GET /healthz.
    Probe(std::function<int()> inbound, std::function<int()> health)
        : inbound_(std::move(inbound)), health_(std::move(health)), thread_([this] { run(); }) {}
    ~Probe() { stop(); }

    ProbeStats stop() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        if (thread_.joinable()) thread_.join();
        const std::lock_guard lock(mutex_);
        return stats_;
    }

private:
    void run() {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            auto t0 = steady_clock::now();
            const int status = inbound_();
            const auto ack = duration_cast<milliseconds>(steady_clock::now() - t0);
            t0 = steady_clock::now();
            const int health = health_();
            const auto health_time = duration_cast<milliseconds>(steady_clock::now() - t0);
            lock.lock();
            ++stats_.inbound;
            stats_.inbound_not_ok += status != 200;
            stats_.slowest_ack = std::max(stats_.slowest_ack, ack);
            ++stats_.health;
            stats_.health_not_ok += health != 200;
            stats_.slowest_health = std::max(stats_.slowest_health, health_time);
            // The pace of the probes (not a wait for some state): one round every 100 ms at most.
            changed_.wait_for(lock, milliseconds(100), [this] { return stopping_; });
        }
    }

    std::function<int()> inbound_;
    std::function<int()> health_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;
    ProbeStats stats_;
    std::thread thread_;  // last: starts once the rest is ready
};

struct Outcome {
    ProbeStats probe;
    milliseconds tick{0};
};

// One scheduler tick (the daily push) while a probe plays the platform (`inbound`) and the orchestrator (/healthz).
inline Outcome tick_under_probe(Engine& engine, Outbox& outbox, std::uint16_t port, std::function<int()> inbound) {
    Probe probe(std::move(inbound), [port] { return healthz(port); });
    const auto t0 = steady_clock::now();
    engine.tick(outbox);
    Outcome out;
    out.tick = duration_cast<milliseconds>(steady_clock::now() - t0);
    out.probe = probe.stop();
    return out;
}

// Inbound requests were all acked within `ack_limit` (Slack's 3 s), /healthz always 200 and quick. Prints the
// figures for tests/RELIABILITY.md.
inline void check_responsive(const Outcome& out, const std::string& what, milliseconds ack_limit = milliseconds(3000)) {
    std::cout << what << ": tick " << out.tick.count() << " ms; " << out.probe.inbound << " inbound, slowest ack "
              << out.probe.slowest_ack.count() << " ms; " << out.probe.health << " healthz, slowest "
              << out.probe.slowest_health.count() << " ms\n";
    CHECK(out.probe.inbound > 0);
    CHECK(out.probe.inbound_not_ok == 0);
    CHECK(out.probe.slowest_ack < ack_limit);
    CHECK(out.probe.health_not_ok == 0);
    CHECK(out.probe.slowest_health < milliseconds(1000));
}

}  // namespace advocacy::faults_test
