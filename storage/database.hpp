#pragma once
// The SQLite file: one writer connection (one commit at a time) with group commit, a pool of reader connections
// (WAL: reads never wait for the writer), schema migrations by PRAGMA user_version.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
class Statement;
}

namespace advocacy::storage {

// Thrown by Database::open for a file this build cannot use (newer schema, not a database, unwritable...).
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A connection with a cache of prepared statements: `prepare` returns a reset, cleared statement ready to bind.
class Connection {
public:
    explicit Connection(std::unique_ptr<SQLite::Database> db);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    SQLite::Statement& prepare(std::string_view sql);
    SQLite::Database& raw() { return *db_; }

    // Runs a statement without parameters or rows (BEGIN, COMMIT, SAVEPOINT job...) from its own cache: every
    // read and write job runs a few of these, and parsing them each time cost more than the job's query.
    // `run` throws SQLite::Exception like Database::exec; `try_run` returns the SQLite result code instead.
    void run(std::string_view sql);
    int try_run(std::string_view sql) noexcept;

    // Resets every statement handed out by `prepare` since the last call, so no half-stepped SELECT keeps an old
    // read snapshot open. Database calls it after each job; call it yourself only in code that owns a Connection.
    void release_statements() noexcept;

private:
    struct Cache;
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<Cache> cache_;
};

struct DatabaseOptions {
    std::chrono::milliseconds busy_timeout{5000};
    int reader_connections = 4;
    std::size_t max_batch = 256;  // most writes folded into one transaction
};

class Database {
public:
    // Opens (creating if needed) and migrates. Throws StorageError with a clear message on failure.
    // ":memory:" opens a private temporary file deleted on close (same writer/reader behaviour, nothing kept).
    static std::unique_ptr<Database> open(const std::filesystem::path& file, DatabaseOptions options = {});
    ~Database();  // drains pending writes, stops the writer thread

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs `job` inside a write transaction (shared with other concurrent jobs: group commit; the calling thread
    // commits the batch itself when no commit is running, see storage/writer.hpp) and
    // returns once that transaction is durably committed (synchronous=FULL). Each job runs in its own SAVEPOINT:
    // a job that throws is rolled back alone and its exception is rethrown here; the others still commit.
    void write(const std::function<void(Connection&)>& job);
    // Same, without waiting: the future becomes ready (or holds the job's exception) once the commit is durable.
    std::future<void> write_async(std::function<void(Connection&)> job);

    // Runs `job` on a reader connection (never waits for the writer thanks to WAL).
    void read(const std::function<void(Connection&)>& job);

    // Schema version this build writes (the number of migrations).
    static int schema_version();
    const std::filesystem::path& path() const;

    // Writer statistics (for benchmarks and, later, /metrics).
    struct WriterStats {
        std::uint64_t transactions = 0;
        std::uint64_t jobs = 0;
        std::uint64_t failed_jobs = 0;   // jobs that threw (rolled back alone)
        std::uint64_t largest_batch = 0; // most jobs committed by one transaction
        std::uint64_t pending = 0;       // jobs queued right now
    };
    WriterStats writer_stats() const;

private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy::storage
