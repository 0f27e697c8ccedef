#pragma once
// Once a burst is over, hands the pages the heap has freed back to the kernel. glibc only gives back the top of a
// heap on free(): after a burst (a Monday 9:00 spike, a push to every user) the bot kept its peak RSS until exit,
// and the next burst started from there. malloc_trim(0) also releases the free pages inside the heaps, but it holds
// each arena's lock while it walks it (milliseconds on a fragmented heap): it runs only when the process used less
// than a tenth of a core over the last `interval`, so it never stalls requests under load (bench/RESULTS.md, run 4).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace advocacy::cli {

class HeapTrimmer {
public:
    explicit HeapTrimmer(std::chrono::milliseconds interval);
    HeapTrimmer(const HeapTrimmer&) = delete;
    HeapTrimmer& operator=(const HeapTrimmer&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: stopped and joined before the mutex goes
};

}  // namespace advocacy::cli
