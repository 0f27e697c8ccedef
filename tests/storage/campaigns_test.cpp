#include <catch2/catch.hpp>

#include "storage/slug.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

TEST_CASE("slugs: lowercase ascii and digits, dashes for the rest, trimmed, 48 chars, never empty") {
    CHECK(slugify("Q4 Launch: Product X!") == "q4-launch-product-x");
    CHECK(slugify("  --Hello__World--  ") == "hello-world");
    CHECK(slugify("Été 2026 à Paris") == "t-2026-paris");
    CHECK(slugify("!!!") == "campaign");
    CHECK(slugify("") == "campaign");
    const std::string long_name(60, 'a');
    CHECK(slugify(long_name).size() == 48);
    CHECK(slugify(std::string(47, 'a') + " b").size() == 47);  // no trailing dash after truncation
    CHECK(slug_with_suffix("launch", 1) == "launch");
    CHECK(slug_with_suffix("launch", 3) == "launch-3");
    CHECK(slug_with_suffix(std::string(48, 'a'), 12) == std::string(45, 'a') + "-12");
}

TEST_CASE("campaigns get unique slugs per workspace") {
    Fixture f;
    auto first = f.add_campaign("Spring Launch");
    auto second = f.add_campaign("spring launch!");
    auto third = f.add_campaign("Spring -- Launch");
    CHECK(first.slug == "spring-launch");
    CHECK(second.slug == "spring-launch-2");
    CHECK(third.slug == "spring-launch-3");
    const Id other = f.users.ensure_workspace("teams", "X");
    CHECK(f.add_campaign("Spring Launch", other).slug == "spring-launch");
    CHECK(f.add_campaign("???").slug == "campaign");
}

TEST_CASE("campaign create, find, list, status, running_on") {
    Fixture f;
    auto admin = f.add_user("admin");
    NewCampaign n;
    n.workspace_id = f.workspace;
    n.name = "Winter";
    n.why = "Because winter";
    n.audience = "group:sales";
    n.start_date = day(2026, 12, 1);
    n.end_date = day(2026, 12, 31);
    n.created_by = admin.id;
    auto winter = f.campaigns.create(n, at(100));
    CHECK(winter.status == CampaignStatus::active);
    auto found = *f.campaigns.find(winter.id);
    CHECK(found.name == "Winter");
    CHECK(found.why == "Because winter");
    CHECK(found.audience == "group:sales");
    CHECK(found.start_date == day(2026, 12, 1));
    CHECK(found.end_date == day(2026, 12, 31));
    CHECK(found.created_by == admin.id);
    CHECK(found.created_at == at(100));
    CHECK_FALSE(f.campaigns.find(999).has_value());

    NewCampaign open_ended;
    open_ended.workspace_id = f.workspace;
    open_ended.name = "Always";
    auto always = f.campaigns.create(open_ended, at(200));
    CHECK(always.created_by == 0);
    CHECK(f.campaigns.find(always.id)->created_by == 0);

    auto listed = f.campaigns.in_workspace(f.workspace);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == always.id);  // newest first

    auto running = [&](Date d) {
        std::vector<Id> ids;
        for (const auto& c : f.campaigns.running_on(f.workspace, d)) ids.push_back(c.id);
        return ids;
    };
    CHECK(running(day(2026, 11, 30)) == std::vector<Id>{always.id});
    CHECK(running(day(2026, 12, 1)) == std::vector<Id>{winter.id, always.id});
    CHECK(running(day(2026, 12, 31)) == std::vector<Id>{winter.id, always.id});
    CHECK(running(day(2027, 1, 1)) == std::vector<Id>{always.id});

    f.campaigns.set_status(always.id, CampaignStatus::paused);
    CHECK(f.campaigns.find(always.id)->status == CampaignStatus::paused);
    CHECK(running(day(2026, 12, 15)) == std::vector<Id>{winter.id});
    f.campaigns.set_status(winter.id, CampaignStatus::archived);
    CHECK(running(day(2026, 12, 15)).empty());
    CHECK(f.campaigns.in_workspace(f.workspace).size() == 2);  // archived still listed
}

TEST_CASE("content items with network texts, queue order, suggestions") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto employee = f.add_user("emp");
    NewContent n;
    n.campaign_id = campaign.id;
    n.title = "Post";
    n.url = "https://example.com/post?a=1";
    n.summary = "sum";
    n.why = "why";
    n.suggested_text = "Look at this";
    n.network_texts = {{"x", "short"}, {"linkedin", "longer text"}};
    n.scheduled_on = day(2026, 12, 3);
    n.expires_on = day(2026, 12, 10);
    auto added = f.contents.add(n, at(5));
    auto found = *f.contents.find(added.id);
    CHECK(found.title == "Post");
    CHECK(found.url == "https://example.com/post?a=1");
    CHECK(found.summary == "sum");
    CHECK(found.why == "why");
    CHECK(found.suggested_text == "Look at this");
    REQUIRE(found.network_texts.size() == 2);
    CHECK(found.network_texts[0].network == "x");  // given order kept
    CHECK(found.network_texts[1].text == "longer text");
    CHECK(found.scheduled_on == day(2026, 12, 3));
    CHECK(found.expires_on == day(2026, 12, 10));
    CHECK(found.status == ContentStatus::published);
    CHECK_FALSE(found.suggested_by.has_value());
    CHECK(found.created_at == at(5));
    CHECK_FALSE(f.contents.find(424242).has_value());

    auto early = f.add_content(campaign.id, "early", day(2026, 12, 1));
    auto unscheduled = f.add_content(campaign.id, "unscheduled");
    auto suggestion = f.add_content(campaign.id, "suggested", std::nullopt, ContentStatus::pending, employee.id);
    auto rejected = f.add_content(campaign.id, "rejected", std::nullopt, ContentStatus::rejected);

    std::vector<Id> queue;
    for (const auto& c : f.contents.in_campaign(campaign.id)) queue.push_back(c.id);
    CHECK(queue == std::vector<Id>{early.id, added.id, unscheduled.id, suggestion.id});

    auto pending = f.contents.pending(f.workspace);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].suggested_by == employee.id);
    CHECK(f.contents.pending(f.users.ensure_workspace("teams", "other")).empty());

    f.contents.set_status(suggestion.id, ContentStatus::published);
    CHECK(f.contents.pending(f.workspace).empty());
    CHECK(f.contents.find(suggestion.id)->status == ContentStatus::published);
    (void)rejected;
}

TEST_CASE("next_for: today's scheduled item first, else the oldest eligible never delivered") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto user = f.add_user("u");
    auto other = f.add_user("other");
    const Date today = day(2026, 12, 2);

    CHECK_FALSE(f.contents.next_for(campaign.id, user.id, today).has_value());

    auto old_unscheduled = f.add_content(campaign.id, "old");
    auto future = f.add_content(campaign.id, "future", day(2026, 12, 5));
    auto past = f.add_content(campaign.id, "past", day(2026, 11, 20));
    auto todays = f.add_content(campaign.id, "today", today);
    NewContent expired_n;
    expired_n.campaign_id = campaign.id;
    expired_n.title = "expired";
    expired_n.url = "https://example.com/expired";
    expired_n.expires_on = day(2026, 12, 1);
    f.contents.add(expired_n, at(1));
    f.add_content(campaign.id, "pending", std::nullopt, ContentStatus::pending);
    f.add_content(campaign.id, "removed", std::nullopt, ContentStatus::removed);

    CHECK(f.contents.next_for(campaign.id, user.id, today)->id == todays.id);
    f.deliver(todays, user, today);
    CHECK(f.contents.next_for(campaign.id, user.id, today)->id == old_unscheduled.id);
    f.deliver(old_unscheduled, user, day(2026, 12, 3));
    CHECK(f.contents.next_for(campaign.id, user.id, today)->id == past.id);
    f.deliver(past, user, day(2026, 12, 4));
    CHECK_FALSE(f.contents.next_for(campaign.id, user.id, today).has_value());  // future not yet, expired never
    CHECK(f.contents.next_for(campaign.id, user.id, day(2026, 12, 5))->id == future.id);
    // Another user's deliveries do not count.
    CHECK(f.contents.next_for(campaign.id, other.id, today)->id == todays.id);
    // Expiring on the day itself: still eligible that day, not the day after.
    auto short_lived = f.add_campaign("short");
    NewContent last_day;
    last_day.campaign_id = short_lived.id;
    last_day.title = "last day";
    last_day.url = "https://example.com/last";
    last_day.expires_on = day(2026, 12, 1);
    f.contents.add(last_day, at(1));
    CHECK(f.contents.next_for(short_lived.id, other.id, day(2026, 12, 1))->title == "last day");
    CHECK_FALSE(f.contents.next_for(short_lived.id, other.id, day(2026, 12, 2)).has_value());
}
