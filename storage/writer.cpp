// The writer thread: group commit with one SAVEPOINT per job.
#include "storage/writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "bot/metrics/metrics.hpp"

namespace advocacy::storage {

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

std::future<void> Writer::submit(Job job) {
    if (std::this_thread::get_id() == thread_.get_id()) return run_inline(job);
    std::future<void> done;
    {
        std::lock_guard lock(mutex_);
        if (stopping_) throw StorageError("database is closing: write refused");
        auto& pending = queue_.emplace_back(Pending{std::move(job), {}});
        done = pending.done.get_future();
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
    for (;;) {
        std::vector<Pending> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and drained
            while (!queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        commit_batch(batch);
    }
}

void Writer::commit_batch(std::vector<Pending>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    std::vector<std::size_t> todo(batch.size());
    for (std::size_t i = 0; i < todo.size(); ++i) todo[i] = i;
    // Each retry drops at least the job that failed, so this ends.
    while (!todo.empty()) todo = try_transaction(batch, todo, errors);

    std::uint64_t failed = 0;
    for (const auto& e : errors) failed += e ? 1 : 0;
    {
        std::lock_guard lock(mutex_);
        stats_.jobs += batch.size();
        stats_.failed_jobs += failed;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (errors[i])
            batch[i].done.set_exception(errors[i]);
        else
            batch[i].done.set_value();
    }
}

std::vector<std::size_t> Writer::try_transaction(std::vector<Pending>& batch, const std::vector<std::size_t>& todo,
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
            batch[i].job(*connection_);
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

std::future<void> Writer::run_inline(const Job& job) {
    // A job that calls write(): waiting for the queue would deadlock, so nest it in the current transaction.
    std::promise<void> done;
    const std::string name = "nested_" + std::to_string(++inline_depth_);
    auto& db = connection_->raw();
    try {
        db.exec("SAVEPOINT " + name);
        try {
            job(*connection_);
            db.exec("RELEASE " + name);
        } catch (...) {
            if (sqlite3_get_autocommit(db.getHandle()) == 0) rollback_savepoint(name);
            throw;
        }
        done.set_value();
    } catch (...) {
        done.set_exception(std::current_exception());
    }
    --inline_depth_;
    return done.get_future();
}

}  // namespace advocacy::storage
