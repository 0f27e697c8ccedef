// A read-only database under the real bot. A running process keeps its writable descriptors (remounting the
// volume read-only is refused while the bot has the file open), so two real cases: the files made immutable under a
// running bot (FS_IMMUTABLE_FL, what `chattr +i` sets: writes through open descriptors fail with EPERM), and a bot
// (re)started on a volume that is already read-only. Both need root; without the privilege the case says why and
// skips.
#include <linux/fs.h>
#include <sys/ioctl.h>

#include <iostream>

#include "tests/reliability/storage_faults.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::crash_test;

namespace {

// Sets or clears FS_IMMUTABLE_FL on `file` (as chattr +i / -i). The guard clears it at the end whatever happens:
// even root cannot delete an immutable file, and the temp dir must go.
class Immutable {
public:
    explicit Immutable(std::vector<std::filesystem::path> files) : files_(std::move(files)) {}
    ~Immutable() {
        for (const auto& f : files_) set(f, false);
    }
    // Empty on success, else why not.
    std::string apply() {
        for (const auto& f : files_)
            if (!set(f, true)) return "FS_IOC_SETFLAGS on " + f.string() + " failed: " + std::strerror(errno);
        return {};
    }
    void clear() {
        for (const auto& f : files_) set(f, false);
    }

private:
    static bool set(const std::filesystem::path& file, bool on) {
        const int fd = ::open(file.c_str(), O_RDONLY);
        if (fd < 0) return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return ok;
    }
    std::vector<std::filesystem::path> files_;
};

}  // namespace

TEST_CASE("a database made read-only under the running bot: not ready, clear message, nothing lost, recovery") {
    testing::TempDir dir;  // the system temp dir's file system (ext4 here): tmpfs may not take the flag
    testing::FakeSlack fake;
    const auto db = dir.file("bot.db");
    const auto first = seed_program(db, 3, 3);
    const auto port = slack_test::free_port();
    const auto cfg = dir.file("bot.toml");
    std::ofstream(cfg) << crash_config(port, fake.api_base(), db);
    Bot bot(cfg, dir.path(), 0);
    REQUIRE(bot.wait_ready(port));
    REQUIRE(fake.wait_for_count("chat.postMessage", 3));  // the first tick's push, before the fault
    auto mark = fake.calls().size();
    REQUIRE(click_shared(port, fake, "U00000", first) == 200);
    REQUIRE(bot_said(fake, mark, kRecorded));

    // The database and its WAL (where commits go) become read-only; the -shm index is shared memory, left as is.
    Immutable files({db, db.string() + "-wal"});
    if (const auto why = files.apply(); !why.empty()) {
        WARN("skipped: " << why << " (needs root and a file system with the immutable flag)");
        return;
    }
    std::string body;
    CHECK(wait_readyz(port, 503, &body));
    CHECK(body.find(R"("database":"failing")") != std::string::npos);
    mark = fake.calls().size();
    CHECK(click_shared(port, fake, "U00000", first + 1) == 200);
    CHECK(bot_said(fake, mark, kNotSaved));
    CHECK(said_count(fake, mark, kRecorded) == 0);
    CHECK(scalar(db, "SELECT count(*) FROM interactions WHERE kind = 'shared'") == 1);
    CHECK(bot.process.exit_code.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);  // still up

    files.clear();
    CHECK(wait_readyz(port, 200, &body));
    mark = fake.calls().size();
    CHECK(click_shared(port, fake, "U00000", first + 1) == 200);
    CHECK(bot_said(fake, mark, kRecorded));
    CHECK(scalar(db, "SELECT count(*) FROM interactions WHERE kind = 'shared'") == 2);
    ::kill(bot.process.pid, SIGTERM);
    CHECK(bot.wait_exit() == 0);
    CHECK(integrity_check(db) == "ok");
}

TEST_CASE("a read-only volume: the bot refuses to start with a clear message, loses nothing, and starts once writable") {
    testing::TempDir dir;
    SmallDisk disk(dir.file("disk"));
    if (!disk.mounted()) {
        WARN("skipped: " << disk.why_not());
        return;
    }
    testing::FakeSlack fake;
    const auto db = disk.file("bot.db");
    const auto first = seed_program(db, 3, 3);
    const auto port = slack_test::free_port();
    const auto cfg = dir.file("bot.toml");
    std::ofstream(cfg) << crash_config(port, fake.api_base(), db);
    {
        Bot bot(cfg, dir.path(), 0);
        REQUIRE(bot.wait_ready(port));
        REQUIRE(click_shared(port, fake, "U00000", first) == 200);
        // With the file open for writing the kernel refuses a read-only remount (EBUSY): the running case cannot
        // happen this way, only a start on a volume that is already read-only.
        CHECK_FALSE(disk.remount(true));
        ::kill(bot.process.pid, SIGTERM);
        REQUIRE(bot.wait_exit() == 0);
    }
    REQUIRE(disk.remount(true));

    Bot refused(cfg, dir.path(), 1);
    const auto code = refused.process.wait(std::chrono::seconds(30));
    REQUIRE(code);
    CHECK(*code != 0);
    const std::string err = slack_test::read_file(refused.err);
    std::cout << "read_only: exit " << *code << ", stderr: " << err;
    CHECK(err.find(db.string()) != std::string::npos);  // names the file...
    CHECK(err.find("read-only") != std::string::npos);  // ...and says what is wrong
    CHECK(get_status(port, "/readyz") == 0);            // never ready

    REQUIRE(disk.remount(false));
    Bot bot(cfg, dir.path(), 2);
    REQUIRE(bot.wait_ready(port));
    CHECK(scalar(db, "SELECT count(*) FROM interactions WHERE kind = 'shared'") == 1);  // nothing lost
    const auto mark = fake.calls().size();
    CHECK(click_shared(port, fake, "U00000", first + 1) == 200);
    CHECK(bot_said(fake, mark, kRecorded));
    ::kill(bot.process.pid, SIGTERM);
    CHECK(bot.wait_exit() == 0);
    CHECK(integrity_check(db) == "ok");
}
