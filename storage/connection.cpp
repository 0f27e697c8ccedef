// Connection: one SQLite handle plus its prepared-statement cache.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

namespace advocacy::storage {

struct Connection::Cache {
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool handed_out = false;
    };
    // Keyed by the SQL text: the repositories use constant strings, so the map stays small.
    std::unordered_map<std::string, Entry> statements;
    std::vector<Entry*> handed_out;
};

Connection::Connection(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)), cache_(std::make_unique<Cache>()) {}

Connection::~Connection() {
    // Statements must be finalized before the database handle closes.
    cache_.reset();
    db_.reset();
}

SQLite::Statement& Connection::prepare(std::string_view sql) {
    auto [it, inserted] = cache_->statements.try_emplace(std::string(sql));
    auto& entry = it->second;
    if (inserted) {
        try {
            entry.statement = std::make_unique<SQLite::Statement>(*db_, it->first);
        } catch (...) {
            cache_->statements.erase(it);
            throw;
        }
    } else {
        entry.statement->reset();
        entry.statement->clearBindings();
    }
    if (!entry.handed_out) {
        entry.handed_out = true;
        cache_->handed_out.push_back(&entry);
    }
    return *entry.statement;
}

void Connection::release_statements() noexcept {
    for (auto* entry : cache_->handed_out) {
        entry->statement->tryReset();
        entry->handed_out = false;
    }
    cache_->handed_out.clear();
}

}  // namespace advocacy::storage
