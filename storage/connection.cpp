// Connection: one SQLite handle plus its prepared-statement cache.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

namespace advocacy::storage {

namespace {
// Looked up by string_view: a cache hit (every query of the hot path after the first) allocates nothing.
struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
};
}  // namespace

struct Connection::Cache {
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool handed_out = false;
    };
    // Keyed by the SQL text: the repositories use constant strings, so the map stays small.
    std::unordered_map<std::string, Entry, SqlHash, std::equal_to<>> statements;
    std::vector<Entry*> handed_out;
    // Transaction control: never handed out, so release_statements leaves them alone.
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash, std::equal_to<>> control;

    SQLite::Statement& control_statement(SQLite::Database& db, std::string_view sql) {
        auto it = control.find(sql);
        if (it == control.end()) {
            auto statement = std::make_unique<SQLite::Statement>(db, std::string(sql));
            it = control.try_emplace(std::string(sql), std::move(statement)).first;
        }
        it->second->tryReset();  // clears a previous failure (a COMMIT that met SQLITE_BUSY)
        return *it->second;
    }
};

Connection::Connection(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)), cache_(std::make_unique<Cache>()) {}

Connection::~Connection() {
    // Statements must be finalized before the database handle closes.
    cache_.reset();
    db_.reset();
}

SQLite::Statement& Connection::prepare(std::string_view sql) {
    auto it = cache_->statements.find(sql);
    const bool inserted = it == cache_->statements.end();
    if (inserted) it = cache_->statements.try_emplace(std::string(sql)).first;
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

void Connection::run(std::string_view sql) {
    auto& st = cache_->control_statement(*db_, sql);
    st.exec();
    st.tryReset();
}

int Connection::try_run(std::string_view sql) noexcept {
    try {
        auto& st = cache_->control_statement(*db_, sql);
        const int rc = st.tryExecuteStep();
        st.tryReset();
        return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    } catch (const SQLite::Exception& e) {
        return e.getErrorCode();
    } catch (...) {
        return SQLITE_ERROR;
    }
}

void Connection::release_statements() noexcept {
    for (auto* entry : cache_->handed_out) {
        entry->statement->tryReset();
        entry->handed_out = false;
    }
    cache_->handed_out.clear();
}

}  // namespace advocacy::storage
