#include <catch2/catch.hpp>

#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

TEST_CASE("the audit log keeps admin actions, newest first") {
    Fixture f;
    auto admin = f.add_user("admin");
    f.audit.append(f.workspace, admin.id, "campaign.create", "Launch", at(10));
    f.audit.append(f.workspace, 0, "leaderboard.post", "2026-W48", at(20));
    f.audit.append(f.workspace, admin.id, "content.approve", "#3", at(30));
    const Id other = f.users.ensure_workspace("teams", "x");
    f.audit.append(other, 0, "elsewhere", "", at(40));

    auto recent = f.audit.recent(f.workspace, 2);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].action == "content.approve");
    CHECK(recent[0].actor_user_id == admin.id);
    CHECK(recent[0].detail == "#3");
    CHECK(recent[0].at == at(30));
    CHECK(recent[1].action == "leaderboard.post");
    CHECK(recent[1].actor_user_id == 0);
    CHECK(f.audit.recent(f.workspace, 10).size() == 3);
}

TEST_CASE("settings override per workspace") {
    Fixture f;
    const Id other = f.users.ensure_workspace("teams", "x");
    CHECK_FALSE(f.settings.get(f.workspace, "push_time").has_value());
    f.settings.set(f.workspace, "push_time", "09:30");
    f.settings.set(f.workspace, "push_time", "10:00");
    f.settings.set(other, "push_time", "08:00");
    CHECK(f.settings.get(f.workspace, "push_time") == "10:00");
    CHECK(f.settings.get(other, "push_time") == "08:00");
}

TEST_CASE("mark_once is true exactly once per workspace and key, even when raced") {
    Fixture f;
    const Id other = f.users.ensure_workspace("teams", "x");
    CHECK(f.settings.mark_once(f.workspace, "leaderboard:2026-W48", at(1)));
    CHECK_FALSE(f.settings.mark_once(f.workspace, "leaderboard:2026-W48", at(2)));
    CHECK(f.settings.mark_once(other, "leaderboard:2026-W48", at(3)));

    std::vector<std::future<bool>> racers;
    for (int i = 0; i < 6; ++i)
        racers.push_back(std::async(std::launch::async, [&] { return f.settings.mark_once(f.workspace, "k", at(4)); }));
    int winners = 0;
    for (auto& r : racers) winners += r.get() ? 1 : 0;
    CHECK(winners == 1);
}
