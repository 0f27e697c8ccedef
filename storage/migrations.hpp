#pragma once
// Private: the ordered list of schema migrations. Migration i (0-based) takes a file from user_version i to i + 1,
// in its own transaction. Never edit a shipped migration: append a new one.
#include <filesystem>
#include <span>
#include <string_view>

namespace SQLite {
class Database;
}

namespace advocacy::storage {

struct Migration {
    std::string_view name;
    void (*apply)(SQLite::Database& db);
};

// The migrations this build knows; Database::schema_version() is their count.
std::span<const Migration> migrations();

int user_version(SQLite::Database& db);

// Brings `db` up to list.size(). Throws StorageError when the file is newer than the list (naming `file`), or when
// a migration fails (that migration is rolled back; the earlier ones stay committed).
void migrate(SQLite::Database& db, const std::filesystem::path& file, std::span<const Migration> list);

}  // namespace advocacy::storage
