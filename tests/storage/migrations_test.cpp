#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <fstream>

#include "storage/campaigns.hpp"
#include "storage/database.hpp"
#include "storage/leaderboard.hpp"
#include "storage/migrations.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::storage;
using advocacy::testing::TempDir;

namespace {
int file_user_version(const std::filesystem::path& file) {
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    return raw.execAndGet("PRAGMA user_version").getInt();
}
bool has_table(const std::filesystem::path& file, const std::string& table) {
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    return raw.tableExists(table);
}
}  // namespace

TEST_CASE("a fresh file gets the whole schema, in WAL mode, at the current version") {
    TempDir dir;
    const auto file = dir.file("fresh.sqlite");
    REQUIRE(Database::schema_version() == static_cast<int>(migrations().size()));
    REQUIRE(Database::schema_version() >= 1);
    {
        auto db = Database::open(file);
        CHECK(db->path() == file);
        std::string mode;
        db->read([&](Connection& c) { mode = c.raw().execAndGet("PRAGMA journal_mode").getString(); });
        CHECK(mode == "wal");
        int foreign_keys = 0;
        db->write([&](Connection& c) { foreign_keys = c.raw().execAndGet("PRAGMA foreign_keys").getInt(); });
        CHECK(foreign_keys == 1);
    }
    CHECK(file_user_version(file) == Database::schema_version());
    for (const char* table : {"workspaces", "users", "user_channels", "campaigns", "contents", "content_texts",
                              "deliveries", "link_tokens", "interactions", "points_ledger", "audit_log", "settings",
                              "once_marks", "channel_syncs", "dashboard_links", "dashboard_sessions"})
        CHECK(has_table(file, table));
}

TEST_CASE("an empty (version 0) file is upgraded in place") {
    TempDir dir;
    const auto file = dir.file("empty.sqlite");
    std::ofstream(file).close();  // 0 bytes: a valid, empty SQLite database at user_version 0
    REQUIRE(std::filesystem::file_size(file) == 0);
    Database::open(file).reset();
    CHECK(file_user_version(file) == Database::schema_version());
    CHECK(has_table(file, "points_ledger"));
    // Opening again is a no-op.
    Database::open(file).reset();
    CHECK(file_user_version(file) == Database::schema_version());
}

namespace {
void create_notes(SQLite::Database& db) { db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"); }
void add_author(SQLite::Database& db) { db.exec("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'nobody'"); }
void broken(SQLite::Database& db) {
    db.exec("CREATE TABLE half_done (id INTEGER)");
    db.exec("THIS IS NOT SQL");
}
}  // namespace

TEST_CASE("an older file is upgraded by the missing migrations only, keeping its data") {
    TempDir dir;
    const auto file = dir.file("older.sqlite");
    const std::array<Migration, 2> list{{{"notes", &create_notes}, {"note authors", &add_author}}};
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, file, std::span(list).first(1));
        CHECK(user_version(raw) == 1);
        raw.exec("INSERT INTO notes (text) VALUES ('kept')");
    }
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE);
        migrate(raw, file, list);  // would fail if migration 1 ran again (table exists)
        CHECK(user_version(raw) == 2);
        SQLite::Statement st(raw, "SELECT text, author FROM notes");
        REQUIRE(st.executeStep());
        CHECK(st.getColumn(0).getString() == "kept");
        CHECK(st.getColumn(1).getString() == "nobody");
    }
}

TEST_CASE("a failing migration is rolled back alone and named in the error") {
    TempDir dir;
    const auto file = dir.file("broken.sqlite");
    const std::array<Migration, 2> list{{{"notes", &create_notes}, {"broken step", &broken}}};
    SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    REQUIRE_THROWS_WITH(migrate(raw, file, list), Catch::Contains("to schema version 2 (broken step) failed"));
    CHECK(user_version(raw) == 1);
    CHECK(raw.tableExists("notes"));
    CHECK_FALSE(raw.tableExists("half_done"));
}

TEST_CASE("a file from a newer build is refused with a clear message and left untouched") {
    TempDir dir;
    const auto file = dir.file("newer.sqlite");
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE future (x)");
        raw.exec("PRAGMA user_version = " + std::to_string(Database::schema_version() + 1));
    }
    const std::string expected = "database " + file.string() + " has schema version " +
                                 std::to_string(Database::schema_version() + 1) + " but this build knows up to " +
                                 std::to_string(Database::schema_version()) + "; upgrade advocacy-bot";
    REQUIRE_THROWS_MATCHES(Database::open(file), StorageError, Catch::Message(expected));
    CHECK(file_user_version(file) == Database::schema_version() + 1);
    CHECK_FALSE(has_table(file, "users"));
}

TEST_CASE("a file that is not a database is refused with a clear message and not modified") {
    TempDir dir;
    const auto file = dir.file("notes.txt");
    const std::string garbage(4096, 'x');
    std::ofstream(file, std::ios::binary) << garbage;
    REQUIRE_THROWS_MATCHES(Database::open(file), StorageError,
                           Catch::Predicate<StorageError>([&](const StorageError& e) {
                               const std::string what = e.what();
                               return what.find(file.string()) != std::string::npos &&
                                      what.find("not an SQLite database") != std::string::npos;
                           }));
    std::ifstream in(file, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == garbage);
}

TEST_CASE("a file in a missing directory is a StorageError naming the file") {
    TempDir dir;
    const auto file = dir.path() / "no" / "such" / "dir" / "db.sqlite";
    REQUIRE_THROWS_MATCHES(Database::open(file), StorageError,
                           Catch::Predicate<StorageError>([&](const StorageError& e) {
                               return std::string(e.what()).find("cannot open database " + file.string()) == 0;
                           }));
}

TEST_CASE("':memory:' is a private working database with the same writer and readers") {
    auto one = Database::open(":memory:");
    auto two = Database::open(":memory:");
    CHECK(one->path() == ":memory:");
    one->write([](Connection& c) { c.raw().exec("INSERT INTO workspaces (platform, external_id) VALUES ('slack', 'T')"); });
    auto count = [](Database& db) {
        int n = -1;
        db.read([&](Connection& c) { n = c.raw().execAndGet("SELECT COUNT(*) FROM workspaces").getInt(); });
        return n;
    };
    CHECK(count(*one) == 1);
    CHECK(count(*two) == 0);
}

TEST_CASE("a version 2 file is upgraded to version 3 (channel_syncs, users.contacted), keeping its data") {
    TempDir dir;
    const auto file = dir.file("v2.sqlite");
    REQUIRE(migrations().size() >= 3);
    CHECK(migrations()[2].name == "channel_syncs, users.contacted");
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, file, migrations().first(2));
        REQUIRE(user_version(raw) == 2);
        CHECK_FALSE(raw.tableExists("channel_syncs"));
        raw.exec("INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1')");
        raw.exec("INSERT INTO users (id, workspace_id, platform_user_id, created_at) VALUES (1, 1, 'U1', 0)");
        raw.exec("INSERT INTO user_channels (user_id, channel) VALUES (1, 'general')");
    }
    auto db = Database::open(file);
    std::int64_t members = 0;
    db->read([&](Connection& c) { members = c.raw().execAndGet("SELECT count(*) FROM user_channels").getInt64(); });
    CHECK(members == 1);
    std::int64_t contacted = 0;
    db->read([&](Connection& c) { contacted = c.raw().execAndGet("SELECT contacted FROM users WHERE id = 1").getInt64(); });
    CHECK(contacted == 1);  // everyone already in the file was heard from
    db->write([](Connection& c) {
        c.raw().exec("INSERT INTO channel_syncs (workspace_id, channel, synced_at) VALUES (1, 'general', 10)");
    });
    // One sync per (workspace, channel), names compared case-insensitively.
    CHECK_THROWS(db->write([](Connection& c) {
        c.raw().exec("INSERT INTO channel_syncs (workspace_id, channel, synced_at) VALUES (1, 'GENERAL', 11)");
    }));
    db.reset();
    CHECK(file_user_version(file) == Database::schema_version());
}

TEST_CASE("a version 3 file is upgraded to version 4 (contents.lang), keeping its content items for everyone") {
    TempDir dir;
    const auto file = dir.file("v3.sqlite");
    REQUIRE(migrations().size() >= 4);
    CHECK(migrations()[3].name == "contents.lang");
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, file, migrations().first(3));
        REQUIRE(user_version(raw) == 3);
        raw.exec("INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1')");
        raw.exec("INSERT INTO campaigns (id, workspace_id, name, slug, created_at) VALUES (1, 1, 'Launch', 'launch', 0)");
        raw.exec("INSERT INTO contents (id, campaign_id, title, url, created_at) "
                 "VALUES (7, 1, 'Kept', 'https://example.com/kept', 0)");
    }
    auto db = Database::open(file);
    Contents contents(*db);
    const auto kept = contents.find(7);
    REQUIRE(kept);
    CHECK(kept->title == "Kept");
    CHECK(kept->lang.empty());
    NewContent fr;
    fr.campaign_id = 1;
    fr.title = "Nouveau";
    fr.url = "https://example.com/fr";
    fr.lang = "fr";
    CHECK(contents.find(contents.add(fr, Timestamp{}).id)->lang == "fr");
    CHECK_THROWS(db->write([](Connection& c) {
        c.raw().exec("INSERT INTO contents (campaign_id, title, url, created_at, lang) VALUES (1, 'x', 'y', 0, 'de')");
    }));
    db.reset();
    CHECK(file_user_version(file) == Database::schema_version());
}

TEST_CASE("a version 5 file is upgraded to version 6 (week_scores), backfilled from its points ledger") {
    TempDir dir;
    const auto file = dir.file("v5.sqlite");
    REQUIRE(migrations().size() >= 6);
    CHECK(migrations()[5].name == "week_scores");
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, file, migrations().first(5));
        REQUIRE(user_version(raw) == 5);
        raw.exec("INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1')");
        raw.exec("INSERT INTO users (id, workspace_id, platform_user_id, display_name, created_at) "
                 "VALUES (1, 1, 'U1', 'Ann', 0), (2, 1, 'U2', 'Bob', 0)");
        raw.exec("INSERT INTO points_ledger (workspace_id, user_id, week, points, reason, at) VALUES "
                 "(1, 1, '2026-W47', 10, 'share', 0), (1, 1, '2026-W48', 10, 'share', 0), "
                 "(1, 1, '2026-W48', 3, 'post_click', 0), (1, 2, '2026-W48', 10, 'share', 0)");
    }
    auto db = Database::open(file);
    Leaderboard board(*db);
    const auto rows = board.week_points(1, "2026-W48");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].display_name == "Ann");
    CHECK(rows[0].points == 13);
    CHECK(rows[0].shares == 1);
    CHECK(board.week_points(1, "2026-W47").at(0).points == 10);
    CHECK(board.user_stats(2, "2026-W48", {}).week_rank == 2);
    db.reset();
    CHECK(file_user_version(file) == Database::schema_version());
}

TEST_CASE("a version 7 file is upgraded to version 8 (dashboard links and sessions, export indexes)") {
    TempDir dir;
    const auto file = dir.file("v7.sqlite");
    REQUIRE(migrations().size() >= 8);
    CHECK(migrations()[7].name == "dashboard_links, dashboard_sessions, export indexes");
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, file, migrations().first(7));
        REQUIRE(user_version(raw) == 7);
        CHECK_FALSE(raw.tableExists("dashboard_sessions"));
        raw.exec("INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1')");
        raw.exec("INSERT INTO users (id, workspace_id, platform_user_id, is_admin, created_at) VALUES (1, 1, 'U1', 1, 0)");
    }
    auto db = Database::open(file);
    db->write([](Connection& c) {
        c.raw().exec("INSERT INTO dashboard_links (nonce, user_id, expires_at) VALUES ('n', 1, 10)");
        c.raw().exec("INSERT INTO dashboard_sessions (token_hash, user_id, workspace_id, created_at, expires_at) "
                     "VALUES ('h', 1, 1, 0, 10)");
    });
    // Links and sessions belong to an existing user; a nonce and a session hash are unique.
    CHECK_THROWS(db->write([](Connection& c) {
        c.raw().exec("INSERT INTO dashboard_links (nonce, user_id, expires_at) VALUES ('x', 99, 10)");
    }));
    CHECK_THROWS(db->write([](Connection& c) {
        c.raw().exec("INSERT INTO dashboard_links (nonce, user_id, expires_at) VALUES ('n', 1, 20)");
    }));
    std::int64_t indexes = 0;
    db->read([&](Connection& c) {
        indexes = c.raw()
                      .execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                  "('interactions_by_time', 'deliveries_by_sent')")
                      .getInt64();
    });
    CHECK(indexes == 2);
    db.reset();
    CHECK(file_user_version(file) == Database::schema_version());
    CHECK(has_table(file, "dashboard_links"));
}
