// Every leaderboard / stats / hot-path query must reach points_ledger, interactions and deliveries through an index.
// The statements are the very ones the repositories run (storage/indexed_queries.hpp). The plans are printed with
// `-s` and copied into docs/storage.md.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
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

// "SCAN points_ledger", "SCAN p" (its alias)...: a full pass over a table that grows with use. `x` is the export's
// alias for interactions or deliveries.
bool scans_big_table(const std::string& line) {
    static const std::regex scan(
        R"(^SCAN (points_ledger|interactions|deliveries|p|i|d|j|x)( |$))");
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

TEST_CASE("the CSV export walks the time indexes in order: no sort of the period, pages start at the keyset") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("plans.sqlite"));
    const std::pair<std::string_view, std::string_view> expected[] = {
        {queries::export_shares, "SEARCH x USING INDEX interactions_by_time (at>? AND at<?)"},
        {queries::export_interactions, "SEARCH x USING INDEX interactions_by_time (at>? AND at<?)"},
        {queries::export_deliveries, "SEARCH x USING INDEX deliveries_by_sent (sent_at>? AND sent_at<?)"},
    };
    for (const auto& [sql, walk] : expected) {
        const auto plan = plan_of(*db, sql);
        INFO(sql);
        REQUIRE_FALSE(plan.empty());
        CHECK(plan.front() == walk);  // the outer loop: the time index, one range from the keyset to `to`
        for (const auto& line : plan) {
            if (line.starts_with("CORRELATED")) break;  // the share's network lookup sorts nothing big either
            INFO(line);
            CHECK(line.find("TEMP B-TREE") == std::string::npos);
        }
    }
}

TEST_CASE("the dashboard reaches a workspace's interactions through its contents, covered by the index") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("plans.sqlite"));
    for (const auto sql : {queries::analytics_interactions, queries::analytics_share_times}) {
        const auto plan = plan_of(*db, sql);
        INFO(sql);
        bool covered = false;
        for (const auto& line : plan)
            covered = covered || line.starts_with("SEARCH i USING COVERING INDEX interactions_by_content_time");
        CHECK(covered);
    }
}

TEST_CASE("a share's network is looked up among the user's own intent clicks, newest first, without a sort") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("plans.sqlite"));
    for (const auto sql : {queries::analytics_networks, queries::export_shares}) {
        const auto plan = plan_of(*db, sql);
        INFO(sql);
        const auto sub = std::find(plan.begin(), plan.end(), "CORRELATED SCALAR SUBQUERY 1");
        REQUIRE(sub != plan.end());
        REQUIRE(std::next(sub) != plan.end());
        CHECK(std::next(sub)->starts_with("SEARCH j USING INDEX interactions_by_user (user_id=? AND kind=?)"));
        CHECK(std::count(plan.begin(), plan.end(), "CORRELATED SCALAR SUBQUERY 1") == 1);
        CHECK(std::count_if(plan.begin(), plan.end(),
                            [](const std::string& l) { return l.find("RIGHT PART OF ORDER BY") != std::string::npos; }) == 0);
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
