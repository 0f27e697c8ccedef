#pragma once
// Private: the single writer thread. Group commit: it takes every queued job (up to max_batch), runs them in one
// BEGIN IMMEDIATE ... COMMIT, each inside its own SAVEPOINT, and completes their futures after the COMMIT.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/database.hpp"

namespace advocacy::storage {

class Writer {
public:
    using Job = std::function<void(Connection&)>;

    Writer(std::unique_ptr<Connection> connection, std::size_t max_batch);
    ~Writer();  // runs everything still queued, then joins
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Called from the writer thread itself (a job writing), the job runs inline in a nested savepoint.
    std::future<void> submit(Job job);
    Database::WriterStats stats() const;

private:
    struct Pending {
        Job job;
        std::promise<void> done;
    };

    void run();
    void commit_batch(std::vector<Pending>& batch);
    // Runs batch[i] for i in `todo` inside one transaction; fills `errors`. Returns the jobs to run again when
    // SQLite rolled the whole transaction back under us (I/O error, disk full), else an empty list.
    std::vector<std::size_t> try_transaction(std::vector<Pending>& batch, const std::vector<std::size_t>& todo,
                                             std::vector<std::exception_ptr>& errors);
    std::future<void> run_inline(const Job& job);
    void rollback_savepoint(const std::string& name);

    std::unique_ptr<Connection> connection_;
    const std::size_t max_batch_;
    int inline_depth_ = 0;  // writer thread only

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    Database::WriterStats stats_;

    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace advocacy::storage
