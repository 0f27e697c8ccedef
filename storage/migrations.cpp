// Schema versioning by PRAGMA user_version: apply each missing migration in its own IMMEDIATE transaction.
#include "storage/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string>

#include "storage/database.hpp"
#include "storage/schema.hpp"

namespace advocacy::storage {

namespace {

void apply_v1(SQLite::Database& db) { db.exec(schema_v1_sql); }

// Deliveries the platform will never accept (user deactivated, channel gone) stop being retried.
void apply_v2(SQLite::Database& db) {
    db.exec("ALTER TABLE deliveries ADD COLUMN gave_up INTEGER NOT NULL DEFAULT 0 CHECK (gave_up IN (0, 1))");
}

// "#channel" audiences synced from the platform's member lists: when each channel was last synced, and which users
// are known only from a member list.
void apply_v3(SQLite::Database& db) { db.exec(schema_v3_sql); }

// Content items in one language: users get items in their own language first.
void apply_v4(SQLite::Database& db) { db.exec(schema_v4_sql); }

// Teams conversation references for proactive messages (storage/conversation_refs.hpp).
void apply_v5(SQLite::Database& db) { db.exec(schema_v5_sql); }

// Weekly points per user kept by triggers: the board and ranks at scale (storage/leaderboard.hpp).
void apply_v6(SQLite::Database& db) { db.exec(schema_v6_sql); }

// Monthly counts of purged interaction detail ([storage] retention).
void apply_v7(SQLite::Database& db) { db.exec(schema_v7_sql); }

// The admin dashboard's sign-in links and sessions, and the CSV export's time indexes.
void apply_v8(SQLite::Database& db) { db.exec(schema_v8_sql); }

constexpr std::array<Migration, 8> all_migrations{{
    {"initial schema", &apply_v1},
    {"deliveries.gave_up", &apply_v2},
    {"channel_syncs, users.contacted", &apply_v3},
    {"contents.lang", &apply_v4},
    {"conversation_refs", &apply_v5},
    {"week_scores", &apply_v6},
    {"interaction_rollups", &apply_v7},
    {"dashboard_links, dashboard_sessions, export indexes", &apply_v8},
}};

}  // namespace

std::span<const Migration> migrations() { return all_migrations; }

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void migrate(SQLite::Database& db, const std::filesystem::path& file, std::span<const Migration> list) {
    const int known = static_cast<int>(list.size());
    const int found = user_version(db);
    if (found > known)
        throw StorageError("database " + file.string() + " has schema version " + std::to_string(found) +
                           " but this build knows up to " + std::to_string(known) + "; upgrade advocacy-bot");
    for (int version = found; version < known; ++version) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated between our read and the lock.
        if (user_version(db) > version) continue;
        try {
            list[static_cast<std::size_t>(version)].apply(db);
        } catch (const std::exception& e) {
            throw StorageError("migrating database " + file.string() + " to schema version " +
                               std::to_string(version + 1) + " (" +
                               std::string(list[static_cast<std::size_t>(version)].name) + ") failed: " + e.what());
        }
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

}  // namespace advocacy::storage
