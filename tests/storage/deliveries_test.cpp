#include <catch2/catch.hpp>

#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

TEST_CASE("a delivery is created with its tokens, once per content and once per campaign and day") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto a = f.add_content(campaign.id, "a");
    auto b = f.add_content(campaign.id, "b");
    auto user = f.add_user("u");

    NewDelivery n{a.id, user.id, campaign.id, day(2026, 12, 1),
                  {{"tok-intent", 0, "linkedin", LinkKind::intent}, {"tok-post", 0, "linkedin", LinkKind::post}}};
    auto d = f.deliveries.create(n);
    REQUIRE(d.has_value());
    CHECK(d->state == DeliveryState::pending);
    CHECK(d->local_date == day(2026, 12, 1));
    CHECK(d->attempts == 0);
    CHECK(f.deliveries.find(d->id)->content_id == a.id);

    auto tokens = f.deliveries.tokens_for(d->id);
    REQUIRE(tokens.size() == 2);
    for (const auto& t : tokens) CHECK(t.delivery_id == d->id);
    auto resolved = f.deliveries.resolve_token("tok-post");
    REQUIRE(resolved.has_value());
    CHECK(resolved->kind == LinkKind::post);
    CHECK(resolved->network == "linkedin");
    CHECK(resolved->delivery_id == d->id);
    CHECK_FALSE(f.deliveries.resolve_token("nope").has_value());

    const auto tokens_before = scalar(*f.db, "SELECT COUNT(*) FROM link_tokens");
    // Same content again (another day): nothing written.
    NewDelivery again{a.id, user.id, campaign.id, day(2026, 12, 2), {{"tok-x", 0, "x", LinkKind::post}}};
    CHECK_FALSE(f.deliveries.create(again).has_value());
    // Another content, same campaign, same day: nothing written.
    NewDelivery same_day{b.id, user.id, campaign.id, day(2026, 12, 1), {{"tok-y", 0, "x", LinkKind::post}}};
    CHECK_FALSE(f.deliveries.create(same_day).has_value());
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM link_tokens") == tokens_before);
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM deliveries") == 1);
    // Another day is fine.
    same_day.local_date = day(2026, 12, 2);
    CHECK(f.deliveries.create(same_day).has_value());
}

TEST_CASE("a clashing token rolls back the whole delivery") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto a = f.add_content(campaign.id, "a");
    auto b = f.add_content(campaign.id, "b");
    auto user = f.add_user("u");
    f.deliveries.create({a.id, user.id, campaign.id, day(2026, 12, 1), {{"same", 0, "x", LinkKind::post}}});
    CHECK_THROWS(f.deliveries.create({b.id, user.id, campaign.id, day(2026, 12, 2), {{"same", 0, "x", LinkKind::post}}}));
    CHECK_FALSE(f.deliveries.find_for(user.id, b.id).has_value());
}

TEST_CASE("delivery lookups, sending and retrying") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto user = f.add_user("u");
    auto c1 = f.add_content(campaign.id, "c1");
    auto c2 = f.add_content(campaign.id, "c2");
    auto c3 = f.add_content(campaign.id, "c3");
    auto d1 = f.deliver(c1, user, day(2026, 12, 1));
    auto d2 = f.deliver(c2, user, day(2026, 12, 2));
    auto d3 = f.deliver(c3, user, day(2026, 12, 5));

    CHECK(f.deliveries.find_for(user.id, c2.id)->id == d2.id);
    CHECK_FALSE(f.deliveries.find_for(user.id + 1, c2.id).has_value());
    auto between = f.deliveries.for_user_between(user.id, campaign.id, day(2026, 12, 1), day(2026, 12, 2));
    REQUIRE(between.size() == 2);
    CHECK(between[0].id == d1.id);
    CHECK(between[1].id == d2.id);

    auto ids = [](const std::vector<Delivery>& ds) {
        std::vector<Id> out;
        for (const auto& d : ds) out.push_back(d.id);
        return out;
    };
    CHECK(ids(f.deliveries.unsent(3)) == std::vector<Id>{d1.id, d2.id, d3.id});

    f.deliveries.mark_sent(d1.id, "C1:1700000000.000100", at(77));
    auto sent = *f.deliveries.find(d1.id);
    CHECK(sent.state == DeliveryState::sent);
    CHECK(sent.platform_ref == "C1:1700000000.000100");
    CHECK(sent.sent_at == at(77));
    CHECK(f.deliveries.find_by_platform_ref("C1:1700000000.000100")->id == d1.id);
    CHECK_FALSE(f.deliveries.find_by_platform_ref("").has_value());
    CHECK_FALSE(f.deliveries.find_by_platform_ref("C9:1").has_value());

    f.deliveries.mark_failed(d2.id, "rate limited");
    f.deliveries.mark_failed(d2.id, "rate limited again");
    auto failed = *f.deliveries.find(d2.id);
    CHECK(failed.state == DeliveryState::failed);
    CHECK(failed.attempts == 2);
    CHECK(failed.last_error == "rate limited again");
    CHECK_FALSE(failed.sent_at.has_value());

    CHECK(ids(f.deliveries.unsent(3)) == std::vector<Id>{d2.id, d3.id});
    CHECK(ids(f.deliveries.unsent(2)) == std::vector<Id>{d3.id});  // gave up on d2
}

TEST_CASE("a delivery given up is failed and never offered for sending again") {
    Fixture f;
    const auto d = f.deliver(f.add_content(f.add_campaign().id, "gone"), f.add_user("left"), day(2026, 12, 1));
    REQUIRE(f.deliveries.unsent(5).size() == 1);
    f.deliveries.give_up(d.id, "user_not_found");
    const auto after = f.deliveries.find(d.id);
    REQUIRE(after);
    CHECK(after->state == DeliveryState::failed);
    CHECK(after->last_error == "user_not_found");
    CHECK(f.deliveries.unsent(5).empty());
}

TEST_CASE("several send outcomes are recorded in one transaction") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto c = f.add_content(campaign.id, "c");
    auto sent = f.deliver(c, f.add_user("a"), day(2026, 12, 1));
    auto failed = f.deliver(c, f.add_user("b"), day(2026, 12, 1));
    auto gone = f.deliver(c, f.add_user("c"), day(2026, 12, 1));
    const auto before = f.db->writer_stats().transactions;
    f.deliveries.record({{sent.id, SendOutcome::Kind::sent, "C1:1.2"},
                         {failed.id, SendOutcome::Kind::failed, "timeout"},
                         {gone.id, SendOutcome::Kind::gave_up, "user_not_found"}},
                        at(1'800'000'000));
    CHECK(f.db->writer_stats().transactions == before + 1);
    const auto s = f.deliveries.find(sent.id);
    CHECK(s->state == DeliveryState::sent);
    CHECK(s->platform_ref == "C1:1.2");
    CHECK(s->sent_at == at(1'800'000'000));
    CHECK(f.deliveries.find(failed.id)->attempts == 1);
    CHECK(f.deliveries.find(failed.id)->last_error == "timeout");
    CHECK(f.deliveries.find(gone.id)->last_error == "user_not_found");
    // The transient failure is retried, the permanent one never again.
    const auto unsent = f.deliveries.unsent(5);
    REQUIRE(unsent.size() == 1);
    CHECK(unsent[0].id == failed.id);
    f.deliveries.record({}, at(0));  // nothing to record: no transaction
    CHECK(f.db->writer_stats().transactions == before + 1);
}

TEST_CASE("create_many: each delivery on its own, duplicates skipped, a failure rethrown after the others commit") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto a = f.add_content(campaign.id, "a");
    std::vector<User> users;
    for (const char* name : {"u1", "u2", "u3"}) users.push_back(f.add_user(name));
    const auto made = f.deliveries.create_many(
        {{a.id, users[0].id, campaign.id, day(2026, 12, 1), {{"t1", 0, "x", LinkKind::post}}},
         {a.id, users[1].id, campaign.id, day(2026, 12, 1), {{"t2", 0, "x", LinkKind::post}}},
         {a.id, users[0].id, campaign.id, day(2026, 12, 1), {{"t3", 0, "x", LinkKind::post}}}});  // a duplicate
    REQUIRE(made.size() == 3);
    REQUIRE(made[0].has_value());
    REQUIRE(made[1].has_value());
    CHECK_FALSE(made[2].has_value());
    CHECK(f.deliveries.tokens_for(made[1]->id).at(0).token == "t2");
    // A clashing token fails that delivery alone; the other one of the call is committed.
    auto b = f.add_content(campaign.id, "b");
    CHECK_THROWS(f.deliveries.create_many(
        {{b.id, users[0].id, campaign.id, day(2026, 12, 2), {{"t1", 0, "x", LinkKind::post}}},
         {b.id, users[2].id, campaign.id, day(2026, 12, 2), {{"t4", 0, "x", LinkKind::post}}}}));
    CHECK_FALSE(f.deliveries.find_for(users[0].id, b.id).has_value());
    CHECK(f.deliveries.find_for(users[2].id, b.id).has_value());
    CHECK(scalar(*f.db, "SELECT COUNT(*) FROM deliveries") == 3);
}
