#include "bot/clock.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace advocacy {

std::chrono::sys_seconds SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

ScaledClock::ScaledClock(std::chrono::sys_seconds start, double factor)
    : start_(start), origin_(std::chrono::steady_clock::now()), factor_(factor) {}

std::chrono::sys_seconds ScaledClock::now() const {
    const std::chrono::duration<double> real = std::chrono::steady_clock::now() - origin_;
    return start_ + std::chrono::seconds(static_cast<std::int64_t>(real.count() * factor_));
}

void SecureRandom::fill(std::span<std::byte> out) {
    if (out.empty()) return;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(out.size())) != 1) {
        throw std::runtime_error("RAND_bytes failed: no secure randomness available");
    }
}

void SeededRandom::fill(std::span<std::byte> out) {
    std::size_t i = 0;
    while (i < out.size()) {
        // splitmix64: good enough spread for tests, and reproducible.
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        const std::size_t n = std::min(out.size() - i, sizeof z);
        std::memcpy(out.data() + i, &z, n);
        i += n;
    }
}

}  // namespace advocacy
