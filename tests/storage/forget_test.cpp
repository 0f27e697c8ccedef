#include <catch2/catch.hpp>

#include "storage/conversation_refs.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {
std::int64_t count_for(Database& db, const std::string& table, const std::string& column, Id id) {
    return scalar(db, "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = " + std::to_string(id));
}
}  // namespace

TEST_CASE("forget-me erases everything of the user, reports it, and nothing of anyone else") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto leaver = f.add_user("leaver", "sales");
    auto stayer = f.add_user("stayer", "sales");
    auto c1 = f.add_content(campaign.id, "c1");
    auto c2 = f.add_content(campaign.id, "c2");
    auto suggestion = f.add_content(campaign.id, "mine", std::nullopt, ContentStatus::pending, leaver.id);
    auto approved = f.add_content(campaign.id, "approved", std::nullopt, ContentStatus::published, leaver.id);
    f.users.note_channel(leaver.id, "#general");
    f.users.note_channel(stayer.id, "#general");

    for (const auto* u : {&leaver, &stayer}) {
        auto d1 = f.deliver(c1, *u, day(2026, 11, 26));
        f.deliver(c2, *u, day(2026, 11, 27));
        f.interactions.record_share(u->id, c1.id, d1.id, f.points(10), at(1));
        f.interactions.record_why(u->id, c2.id, std::nullopt, at(2));
        f.interactions.record_click(*f.deliveries.resolve_token("r-" + std::to_string(c1.id) + "-" +
                                                                std::to_string(u->id)),
                                    f.points(1), 20, at(3));
    }
    f.audit.append(f.workspace, leaver.id, "campaign.create", "Launch", at(4));
    NewCampaign theirs;
    theirs.workspace_id = f.workspace;
    theirs.name = "Theirs";
    theirs.created_by = leaver.id;
    auto their_campaign = f.campaigns.create(theirs, at(5));

    auto report = f.users.forget(leaver.id);
    CHECK(report.deliveries == 2);
    CHECK(report.interactions == 3);     // share, why, post click
    CHECK(report.points_entries == 2);   // share, click
    CHECK(report.suggestions == 1);

    CHECK_FALSE(f.users.find(leaver.id).has_value());
    for (const auto& [table, column] : std::vector<std::pair<std::string, std::string>>{
             {"deliveries", "user_id"}, {"interactions", "user_id"}, {"points_ledger", "user_id"},
             {"user_channels", "user_id"}, {"audit_log", "actor_user_id"}, {"contents", "suggested_by"},
             {"campaigns", "created_by"}})
        CHECK(count_for(*f.db, table, column, leaver.id) == 0);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM link_tokens") == 4);  // only the stayer's
    CHECK_FALSE(f.contents.find(suggestion.id).has_value());
    CHECK(f.contents.find(approved.id).has_value());  // published content stays, without its author
    CHECK_FALSE(f.contents.find(approved.id)->suggested_by.has_value());
    auto audit = f.audit.recent(f.workspace, 10);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "campaign.create");
    CHECK(audit[0].actor_user_id == 0);
    CHECK(f.campaigns.find(their_campaign.id)->created_by == 0);

    // The stayer is untouched.
    CHECK(count_for(*f.db, "deliveries", "user_id", stayer.id) == 2);
    CHECK(count_for(*f.db, "interactions", "user_id", stayer.id) == 3);
    CHECK(count_for(*f.db, "points_ledger", "user_id", stayer.id) == 2);
    CHECK(count_for(*f.db, "user_channels", "user_id", stayer.id) == 1);
    CHECK(f.board.user_stats(stayer.id, "2026-W48", {"2026-W48"}).total_points == 11);

    // Forgetting again, or someone unknown, erases nothing.
    auto again = f.users.forget(leaver.id);
    CHECK(again.deliveries + again.interactions + again.points_entries + again.suggestions == 0);
}

TEST_CASE("forget-me erases a Teams user's 1:1 conversation reference, and no one else's") {
    Fixture f;
    ConversationRefs refs(*f.db);
    const auto sighting = [](const std::string& id) {
        return UserSighting{"teams", "tenant-1", id, id, "", "", "", false};
    };
    const auto leaver = f.users.upsert(sighting("29:leaver"), at(1)).user;
    f.users.upsert(sighting("29:stayer"), at(1));
    for (const std::string owner : {"29:leaver", "29:stayer"}) {
        ConversationRef ref;
        ref.tenant_id = "tenant-1";
        ref.owner = owner;
        ref.conversation_id = "a:" + owner;
        ref.service_url = "https://smba.example/teams/";
        ref.bot_id = "28:app";
        ref.updated_at = at(2);
        refs.save(ref);
    }
    f.users.forget(leaver.id);
    CHECK_FALSE(refs.find("tenant-1", "29:leaver").has_value());
    CHECK(refs.find("tenant-1", "29:stayer").has_value());
}
