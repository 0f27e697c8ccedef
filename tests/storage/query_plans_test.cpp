// Every leaderboard / stats / hot-path query must reach points_ledger, interactions and deliveries through an index.
// The statements are the very ones the repositories run (storage/indexed_queries.hpp). The plans are printed with
// `-s` and copied into docs/storage.md.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <iostream>
#include <regex>

#include "storage/database.hpp"
#include "storage/indexed_queries.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::storage;

namespace {

std::vector<std::string> plan_of(Database& db, std::string_view sql) {
    std::vector<std::string> lines;
    db.read([&](Connection& c) {
        SQLite::Statement st(c.raw(), "EXPLAIN QUERY PLAN " + std::string(sql));
        while (st.executeStep()) lines.push_back(st.getColumn(3).getString());
    });
    return lines;
}

// "SCAN points_ledger", "SCAN p" (its alias)...: a full pass over a table that grows with use.
bool scans_big_table(const std::string& line) {
    static const std::regex scan(
        R"(^SCAN (points_ledger|interactions|deliveries|p|i|d)( |$))");
    return std::regex_search(line, scan);
}

}  // namespace

TEST_CASE("leaderboard and stats queries use indexes, never a scan of the big tables") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("plans.sqlite"));
    for (const auto& q : queries::all) {
        const auto plan = plan_of(*db, q.sql);
        INFO(q.name);
        REQUIRE_FALSE(plan.empty());
        for (const auto& line : plan) {
            INFO(line);
            CHECK_FALSE(scans_big_table(line));
            UNSCOPED_INFO("");
        }
    }
}

TEST_CASE("the scan detector itself notices a scan") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("plans.sqlite"));
    bool found = false;
    for (const auto& line : plan_of(*db, "SELECT COUNT(*) FROM points_ledger WHERE points > 3"))
        found = found || scans_big_table(line);
    CHECK(found);
}

// Hidden: `test_storage "[.plans]"` prints every plan, for docs/storage.md.
TEST_CASE("print the query plans", "[.plans]") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("plans.sqlite"));
    for (const auto& q : queries::all) {
        std::cout << q.name << ":\n";
        for (const auto& line : plan_of(*db, q.sql)) std::cout << "    " << line << "\n";
    }
}
