// "#channel" audiences replaced from the platform's member list: joiners, leavers, unknown users, sync time.
#include <catch2/catch.hpp>

#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {
std::vector<std::string> platform_ids(const std::vector<User>& users) {
    std::vector<std::string> out;
    for (const auto& u : users) out.push_back(u.platform_user_id);
    return out;
}
}  // namespace

TEST_CASE("set_channel_members replaces a channel's membership: joiners, leavers, unknown users") {
    Fixture f;
    auto a = f.add_user("a");
    auto b = f.add_user("b");
    f.add_user("c");
    f.users.note_channel(a.id, "#general");
    f.users.note_channel(b.id, "#general");
    f.users.note_channel(b.id, "#random");

    // b left, c joined, U-new was never seen: created with just its platform id.
    const auto change = f.users.set_channel_members(f.workspace, "#general", {"U-a", "U-c", "U-new"}, at(5000));
    CHECK(change.joined == 2);
    CHECK(change.left == 1);
    CHECK(change.new_users == 1);
    CHECK(platform_ids(f.users.audience(f.workspace, "#general")) == std::vector<std::string>{"U-a", "U-c", "U-new"});
    CHECK(platform_ids(f.users.audience(f.workspace, "#random")) == std::vector<std::string>{"U-b"});  // untouched
    const auto created = f.users.find_by_platform_id(f.workspace, "U-new");
    REQUIRE(created);
    CHECK(created->display_name.empty());
    CHECK(created->dm_conversation.empty());
    CHECK(created->created_at == at(5000));
    CHECK(f.users.find(b.id).has_value());  // leaving a channel keeps the user

    // The same list again changes nothing; an empty list empties the channel.
    const auto same = f.users.set_channel_members(f.workspace, "general", {"U-c", "U-new", "U-a"}, at(6000));
    CHECK(same.joined == 0);
    CHECK(same.left == 0);
    CHECK(same.new_users == 0);
    CHECK(f.users.set_channel_members(f.workspace, "#General", {}, at(7000)).left == 3);
    CHECK(f.users.audience(f.workspace, "#general").empty());
    CHECK(scalar(*f.db, "SELECT count(*) FROM users") == 4);
}

TEST_CASE("set_channel_members touches only its workspace, and records when the channel was synced") {
    Fixture f;
    auto a = f.add_user("a");
    f.users.note_channel(a.id, "#general");
    const Id other = f.users.ensure_workspace("slack", "T2");
    auto stranger = f.users.upsert({"slack", "T2", "U-x", "x", "", "", "", false}, at(1)).user;
    f.users.note_channel(stranger.id, "#general");

    CHECK_FALSE(f.users.channel_synced_at(f.workspace, "#general").has_value());
    f.users.set_channel_members(f.workspace, "#general", {"U-b"}, at(5000));
    CHECK(f.users.channel_synced_at(f.workspace, "#general") == at(5000));
    CHECK(f.users.channel_synced_at(f.workspace, "GENERAL") == at(5000));  // '#' optional, any case
    CHECK_FALSE(f.users.channel_synced_at(other, "#general").has_value());
    CHECK(platform_ids(f.users.audience(other, "#general")) == std::vector<std::string>{"U-x"});
    CHECK(platform_ids(f.users.audience(f.workspace, "#general")) == std::vector<std::string>{"U-b"});
    // A user created in T1 is not the T2 user with the same id.
    CHECK(f.users.find_by_platform_id(other, "U-b") == std::nullopt);

    f.users.set_channel_members(f.workspace, "#general", {"U-b"}, at(9000));
    CHECK(f.users.channel_synced_at(f.workspace, "#general") == at(9000));
    CHECK_THROWS_AS(f.users.set_channel_members(f.workspace, "#", {"U-b"}, at(1)), std::invalid_argument);
}

TEST_CASE("a failing replacement leaves the previous membership and sync time") {
    Fixture f;
    auto a = f.add_user("a");
    f.users.set_channel_members(f.workspace, "#general", {"U-a"}, at(5000));
    // A workspace id that does not exist: the foreign key refuses the new user, the whole job rolls back.
    CHECK_THROWS(f.users.set_channel_members(9999, "#general", {"U-z"}, at(6000)));
    CHECK(platform_ids(f.users.audience(f.workspace, "#general")) == std::vector<std::string>{"U-a"});
    CHECK(f.users.channel_synced_at(f.workspace, "#general") == at(5000));
    CHECK_FALSE(f.users.channel_synced_at(9999, "#general").has_value());
    CHECK(a.id != 0);
}

TEST_CASE("a user known only from a member list is first contacted by their first event") {
    Fixture f;
    f.users.set_channel_members(f.workspace, "#general", {"U-new"}, at(5000));
    const auto listed = f.users.find_by_platform_id(f.workspace, "U-new");
    REQUIRE(listed);
    CHECK_FALSE(listed->contacted);

    const UserSighting s{"slack", "T1", "U-new", "Nina", "", "", "D-new", false};
    const auto first = f.users.upsert(s, at(6000));
    CHECK(first.created);  // the onboarding message goes out
    CHECK(first.user.id == listed->id);
    CHECK(first.user.contacted);
    CHECK(first.user.display_name == "Nina");
    CHECK(first.user.created_at == at(5000));
    const auto again = f.users.upsert(s, at(7000));
    CHECK_FALSE(again.created);
    // A member list never makes a contacted user uncontacted.
    f.users.set_channel_members(f.workspace, "#general", {"U-new"}, at(8000));
    CHECK(f.users.find(listed->id)->contacted);
    CHECK(f.add_user("a").contacted);
}
