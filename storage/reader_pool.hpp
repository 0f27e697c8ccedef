#pragma once
// Private: reader connections. A read job borrows one (waiting on a condition variable when all are busy) and runs
// inside a deferred transaction, so it sees one consistent WAL snapshot and never waits for the writer.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"

namespace advocacy::storage {

class ReaderPool {
public:
    explicit ReaderPool(std::vector<std::unique_ptr<Connection>> connections);
    // A read job that reads again (same pool, same thread) reuses its connection instead of taking a second one.
    void run(const std::function<void(Connection&)>& job);

private:
    Connection& acquire();
    void give_back(Connection& c);

    std::vector<std::unique_ptr<Connection>> all_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<Connection*> free_;
};

}  // namespace advocacy::storage
