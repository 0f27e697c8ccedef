#include "bot/cli/heap_trimmer.hpp"

#include <ctime>
#include <stop_token>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace advocacy::cli {

#if defined(__GLIBC__)
namespace {

std::chrono::nanoseconds process_cpu() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

}  // namespace
#endif

HeapTrimmer::HeapTrimmer(std::chrono::milliseconds interval) {
#if defined(__GLIBC__)
    thread_ = std::jthread([this, interval](std::stop_token stop) {
        std::unique_lock lock(mutex_);
        auto cpu = process_cpu();
        bool trimmed = false;  // start-up's garbage goes too
        while (!wake_.wait_for(lock, stop, interval, [&stop] { return stop.stop_requested(); })) {
            const auto now = process_cpu();
            const bool quiet = (now - cpu) * 10 < interval;
            cpu = now;
            if (!quiet) trimmed = false;
            if (quiet && !trimmed) {
                malloc_trim(0);
                trimmed = true;  // once per quiet spell (a quiet process frees little)
            }
        }
    });
#else
    (void)interval;
#endif
}

}  // namespace advocacy::cli
