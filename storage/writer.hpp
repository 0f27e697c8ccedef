#pragma once
// Private: the single writer. Group commit: whoever commits takes every queued job (up to max_batch), runs them in
// one BEGIN IMMEDIATE ... COMMIT, each inside its own SAVEPOINT, and completes them after the COMMIT.
// Leader/follower: a thread that waits for its own write (write()) commits the queue itself when nobody is committing
// (no hand-off to another thread and back: two futex wake-ups and context switches per request saved); while a
// commit runs, later writers queue and one of them leads the next batch. Jobs queued without waiting (submit()) are
// committed by the writer thread, or by a leader that finds them queued. One commit at a time, so one connection.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
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

    // Runs `job` in the next group commit and returns once it is durable (rethrows the job's exception). Called from
    // inside a job (the committing thread), the job runs inline in a nested savepoint.
    void write(const Job& job);
    // Queues `job` for the writer thread; the future is ready once it is durable. Inline from inside a job.
    std::future<void> submit(Job job);
    Database::WriterStats stats() const;

private:
    // A queued job. A blocking writer's lives on its stack (`finished` is read under the mutex); a submitted one is
    // owned by the queue and batch and completes its promise.
    struct Pending {
        const Job* job = nullptr;
        Job owned;                                // submit(): the job itself
        std::optional<std::promise<void>> done;   // submit() only
        std::exception_ptr error;                 // write() only, set under the mutex with `finished`
        bool finished = false;
    };

    void run();
    // Takes a batch off the queue and commits it on this thread; `lock` is released meanwhile and held on return.
    void lead(std::unique_lock<std::mutex>& lock);
    void commit_batch(std::vector<Pending*>& batch, std::unique_lock<std::mutex>& lock);
    // Runs batch[i] for i in `todo` inside one transaction; fills `errors`. Returns the jobs to run again when
    // SQLite rolled the whole transaction back under us (I/O error, disk full), else an empty list.
    std::vector<std::size_t> try_transaction(std::vector<Pending*>& batch, const std::vector<std::size_t>& todo,
                                             std::vector<std::exception_ptr>& errors);
    bool committing_here() const;
    void run_inline(const Job& job);
    void rollback_savepoint(const std::string& name);

    std::unique_ptr<Connection> connection_;
    const std::size_t max_batch_;
    int inline_depth_ = 0;  // the committing thread only

    mutable std::mutex mutex_;
    std::condition_variable wake_;      // the writer thread: a submitted job, the commit role free, or stopping
    std::condition_variable finished_;  // blocking writers: a batch finished (theirs, or the commit role is free)
    std::deque<Pending*> queue_;
    bool committing_ = false;           // someone (a leader or the writer thread) is committing a batch
    bool stopping_ = false;
    Database::WriterStats stats_;

    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace advocacy::storage
