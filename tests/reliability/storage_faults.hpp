#pragma once
// Storage faults under the real bot: a small tmpfs mounted by the test (a disk that can fill up, a volume that can be
// remounted read-only), and what the bot said about it to the fake Slack.
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "tests/reliability/crash_harness.hpp"

namespace advocacy::crash_test {

inline constexpr const char* kTmpfsSize = "size=4m,mode=0700";

// A tmpfs at `dir`, unmounted (lazily, so a crashed test cannot leave it busy) when this goes.
class SmallDisk {
public:
    explicit SmallDisk(std::filesystem::path dir) : dir_(std::move(dir)) {
        std::filesystem::create_directories(dir_);
        if (::mount("tmpfs", dir_.c_str(), "tmpfs", 0, kTmpfsSize) == 0) {
            mounted_ = true;
        } else {
            why_not_ = std::string("mount -t tmpfs failed: ") + std::strerror(errno) +
                       " (needs root with CAP_SYS_ADMIN, e.g. not an unprivileged container)";
        }
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }
    const std::string& why_not() const { return why_not_; }
    std::filesystem::path file(const std::string& name) const { return dir_ / name; }

    bool remount(bool read_only) {
        unsigned long flags = MS_REMOUNT;
        if (read_only) flags |= MS_RDONLY;
        return ::mount(nullptr, dir_.c_str(), nullptr, flags, kTmpfsSize) == 0;
    }

    // Writes zeros to `filler` until the file system says ENOSPC. Returns the bytes written.
    std::size_t fill(const std::string& filler) {
        const int fd = ::open(file(filler).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        std::size_t total = 0;
        std::vector<char> zeros(4096, 0);
        for (;;) {
            const auto n = ::write(fd, zeros.data(), zeros.size());
            if (n <= 0) {
                CHECK(errno == ENOSPC);
                break;
            }
            total += static_cast<std::size_t>(n);
        }
        ::close(fd);
        return total;
    }

private:
    std::filesystem::path dir_;
    bool mounted_ = false;
    std::string why_not_;
};

// Waits until `n` calls the bot made to the fake after index `from` (chat.update, response_url...) contain `text`.
inline bool bot_said(const testing::FakeSlack& fake, std::size_t from, const std::string& text, std::size_t n = 1) {
    return fake.wait_for([&](const std::vector<testing::RecordedCall>& calls) {
        std::size_t seen = 0;
        for (std::size_t i = from; i < calls.size(); ++i)
            seen += slack_test::text_of(calls[i]).find(text) != std::string::npos;
        return seen >= n;
    });
}

inline std::size_t said_count(const testing::FakeSlack& fake, std::size_t from, const std::string& text) {
    const auto calls = fake.calls();
    std::size_t n = 0;
    for (std::size_t i = from; i < calls.size(); ++i) n += slack_test::text_of(calls[i]).find(text) != std::string::npos;
    return n;
}

inline bool wait_readyz(std::uint16_t port, int status, std::string* body) {
    const auto deadline = SteadyClock::now() + std::chrono::seconds(15);
    while (get_status(port, "/readyz", body) != status) {
        if (SteadyClock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // poll interval, bounded by the deadline
    }
    return true;
}

inline constexpr const char* kRecorded = "Shared - thank you";
inline constexpr const char* kNotSaved = "could not be saved";

}  // namespace advocacy::crash_test
