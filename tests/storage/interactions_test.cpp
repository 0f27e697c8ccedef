#include <catch2/catch.hpp>

#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

TEST_CASE("a share is recorded once, with one points row") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto content = f.add_content(campaign.id, "c");
    auto user = f.add_user("u");
    auto d = f.deliver(content, user, day(2026, 11, 27));

    CHECK_FALSE(f.interactions.has_shared(user.id, content.id));
    CHECK(f.interactions.record_share(user.id, content.id, d.id, f.points(10), at(100)) == RecordOutcome::recorded);
    CHECK(f.interactions.record_share(user.id, content.id, d.id, f.points(10), at(200)) ==
          RecordOutcome::already_recorded);
    CHECK(f.interactions.record_share(user.id, content.id, std::nullopt, f.points(10), at(300)) ==
          RecordOutcome::already_recorded);
    CHECK(f.interactions.has_shared(user.id, content.id));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM interactions WHERE kind = 'shared'") == 1);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM points_ledger") == 1);
    CHECK(scalar(*f.db, "SELECT SUM(points) FROM points_ledger") == 10);
    CHECK(scalar(*f.db, "SELECT at FROM interactions") == 100);
}

TEST_CASE("concurrent double clicks on 'I shared it' still record one share") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto content = f.add_content(campaign.id, "c");
    auto user = f.add_user("u");
    std::vector<std::future<RecordOutcome>> clicks;
    for (int i = 0; i < 8; ++i)
        clicks.push_back(std::async(std::launch::async, [&] {
            return f.interactions.record_share(user.id, content.id, std::nullopt, f.points(10), at(1));
        }));
    int recorded = 0;
    for (auto& c : clicks) recorded += c.get() == RecordOutcome::recorded ? 1 : 0;
    CHECK(recorded == 1);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM points_ledger") == 1);
}

TEST_CASE("skips are unique per user and content and earn nothing; why is repeatable") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto content = f.add_content(campaign.id, "c");
    auto user = f.add_user("u");
    CHECK_FALSE(f.interactions.has_skipped(user.id, content.id));
    CHECK(f.interactions.record_skip(user.id, content.id, std::nullopt, at(1)) == RecordOutcome::recorded);
    CHECK(f.interactions.record_skip(user.id, content.id, std::nullopt, at(2)) == RecordOutcome::already_recorded);
    CHECK(f.interactions.has_skipped(user.id, content.id));
    CHECK_FALSE(f.interactions.has_shared(user.id, content.id));
    f.interactions.record_why(user.id, content.id, std::nullopt, at(3));
    f.interactions.record_why(user.id, content.id, std::nullopt, at(4));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM interactions WHERE kind = 'why_asked'") == 2);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM points_ledger") == 0);
    // Skipping then sharing is allowed.
    CHECK(f.interactions.record_share(user.id, content.id, std::nullopt, f.points(10), at(5)) ==
          RecordOutcome::recorded);
}

TEST_CASE("clicks: intent clicks never earn, post clicks earn up to the cap for the delivery's owner") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto content = f.add_content(campaign.id, "c");
    auto owner = f.add_user("owner");
    auto d = f.deliver(content, owner, day(2026, 11, 27), "t");
    const auto intent = *f.deliveries.resolve_token("s-t");
    const auto post = *f.deliveries.resolve_token("r-t");

    f.interactions.record_click(intent, f.points(1), 20, at(1));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM interactions WHERE kind = 'intent_click'") == 1);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM points_ledger") == 0);

    for (int i = 0; i < 9; ++i) f.interactions.record_click(post, f.points(3), 20, at(10 + i));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM interactions WHERE kind = 'post_click' AND network = 'linkedin'") == 9);
    // 3 * 6 = 18, then 2 (trimmed to the cap), then nothing.
    CHECK(scalar(*f.db, "SELECT SUM(points) FROM points_ledger WHERE reason = 'post_click'") == 20);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM points_ledger WHERE reason = 'post_click'") == 7);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM points_ledger WHERE user_id <> " + std::to_string(owner.id)) == 0);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM interactions WHERE delivery_id = " + std::to_string(d.id)) == 10);
}

TEST_CASE("a click on a token whose delivery was erased counts nothing") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto content = f.add_content(campaign.id, "c");
    auto owner = f.add_user("owner");
    f.deliver(content, owner, day(2026, 11, 27), "t");
    const auto post = *f.deliveries.resolve_token("r-t");
    f.users.forget(owner.id);
    REQUIRE_NOTHROW(f.interactions.record_click(post, f.points(1), 20, at(1)));
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM interactions") == 0);
}
