// backup_database on a real SQLite file while the writer keeps committing: the copy is one consistent snapshot.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::storage;
using advocacy::testing::TempDir;

namespace {

std::int64_t count(SQLite::Database& db, const std::string& table) {
    return db.execAndGet("SELECT COUNT(*) FROM " + table).getInt64();
}

}  // namespace

TEST_CASE("a backup taken while the writer commits is one consistent, intact snapshot", "[storage][backup]") {
    TempDir dir;
    auto db = Database::open(dir.file("live.db"));
    // Each job writes one row into each table: any consistent snapshot has equal counts.
    db->write([](Connection& c) {
        c.raw().exec("CREATE TABLE pair_a (n INTEGER NOT NULL); CREATE TABLE pair_b (n INTEGER NOT NULL)");
    });

    std::mutex m;
    std::condition_variable cv;
    std::int64_t committed = 0;
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (std::int64_t n = 1; !stop; ++n) {
            db->write([n](Connection& c) {
                c.raw().exec("INSERT INTO pair_a VALUES (" + std::to_string(n) + ")");
                c.raw().exec("INSERT INTO pair_b VALUES (" + std::to_string(n) + ")");
            });
            const std::lock_guard lock(m);
            committed = n;
            cv.notify_all();
        }
    });
    std::int64_t before = 0;
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return committed >= 200; });  // the writer is well under way
        before = committed;
    }
    const auto result = backup_database(dir.file("live.db"), dir.file("copy.db"));
    std::int64_t after = 0;
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return committed > before; });  // and it kept committing across the backup
        after = committed;
    }
    stop = true;
    writer.join();

    CHECK(result.schema_version == Database::schema_version());
    CHECK(result.bytes > 0);
    CHECK(result.pages > 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("copy.db.partial")));
    SQLite::Database copy(dir.file("copy.db").string(), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(copy.execAndGet("PRAGMA journal_mode").getString() == "delete");  // one self-contained file
    const auto a = count(copy, "pair_a");
    CHECK(a == count(copy, "pair_b"));
    CHECK(a >= before);
    CHECK(a <= after + 1);  // the job in flight when `after` was read may be in the snapshot
    CHECK(copy.execAndGet("SELECT MAX(n) FROM pair_a").getInt64() == a);  // no gaps: a prefix of the history

    // The copy is a database the bot opens as is (restore = put it in place).
    db.reset();
    auto restored = Database::open(dir.file("copy.db"));
    std::int64_t rows = 0;
    restored->read([&](Connection& c) { rows = count(c.raw(), "pair_a"); });
    CHECK(rows == a);
}

TEST_CASE("a backup never overwrites and names a missing source", "[storage][backup]") {
    TempDir dir;
    Database::open(dir.file("live.db"));
    std::ofstream(dir.file("taken.db")) << "precious";
    CHECK_THROWS_WITH(backup_database(dir.file("live.db"), dir.file("taken.db")),
                      Catch::Contains("already exists"));
    std::ifstream kept(dir.file("taken.db"));
    std::string content;
    kept >> content;
    CHECK(content == "precious");
    CHECK_THROWS_WITH(backup_database(dir.file("nope.db"), dir.file("out.db")), Catch::Contains("nope.db"));
    CHECK_FALSE(std::filesystem::exists(dir.file("out.db")));
}
