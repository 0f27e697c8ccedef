// Dashboard sign-in links and sessions (schema v8) on a real SQLite file.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "storage/dashboard_access.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {
constexpr std::int64_t kNow = 1'780'000'000;
constexpr std::int64_t kMinute = 60;

struct Access : Fixture {
    DashboardAccess access{*db};
    User admin = [this] {
        auto u = add_user("ada");
        users.set_admin(u.id, true);
        return u;
    }();
};
}  // namespace

TEST_CASE("a sign-in link works once, until it expires") {
    Access f;
    f.access.record_link("nonce-1", f.admin.id, at(kNow + 15 * kMinute), at(kNow));
    f.access.record_link("nonce-2", f.admin.id, at(kNow + 15 * kMinute), at(kNow));

    CHECK(f.access.spend_link("nonce-1", at(kNow + kMinute)));
    CHECK_FALSE(f.access.spend_link("nonce-1", at(kNow + 2 * kMinute)));  // reused
    CHECK_FALSE(f.access.spend_link("unknown", at(kNow)));
    CHECK_FALSE(f.access.spend_link("nonce-2", at(kNow + 15 * kMinute)));  // expires_at itself is too late
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_links WHERE used_at IS NOT NULL") == 1);
}

TEST_CASE("concurrent followers of one link: exactly one gets in") {
    Access f;
    f.access.record_link("shared-nonce", f.admin.id, at(kNow + 15 * kMinute), at(kNow));
    std::atomic<int> winners{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            if (f.access.spend_link("shared-nonce", at(kNow + kMinute))) ++winners;
        });
    for (auto& t : threads) t.join();
    CHECK(winners == 1);
}

TEST_CASE("recording a link sweeps links and sessions expired more than a day ago") {
    Access f;
    f.access.record_link("old", f.admin.id, at(kNow - 2 * 86'400), at(kNow - 2 * 86'400 - kMinute));
    f.access.record_link("recent", f.admin.id, at(kNow - kMinute), at(kNow - 16 * kMinute));
    f.access.create_session("h-old", f.admin.id, f.workspace, at(kNow - 2 * 86'400));
    f.access.create_session("h-live", f.admin.id, f.workspace, at(kNow + 3600));
    f.access.record_link("new", f.admin.id, at(kNow + 15 * kMinute), at(kNow));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_links WHERE nonce = 'old'") == 0);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_links") == 2);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_sessions") == 1);
}

TEST_CASE("a session is found while live, for an admin of its workspace, and gone once deleted") {
    Access f;
    f.access.create_session("hash-a", f.admin.id, f.workspace, at(kNow + 3600));
    const auto found = f.access.find_session("hash-a", at(kNow));
    REQUIRE(found.has_value());
    CHECK(found->user_id == f.admin.id);
    CHECK(found->workspace_id == f.workspace);
    CHECK(found->expires_at == at(kNow + 3600));

    CHECK_FALSE(f.access.find_session("hash-a", at(kNow + 3600)).has_value());  // expired
    CHECK_FALSE(f.access.find_session("hash-b", at(kNow)).has_value());         // unknown

    f.access.delete_session("hash-a");
    CHECK_FALSE(f.access.find_session("hash-a", at(kNow)).has_value());
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_sessions") == 0);
}

TEST_CASE("a demoted admin's session stops working at once") {
    Access f;
    f.access.create_session("hash-a", f.admin.id, f.workspace, at(kNow + 3600));
    REQUIRE(f.access.find_session("hash-a", at(kNow)).has_value());
    f.users.set_admin(f.admin.id, false);
    CHECK_FALSE(f.access.find_session("hash-a", at(kNow)).has_value());
    f.users.set_admin(f.admin.id, true);
    CHECK(f.access.find_session("hash-a", at(kNow)).has_value());
}

TEST_CASE("the cookie value is never stored, only what the caller hashed") {
    Access f;
    f.access.create_session("0f1e2d", f.admin.id, f.workspace, at(kNow + 3600));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_sessions WHERE token_hash = '0f1e2d'") == 1);
    CHECK(scalar(*f.db, "SELECT created_at > 0 FROM dashboard_sessions") == 1);
}

TEST_CASE("forget-me erases the user's dashboard links and sessions, nobody else's") {
    Access f;
    auto other = f.add_user("bea");
    f.users.set_admin(other.id, true);
    f.access.record_link("ada-link", f.admin.id, at(kNow + 15 * kMinute), at(kNow));
    f.access.record_link("bea-link", other.id, at(kNow + 15 * kMinute), at(kNow));
    f.access.create_session("ada-session", f.admin.id, f.workspace, at(kNow + 3600));
    f.access.create_session("bea-session", other.id, f.workspace, at(kNow + 3600));

    f.users.forget(f.admin.id);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_links WHERE user_id = " + std::to_string(f.admin.id)) == 0);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM dashboard_sessions WHERE user_id = " + std::to_string(f.admin.id)) ==
          0);
    CHECK_FALSE(f.access.find_session("ada-session", at(kNow)).has_value());
    CHECK_FALSE(f.access.spend_link("ada-link", at(kNow)));
    CHECK(f.access.find_session("bea-session", at(kNow)).has_value());
    CHECK(f.access.spend_link("bea-link", at(kNow)));
}
