// The writer (leader/follower group commit, savepoints, re-entrancy, shutdown) and the reader pool.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <future>
#include <latch>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "storage/database.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::storage;
using advocacy::testing::TempDir;

namespace {

// A scratch table on top of the real schema.
std::unique_ptr<Database> open_with_notes(const TempDir& dir, DatabaseOptions options = {}) {
    auto db = Database::open(dir.file("writer.sqlite"), options);
    db->write([](Connection& c) { c.raw().exec("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, n INTEGER UNIQUE)"); });
    return db;
}

void insert_note(Connection& c, int n) {
    auto& st = c.prepare("INSERT INTO notes (n) VALUES (?1)");
    st.bind(1, n);
    st.exec();
}

std::int64_t count_notes(Database& db, const std::string& where = "1") {
    std::int64_t n = 0;
    db.read([&](Connection& c) { n = c.raw().execAndGet("SELECT COUNT(*) FROM notes WHERE " + where).getInt64(); });
    return n;
}

}  // namespace

TEST_CASE("concurrent writers are group-committed: fewer transactions than jobs") {
    TempDir dir;
    auto db = open_with_notes(dir);
    const auto before = db->writer_stats();
    constexpr int writers = 16;

    std::latch start(writers);
    std::latch all_queued(writers);
    // Holds the writer thread until every writer's job is queued, so they must share the next transaction.
    auto gate = db->write_async([&](Connection&) { all_queued.wait(); });

    std::vector<std::thread> threads;
    for (int i = 0; i < writers; ++i)
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            auto done = db->write_async([i](Connection& c) { insert_note(c, i); });
            all_queued.count_down();
            done.get();
        });
    for (auto& t : threads) t.join();
    gate.get();

    const auto after = db->writer_stats();
    CHECK(count_notes(*db) == writers);
    CHECK(after.jobs - before.jobs == writers + 1);
    CHECK(after.transactions - before.transactions <= 2);  // the gate's, then everybody else's
    CHECK(after.transactions - before.transactions < after.jobs - before.jobs);
    CHECK(after.largest_batch * 2 >= writers + 1);  // 17 jobs in at most 2 transactions
    CHECK(after.pending == 0);
}

TEST_CASE("blocking writes from many threads all land") {
    TempDir dir;
    auto db = open_with_notes(dir);
    constexpr int writers = 8, each = 25;
    std::latch start(writers);
    std::vector<std::thread> threads;
    for (int t = 0; t < writers; ++t)
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int k = 0; k < each; ++k) db->write([&](Connection& c) { insert_note(c, t * each + k); });
        });
    for (auto& t : threads) t.join();
    CHECK(count_notes(*db) == writers * each);
    CHECK(db->writer_stats().transactions <= db->writer_stats().jobs);
}

TEST_CASE("a lone blocking write commits on the calling thread: no hand-off to the writer thread") {
    TempDir dir;
    auto db = open_with_notes(dir);
    std::thread::id ran_on;
    db->write([&](Connection& c) {
        ran_on = std::this_thread::get_id();
        insert_note(c, 1);
    });
    CHECK(ran_on == std::this_thread::get_id());
    CHECK(count_notes(*db) == 1);
}

TEST_CASE("blocking writes queued during a commit share the next one, led by one waiting thread") {
    TempDir dir;
    auto db = open_with_notes(dir);
    const auto before = db->writer_stats();
    constexpr int writers = 8;
    std::latch entered(1), release(1);
    // The leader holds the commit role until every other writer has queued behind it.
    std::thread leader([&] {
        db->write([&](Connection& c) {
            entered.count_down();
            release.wait();
            insert_note(c, 100);
        });
    });
    entered.wait();
    std::mutex m;
    std::set<std::thread::id> committers;
    std::vector<std::thread> threads;
    for (int i = 0; i < writers; ++i)
        threads.emplace_back([&, i] {
            db->write([&, i](Connection& c) {
                {
                    std::lock_guard lock(m);
                    committers.insert(std::this_thread::get_id());
                }
                insert_note(c, i);
            });
        });
    // Wait for a state, not a time: every writer is queued behind the running commit.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (db->writer_stats().pending < writers && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    REQUIRE(db->writer_stats().pending == writers);
    release.count_down();
    leader.join();
    for (auto& t : threads) t.join();

    const auto after = db->writer_stats();
    CHECK(count_notes(*db) == writers + 1);
    CHECK(after.transactions - before.transactions == 2);  // the leader's, then all the queued ones together
    CHECK(committers.size() == 1);                          // one thread committed that batch
    CHECK(after.pending == 0);
}

TEST_CASE("a throwing job is rolled back alone; the rest of its batch commits") {
    TempDir dir;
    auto db = open_with_notes(dir);
    const auto before = db->writer_stats();
    std::latch release(1);
    auto gate = db->write_async([&](Connection&) { release.wait(); });

    auto ok_a = db->write_async([](Connection& c) { insert_note(c, 1); });
    auto throws = db->write_async([](Connection& c) {
        insert_note(c, 2);
        throw std::runtime_error("job failed on purpose");
    });
    auto sql_error = db->write_async([](Connection& c) {
        insert_note(c, 3);
        insert_note(c, 1);  // UNIQUE violation: SQLite error
    });
    auto ok_b = db->write_async([](Connection& c) { insert_note(c, 4); });
    release.count_down();

    REQUIRE_NOTHROW(gate.get());
    REQUIRE_NOTHROW(ok_a.get());
    REQUIRE_THROWS_WITH(throws.get(), "job failed on purpose");
    REQUIRE_THROWS_AS(sql_error.get(), SQLite::Exception);
    REQUIRE_NOTHROW(ok_b.get());

    CHECK(count_notes(*db, "n IN (1, 4)") == 2);
    CHECK(count_notes(*db, "n IN (2, 3)") == 0);
    const auto after = db->writer_stats();
    CHECK(after.transactions - before.transactions <= 2);
    CHECK(after.failed_jobs - before.failed_jobs == 2);

    // The blocking form rethrows in the caller.
    REQUIRE_THROWS_AS(db->write([](Connection&) { throw std::logic_error("nope"); }), std::logic_error);
}

TEST_CASE("reads are not blocked by a write job holding the writer") {
    TempDir dir;
    auto db = open_with_notes(dir);
    db->write([](Connection& c) { insert_note(c, 1); });

    std::latch write_started(1);
    std::latch read_done(1);
    auto long_write = db->write_async([&](Connection& c) {
        insert_note(c, 2);
        write_started.count_down();
        read_done.wait();  // holds the write transaction open until the reader has read
    });
    write_started.wait();
    // On another thread so that a blocked read fails the test instead of hanging it.
    auto reading = std::async(std::launch::async, [&] { return count_notes(*db); });
    const bool finished = reading.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
    read_done.count_down();
    REQUIRE(finished);
    CHECK(reading.get() == 1);  // the uncommitted row is invisible
    long_write.get();
    CHECK(count_notes(*db) == 2);
}

TEST_CASE("a write issued from inside a write job runs inline instead of deadlocking") {
    TempDir dir;
    auto db = open_with_notes(dir);
    db->write([&](Connection& c) {
        insert_note(c, 1);
        db->write([](Connection& inner) { insert_note(inner, 2); });
        // A failing nested write is rolled back alone and reported to the outer job.
        CHECK_THROWS_WITH(db->write([](Connection& inner) {
            insert_note(inner, 3);
            throw std::runtime_error("inner failure");
        }),
                          "inner failure");
        insert_note(c, 4);
    });
    CHECK(count_notes(*db, "n IN (1, 2, 4)") == 3);
    CHECK(count_notes(*db, "n = 3") == 0);
}

TEST_CASE("a committed write survives closing and reopening the file") {
    TempDir dir;
    {
        auto db = open_with_notes(dir);
        int synchronous = -1;
        db->write([&](Connection& c) {
            synchronous = c.raw().execAndGet("PRAGMA synchronous").getInt();
            insert_note(c, 42);
        });
        CHECK(synchronous == 2);  // FULL
        // Visible to an unrelated connection as soon as write() returned.
        SQLite::Database other(dir.file("writer.sqlite"), SQLite::OPEN_READONLY);
        CHECK(other.execAndGet("SELECT COUNT(*) FROM notes WHERE n = 42").getInt() == 1);
    }
    auto reopened = Database::open(dir.file("writer.sqlite"));
    CHECK(count_notes(*reopened, "n = 42") == 1);
}

TEST_CASE("destroying the database drains queued writes first") {
    TempDir dir;
    std::vector<std::future<void>> done;
    {
        auto db = open_with_notes(dir);
        std::latch release(1);
        done.push_back(db->write_async([&](Connection&) { release.wait(); }));
        for (int i = 0; i < 50; ++i) done.push_back(db->write_async([i](Connection& c) { insert_note(c, i); }));
        release.count_down();
    }
    for (auto& f : done) REQUIRE_NOTHROW(f.get());
    auto reopened = Database::open(dir.file("writer.sqlite"));
    CHECK(count_notes(*reopened) == 50);
}

TEST_CASE("a read job left mid-iteration does not pin an old snapshot") {
    TempDir dir;
    auto db = open_with_notes(dir, DatabaseOptions{.reader_connections = 1});
    db->write([](Connection& c) {
        insert_note(c, 1);
        insert_note(c, 2);
    });
    db->read([](Connection& c) {
        auto& st = c.prepare("SELECT n FROM notes ORDER BY n");
        REQUIRE(st.executeStep());  // one row of two: the statement stays open
    });
    db->write([](Connection& c) { insert_note(c, 3); });
    CHECK(count_notes(*db) == 3);
}

TEST_CASE("the reader pool is shared, reentrant, and never the writer's connection") {
    TempDir dir;
    auto db = open_with_notes(dir, DatabaseOptions{.reader_connections = 1});
    // Nested read on the same thread reuses the borrowed connection (with one reader, a second borrow would hang).
    std::int64_t nested = -1;
    db->read([&](Connection&) { nested = count_notes(*db); });
    CHECK(nested == 0);
    // Readers are query-only.
    CHECK_THROWS(db->read([](Connection& c) { insert_note(c, 9); }));
    // Many threads over one reader connection all get their turn.
    constexpr int readers = 6;
    std::latch start(readers);
    std::vector<std::future<std::int64_t>> results;
    for (int i = 0; i < readers; ++i)
        results.push_back(std::async(std::launch::async, [&] {
            start.arrive_and_wait();
            return count_notes(*db);
        }));
    for (auto& r : results) CHECK(r.get() == 0);
}

TEST_CASE("prepare caches statements and hands them back reset with bindings cleared") {
    TempDir dir;
    auto db = open_with_notes(dir);
    db->write([](Connection& c) {
        auto& first = c.prepare("SELECT ?1 IS NULL");
        first.bind(1, 5);
        REQUIRE(first.executeStep());
        CHECK(first.getColumn(0).getInt() == 0);
        auto& again = c.prepare("SELECT ?1 IS NULL");
        CHECK(&again == &first);
        REQUIRE(again.executeStep());
        CHECK(again.getColumn(0).getInt() == 1);  // the old binding is gone
    });
}
