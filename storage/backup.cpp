#include "storage/backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <string>
#include <system_error>

#include "storage/database.hpp"

namespace advocacy::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kBusyRetries = 50;  // each after SQLite's own busy timeout: a source locked for minutes is an error

void copy_snapshot(SQLite::Database& from, SQLite::Database& to, BackupResult& result) {
    SQLite::Backup backup(to, from);
    for (int attempt = 0;; ++attempt) {
        // All pages in one step: one read transaction on the source, hence one consistent snapshot. (Copying in
        // chunks would restart from scratch whenever the bot commits in between.)
        const int rc = backup.executeStep(-1);
        if (rc == SQLITE_DONE) break;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt == kBusyRetries)
            throw StorageError(std::string("backup failed: ") + sqlite3_errstr(rc));
        sqlite3_sleep(100);  // the source is locked (e.g. a checkpoint or recovery): give it a moment
    }
    result.pages = backup.getTotalPageCount();
}

void check_copy(SQLite::Database& copy, BackupResult& result) {
    const std::string verdict = copy.execAndGet("PRAGMA integrity_check").getString();
    if (verdict != "ok") throw StorageError("backup failed its integrity check: " + verdict);
    result.schema_version = copy.execAndGet("PRAGMA user_version").getInt();
    // One file to copy around: no -wal/-shm companions.
    copy.execAndGet("PRAGMA journal_mode = DELETE");
}

}  // namespace

BackupResult backup_database(const std::filesystem::path& source, const std::filesystem::path& destination) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(source, ec))
        throw StorageError("backup: " + source.string() + " is not a database file (not found)");
    if (std::filesystem::exists(destination, ec))
        throw StorageError("backup: " + destination.string() + " already exists; a backup never overwrites a file");
    const std::filesystem::path partial = destination.string() + ".partial";
    std::filesystem::remove(partial, ec);  // left over by an interrupted run

    BackupResult result;
    try {
        // Read-write without create: a missing file is an error, and a WAL source never needs the read-only
        // special cases. Nothing is written to it.
        SQLite::Database from(source.string(), SQLite::OPEN_READWRITE, kBusyTimeoutMs);
        SQLite::Database to(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
        copy_snapshot(from, to, result);
        check_copy(to, result);
    } catch (const SQLite::Exception& e) {
        std::filesystem::remove(partial, ec);
        throw StorageError("backup of " + source.string() + " failed: " + e.what());
    } catch (...) {
        std::filesystem::remove(partial, ec);
        throw;
    }
    std::filesystem::rename(partial, destination);
    result.bytes = std::filesystem::file_size(destination);
    return result;
}

}  // namespace advocacy::storage
