#pragma once
// A consistent copy of a live database file, through SQLite's online backup API: the copy is one snapshot (one read
// transaction on the source, which WAL lets run alongside the bot's writer), checked with PRAGMA integrity_check,
// and appears at its final name only when complete.
#include <cstdint>
#include <filesystem>

namespace advocacy::storage {

struct BackupResult {
    std::uintmax_t bytes = 0;
    int pages = 0;
    int schema_version = 0;  // PRAGMA user_version of the copy
};

// Copies `source` to `destination`, which must not exist yet (a backup never overwrites anything). The copy is a
// single self-contained file (rollback journal mode; the bot switches it back to WAL when it opens it).
// Throws StorageError with a clear message (missing source, existing destination, a copy failing its check...).
BackupResult backup_database(const std::filesystem::path& source, const std::filesystem::path& destination);

}  // namespace advocacy::storage
