// The writer: group commit with one SAVEPOINT per job, led by a waiting writer or the writer thread.
#include "storage/writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "bot/metrics/metrics.hpp"

namespace advocacy::storage {

namespace {
// The writer whose batch this thread is committing: a job that writes again runs inline (waiting would deadlock).
thread_local const void* t_committing = nullptr;
}  // namespace

Writer::Writer(std::unique_ptr<Connection> connection, std::size_t max_batch)
    : connection_(std::move(connection)), max_batch_(std::max<std::size_t>(1, max_batch)), thread_([this] { run(); }) {}

Writer::~Writer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool Writer::committing_here() const { return t_committing == this; }

void Writer::write(const Job& job) {
    if (committing_here()) return run_inline(job);
    Pending mine;
    mine.job = &job;
    std::unique_lock lock(mutex_);
    if (stopping_) throw StorageError("database is closing: write refused");
    queue_.push_back(&mine);
    // Lead a batch whenever nobody is committing (the first one taken holds this job unless max_batch jobs were
    // queued before it), else wait for the running batch to end.
    while (!mine.finished) {
        if (!committing_)
            lead(lock);
        else
            finished_.wait(lock);
    }
    if (mine.error) std::rethrow_exception(mine.error);
}

std::future<void> Writer::submit(Job job) {
    if (committing_here()) {
        std::promise<void> done;
        try {
            run_inline(job);
            done.set_value();
        } catch (...) {
            done.set_exception(std::current_exception());
        }
        return done.get_future();
    }
    auto pending = std::make_unique<Pending>();
    pending->owned = std::move(job);
    pending->job = &pending->owned;
    auto done = pending->done.emplace().get_future();
    {
        std::lock_guard lock(mutex_);
        if (stopping_) throw StorageError("database is closing: write refused");
        queue_.push_back(pending.release());  // deleted once completed (commit_batch)
    }
    wake_.notify_one();
    return done;
}

Database::WriterStats Writer::stats() const {
    std::lock_guard lock(mutex_);
    auto copy = stats_;
    copy.pending = queue_.size();
    return copy;
}

void Writer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return !committing_ && (!queue_.empty() || stopping_); });
        if (queue_.empty()) return;  // stopping, and drained
        lead(lock);
    }
}

void Writer::lead(std::unique_lock<std::mutex>& lock) {
    committing_ = true;
    std::vector<Pending*> batch;
    while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
    }
    lock.unlock();
    t_committing = this;
    commit_batch(batch, lock);  // returns with the lock held
    t_committing = nullptr;
    committing_ = false;
    finished_.notify_all();  // the batch's writers, and queued ones: one of them leads next
    wake_.notify_one();      // submitted jobs still queued, or a destructor waiting for the last commit
}

void Writer::commit_batch(std::vector<Pending*>& batch, std::unique_lock<std::mutex>& lock) {
    std::vector<std::exception_ptr> errors(batch.size());
    std::vector<std::size_t> todo(batch.size());
    for (std::size_t i = 0; i < todo.size(); ++i) todo[i] = i;
    // Each retry drops at least the job that failed, so this ends.
    while (!todo.empty()) todo = try_transaction(batch, todo, errors);

    std::uint64_t failed = 0;
    for (const auto& e : errors) failed += e ? 1 : 0;
    lock.lock();
    stats_.jobs += batch.size();
    stats_.failed_jobs += failed;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        Pending* p = batch[i];
        if (!p->done) {  // a blocking writer: it may return (and its Pending go) as soon as the lock is released
            p->error = errors[i];
            p->finished = true;
            continue;
        }
        if (errors[i])
            p->done->set_exception(errors[i]);
        else
            p->done->set_value();
        delete p;
    }
}

std::vector<std::size_t> Writer::try_transaction(std::vector<Pending*>& batch, const std::vector<std::size_t>& todo,
                                                 std::vector<std::exception_ptr>& errors) {
    auto& db = connection_->raw();
    const auto began = std::chrono::steady_clock::now();
    try {
        connection_->run("BEGIN IMMEDIATE");
    } catch (...) {
        for (auto i : todo) errors[i] = std::current_exception();
        return {};
    }
    std::vector<std::size_t> ran;  // jobs whose work is in this transaction
    // A job alone in its transaction needs no savepoint: if it fails, the whole transaction is rolled back, which
    // is the same (a savepoint and its release cost about as much as the job's insert).
    const bool alone = todo.size() == 1;
    for (std::size_t k = 0; k < todo.size(); ++k) {
        const auto i = todo[k];
        try {
            if (!alone) connection_->run("SAVEPOINT job");
            (*batch[i]->job)(*connection_);
            connection_->release_statements();
            if (!alone) connection_->run("RELEASE job");
            ran.push_back(i);
        } catch (...) {
            errors[i] = std::current_exception();
            connection_->release_statements();
            bool transaction_alive = sqlite3_get_autocommit(db.getHandle()) == 0;
            if (alone) {
                if (transaction_alive) connection_->try_run("ROLLBACK");
                return {};
            }
            if (transaction_alive) {
                try {
                    rollback_savepoint("job");
                } catch (...) {
                    transaction_alive = false;
                    db.tryExec("ROLLBACK");
                }
            }
            if (!transaction_alive) {
                // Everything this transaction held is gone: run the survivors again in a fresh one.
                std::vector<std::size_t> again = ran;
                again.insert(again.end(), todo.begin() + static_cast<std::ptrdiff_t>(k) + 1, todo.end());
                return again;
            }
        }
    }
    try {
        connection_->run("COMMIT");
    } catch (...) {
        auto error = std::current_exception();
        connection_->try_run("ROLLBACK");
        for (auto i : ran) errors[i] = error;
        return {};
    }
    metrics::writer_commit(ran.size(), std::chrono::steady_clock::now() - began);
    std::lock_guard lock(mutex_);
    stats_.transactions += 1;
    stats_.largest_batch = std::max<std::uint64_t>(stats_.largest_batch, ran.size());
    return {};
}

void Writer::rollback_savepoint(const std::string& name) {
    auto& db = connection_->raw();
    db.exec("ROLLBACK TO " + name);
    db.exec("RELEASE " + name);
}

void Writer::run_inline(const Job& job) {
    // A job that writes again: waiting for the queue would deadlock, so nest it in the current transaction.
    const std::string name = "nested_" + std::to_string(++inline_depth_);
    struct Depth {
        int& depth;
        ~Depth() { --depth; }
    } depth{inline_depth_};
    auto& db = connection_->raw();
    db.exec("SAVEPOINT " + name);
    try {
        job(*connection_);
        db.exec("RELEASE " + name);
    } catch (...) {
        if (sqlite3_get_autocommit(db.getHandle()) == 0) rollback_savepoint(name);
        throw;
    }
}

}  // namespace advocacy::storage
