#include <catch2/catch.hpp>

#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

TEST_CASE("workspaces are unique per platform and external id") {
    Fixture f;
    CHECK(f.users.ensure_workspace("slack", "T1") == f.workspace);
    const Id teams = f.users.ensure_workspace("teams", "T1");
    CHECK(teams != f.workspace);
    CHECK(f.users.ensure_workspace("teams", "T1") == teams);
    auto all = f.users.workspaces();
    REQUIRE(all.size() == 2);
    CHECK(all[0].platform == "slack");
    CHECK(all[1].platform == "teams");
    CHECK(f.users.workspace(teams)->external_id == "T1");
    CHECK_FALSE(f.users.workspace(9999).has_value());
}

TEST_CASE("upsert creates once, then fills in only what the platform told us") {
    Fixture f;
    UserSighting s{"slack", "T1", "U1", "Ada", "fr", "Europe/Paris", "D1", false};
    auto first = f.users.upsert(s, at(1000));
    CHECK(first.created);
    CHECK(first.user.display_name == "Ada");
    CHECK(first.user.locale == "fr");
    CHECK(first.user.time_zone == "Europe/Paris");
    CHECK(first.user.dm_conversation == "D1");
    CHECK(first.user.created_at == at(1000));
    CHECK(first.user.frequency == Frequency::daily);
    CHECK_FALSE(first.user.is_admin);

    // Same person, nothing new: no write at all.
    const auto jobs = f.db->writer_stats().jobs;
    auto same = f.users.upsert(s, at(2000));
    CHECK_FALSE(same.created);
    CHECK(same.user.id == first.user.id);
    CHECK(f.db->writer_stats().jobs == jobs);

    // Empty fields keep stored values; non-empty ones replace them; bootstrap admin forces admin on.
    UserSighting update{"slack", "T1", "U1", "Ada L.", "", "", "", true};
    auto updated = f.users.upsert(update, at(3000));
    CHECK_FALSE(updated.created);
    CHECK(updated.user.display_name == "Ada L.");
    CHECK(updated.user.locale == "fr");
    CHECK(updated.user.time_zone == "Europe/Paris");
    CHECK(updated.user.dm_conversation == "D1");
    CHECK(updated.user.is_admin);
    CHECK(updated.user.created_at == at(1000));

    // A sighting in an unknown workspace creates the workspace.
    auto elsewhere = f.users.upsert({"teams", "tenant-9", "U1", "Ada", "", "", "", false}, at(4000));
    CHECK(elsewhere.created);
    CHECK(elsewhere.user.workspace_id != f.workspace);
    CHECK(f.users.find_by_platform_id(elsewhere.user.workspace_id, "U1")->id == elsewhere.user.id);
}

TEST_CASE("find, in_workspace and admins") {
    Fixture f;
    auto a = f.add_user("a");
    auto b = f.add_user("b");
    f.users.set_admin(b.id, true);
    CHECK(f.users.find(a.id)->display_name == "a");
    CHECK_FALSE(f.users.find(12345).has_value());
    CHECK(f.users.find_by_platform_id(f.workspace, "U-b")->id == b.id);
    CHECK_FALSE(f.users.find_by_platform_id(f.workspace, "U-zzz").has_value());
    auto everyone = f.users.in_workspace(f.workspace);
    REQUIRE(everyone.size() == 2);
    CHECK(everyone[0].id == a.id);
    auto admins = f.users.admins(f.workspace);
    REQUIRE(admins.size() == 1);
    CHECK(admins[0].id == b.id);
    f.users.set_admin(b.id, false);
    CHECK(f.users.admins(f.workspace).empty());
}

TEST_CASE("preferences: group, pause, frequency, leaderboard opt-out") {
    Fixture f;
    auto u = f.add_user("u");
    f.users.set_group(u.id, "sales");
    f.users.set_pause(u.id, day(2026, 12, 24), false);
    f.users.set_frequency(u.id, Frequency::weekly);
    f.users.set_leaderboard_opt_out(u.id, true);
    auto stored = *f.users.find(u.id);
    CHECK(stored.group == "sales");
    CHECK(stored.paused_until == day(2026, 12, 24));
    CHECK_FALSE(stored.paused_indefinitely);
    CHECK(stored.frequency == Frequency::weekly);
    CHECK(stored.leaderboard_opt_out);

    f.users.set_pause(u.id, std::nullopt, true);
    stored = *f.users.find(u.id);
    CHECK_FALSE(stored.paused_until.has_value());
    CHECK(stored.paused_indefinitely);

    f.users.set_pause(u.id, std::nullopt, false);  // resume
    f.users.set_group(u.id, "");
    stored = *f.users.find(u.id);
    CHECK_FALSE(stored.paused_until.has_value());
    CHECK_FALSE(stored.paused_indefinitely);
    CHECK(stored.group.empty());
}

TEST_CASE("audiences: all, group:NAME, #channel") {
    Fixture f;
    auto a = f.add_user("a", "sales");
    auto b = f.add_user("b", "eng");
    auto c = f.add_user("c", "sales");
    const Id other = f.users.ensure_workspace("slack", "T2");
    auto stranger = f.users.upsert({"slack", "T2", "U-x", "x", "", "", "", false}, at(1)).user;
    f.users.set_group(stranger.id, "sales");

    auto ids = [](const std::vector<User>& users) {
        std::vector<Id> out;
        for (const auto& u : users) out.push_back(u.id);
        return out;
    };
    CHECK(ids(f.users.audience(f.workspace, "all")) == std::vector<Id>{a.id, b.id, c.id});
    CHECK(ids(f.users.audience(f.workspace, "group:sales")) == std::vector<Id>{a.id, c.id});
    CHECK(f.users.audience(f.workspace, "group:nobody").empty());
    CHECK(ids(f.users.audience(other, "group:sales")) == std::vector<Id>{stranger.id});

    f.users.note_channel(a.id, "#general");
    f.users.note_channel(b.id, "general");
    f.users.note_channel(b.id, "#general");  // twice: still one membership
    f.users.note_channel(c.id, "#random");
    f.users.note_channel(stranger.id, "#general");
    CHECK(ids(f.users.audience(f.workspace, "#general")) == std::vector<Id>{a.id, b.id});
    CHECK(ids(f.users.audience(f.workspace, "#General")) == std::vector<Id>{a.id, b.id});
    CHECK(ids(f.users.audience(f.workspace, "#random")) == std::vector<Id>{c.id});
    CHECK(f.users.audience(f.workspace, "#empty").empty());

    CHECK_THROWS_AS(f.users.audience(f.workspace, "everyone"), std::invalid_argument);
    CHECK_THROWS_AS(f.users.audience(f.workspace, "group:"), std::invalid_argument);
}

TEST_CASE("the same platform user id in two workspaces is two people") {
    Fixture f;
    auto one = f.users.upsert({"slack", "T1", "U1", "One", "", "", "", false}, at(1));
    auto two = f.users.upsert({"slack", "T2", "U1", "Two", "", "", "", false}, at(1));
    CHECK(one.created);
    CHECK(two.created);
    CHECK(one.user.id != two.user.id);
}
