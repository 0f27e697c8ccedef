// Teams conversation references (schema v5): saved once per change, found by owner or conversation, marked dead.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/conversation_refs.hpp"
#include "storage/migrations.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using advocacy::storage::test::at;
using advocacy::storage::test::scalar;

namespace {

ConversationRef personal(const std::string& user, const std::string& conversation, const std::string& url) {
    ConversationRef r;
    r.tenant_id = "tenant-1";
    r.owner = user;
    r.kind = "personal";
    r.conversation_id = conversation;
    r.service_url = url;
    r.bot_id = "28:app";
    r.updated_at = at(1000);
    return r;
}

}  // namespace

TEST_CASE("a reference is stored once and rewritten only when it changes", "[storage][teams]") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("refs.sqlite"));
    ConversationRefs refs(*db);
    const auto ref = personal("29:u1", "a:chat1", "https://smba.example/emea/");
    CHECK(refs.save(ref));
    const auto writes = db->writer_stats().jobs;
    auto later = ref;
    later.updated_at = at(2000);
    CHECK_FALSE(refs.save(later));  // same target: no write
    CHECK(db->writer_stats().jobs == writes);

    later.service_url = "https://smba.example/amer/";
    CHECK(refs.save(later));
    const auto found = refs.find("tenant-1", "29:u1");
    REQUIRE(found);
    CHECK(found->service_url == "https://smba.example/amer/");
    CHECK(found->conversation_id == "a:chat1");
    CHECK(found->bot_id == "28:app");
    CHECK(found->alive);
    CHECK(found->updated_at == at(2000));
    CHECK(scalar(*db, "SELECT count(*) FROM conversation_refs") == 1);
    CHECK_FALSE(refs.find("tenant-2", "29:u1"));
}

TEST_CASE("references are found by conversation, a channel's own entry first", "[storage][teams]") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("refs.sqlite"));
    ConversationRefs refs(*db);
    auto channel = personal("19:general@thread.tacv2", "19:general@thread.tacv2", "https://smba.example/emea/");
    channel.kind = "channel";
    channel.updated_at = at(10);
    refs.save(channel);
    refs.save(personal("29:u1", "a:chat1", "https://smba.example/emea/"));
    const auto c = refs.find_by_conversation("19:general@thread.tacv2");
    REQUIRE(c);
    CHECK(c->kind == "channel");
    CHECK(refs.find_by_conversation("a:chat1")->owner == "29:u1");
    CHECK_FALSE(refs.find_by_conversation("a:nope"));
    CHECK(refs.recent_service_url("tenant-1") == "https://smba.example/emea/");
    CHECK_FALSE(refs.recent_service_url("tenant-2"));
}

TEST_CASE("dead references stay stored but say so, and a new install revives them", "[storage][teams]") {
    advocacy::testing::TempDir dir;
    auto db = Database::open(dir.file("refs.sqlite"));
    ConversationRefs refs(*db);
    refs.save(personal("29:u1", "a:chat1", "https://smba.example/emea/"));
    CHECK(refs.mark_dead("tenant-1", "29:u1", at(3000)) == 1);
    CHECK(refs.mark_dead("tenant-1", "29:u1", at(3001)) == 0);
    const auto dead = refs.find("tenant-1", "29:u1");
    REQUIRE(dead);
    CHECK_FALSE(dead->alive);
    CHECK(dead->updated_at == at(3000));
    CHECK_FALSE(refs.recent_service_url("tenant-1"));  // dead references give no serviceUrl

    auto again = personal("29:u1", "a:chat1", "https://smba.example/emea/");
    CHECK(refs.save(again));
    CHECK(refs.find("tenant-1", "29:u1")->alive);
    CHECK(refs.mark_conversation_dead("a:chat1", at(4000)) == 1);
    CHECK_FALSE(refs.find("tenant-1", "29:u1")->alive);
}

TEST_CASE("schema v5 upgrades a v4 file and rejects unknown kinds", "[storage][teams]") {
    advocacy::testing::TempDir dir;
    const auto file = dir.file("v4.sqlite");
    REQUIRE(migrations().size() >= 5);
    CHECK(migrations()[4].name == std::string_view("conversation_refs"));
    {
        SQLite::Database raw(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate(raw, file, migrations().first(4));
        REQUIRE(user_version(raw) == 4);
        CHECK_FALSE(raw.tableExists("conversation_refs"));
    }
    auto db = Database::open(file);
    ConversationRefs refs(*db);
    refs.save(personal("29:u1", "a:chat1", "https://smba.example/emea/"));
    CHECK(refs.find("tenant-1", "29:u1"));
    CHECK_THROWS(db->write([](Connection& c) {
        c.raw().exec("INSERT INTO conversation_refs VALUES ('t', 'o', 'meeting', 'c', 's', 'b', 1, 0)");
    }));
}
