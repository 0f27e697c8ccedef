// Reader connections: borrow, read in a snapshot, give back.
#include "storage/reader_pool.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace advocacy::storage {

namespace {
// The connection this thread is reading with, per pool (several Databases may be open).
struct Borrowed {
    const ReaderPool* pool = nullptr;
    Connection* connection = nullptr;
};
thread_local Borrowed current;
}  // namespace

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Connection>> connections) : all_(std::move(connections)) {
    for (auto& c : all_) free_.push_back(c.get());
}

Connection& ReaderPool::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !free_.empty(); });
    Connection* c = free_.back();
    free_.pop_back();
    return *c;
}

void ReaderPool::give_back(Connection& c) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(&c);
    }
    available_.notify_one();
}

void ReaderPool::run(const std::function<void(Connection&)>& job) {
    if (current.pool == this) {
        job(*current.connection);
        return;
    }
    Connection& c = acquire();
    const Borrowed outer = current;
    current = {this, &c};
    struct Return {
        ReaderPool& pool;
        Connection& c;
        Borrowed outer;
        ~Return() {
            c.release_statements();
            c.try_run("ROLLBACK");  // ends the snapshot; a read has nothing to commit
            current = outer;
            pool.give_back(c);
        }
    } give_back_on_exit{*this, c, outer};
    c.run("BEGIN");
    job(c);
}

}  // namespace advocacy::storage
