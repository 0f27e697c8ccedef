#pragma once
#include <atomic>
// Injected time and randomness: tests play a whole week in milliseconds and get reproducible tokens.
#include <chrono>
#include <cstddef>
#include <span>

namespace advocacy {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::sys_seconds now() const = 0;
};

class SystemClock final : public Clock {
public:
    std::chrono::sys_seconds now() const override;
};

// A clock tests move by hand.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::chrono::sys_seconds start) : now_(start) {}
    std::chrono::sys_seconds now() const override { return now_.load(); }
    void set(std::chrono::sys_seconds t) { now_.store(t); }
    void advance(std::chrono::seconds d) {
        auto t = now_.load();
        while (!now_.compare_exchange_weak(t, t + d)) {
        }
    }

private:
    // Atomic: a test moves it while the bot's threads read it.
    std::atomic<std::chrono::sys_seconds> now_;
};

// Demo time-lapse: starts at `start` and runs `factor` times faster than real time (factor 1 = real time).
class ScaledClock final : public Clock {
public:
    ScaledClock(std::chrono::sys_seconds start, double factor);
    std::chrono::sys_seconds now() const override;

private:
    std::chrono::sys_seconds start_;
    std::chrono::steady_clock::time_point origin_;
    double factor_;
};

class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::byte> out) = 0;
};

// Cryptographically secure (OpenSSL RAND_bytes): tokens must be unguessable.
class SecureRandom final : public RandomSource {
public:
    void fill(std::span<std::byte> out) override;
};

// Deterministic stream for tests (splitmix64). Never used outside tests.
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    void fill(std::span<std::byte> out) override;

private:
    std::uint64_t state_;
};

}  // namespace advocacy
