#include <catch2/catch.hpp>

#include <tuple>

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

    CHECK_FALSE(f.contents.next_for(campaign.id, user.id, today, "en").has_value());

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

    CHECK(f.contents.next_for(campaign.id, user.id, today, "en")->id == todays.id);
    f.deliver(todays, user, today);
    CHECK(f.contents.next_for(campaign.id, user.id, today, "en")->id == old_unscheduled.id);
    f.deliver(old_unscheduled, user, day(2026, 12, 3));
    CHECK(f.contents.next_for(campaign.id, user.id, today, "en")->id == past.id);
    f.deliver(past, user, day(2026, 12, 4));
    CHECK_FALSE(f.contents.next_for(campaign.id, user.id, today, "en").has_value());  // future not yet, expired never
    CHECK(f.contents.next_for(campaign.id, user.id, day(2026, 12, 5), "en")->id == future.id);
    // Another user's deliveries do not count.
    CHECK(f.contents.next_for(campaign.id, other.id, today, "fr")->id == todays.id);
    // Expiring on the day itself: still eligible that day, not the day after.
    auto short_lived = f.add_campaign("short");
    NewContent last_day;
    last_day.campaign_id = short_lived.id;
    last_day.title = "last day";
    last_day.url = "https://example.com/last";
    last_day.expires_on = day(2026, 12, 1);
    f.contents.add(last_day, at(1));
    CHECK(f.contents.next_for(short_lived.id, other.id, day(2026, 12, 1), "en")->title == "last day");
    CHECK_FALSE(f.contents.next_for(short_lived.id, other.id, day(2026, 12, 2), "en").has_value());
}

namespace {
Content add_in(Fixture& f, Id campaign_id, const std::string& title, const std::string& lang,
               std::optional<Date> scheduled = std::nullopt, std::optional<Date> expires = std::nullopt) {
    NewContent n;
    n.campaign_id = campaign_id;
    n.title = title;
    n.url = "https://example.com/" + title;
    n.lang = lang;
    n.scheduled_on = scheduled;
    n.expires_on = expires;
    return f.contents.add(n, at(1'700'000'000));
}
}  // namespace

TEST_CASE("content items keep their language (en, fr or none); another language is refused by the schema") {
    Fixture f;
    auto campaign = f.add_campaign();
    const auto fr = add_in(f, campaign.id, "fr", "fr");
    const auto any = add_in(f, campaign.id, "any", "");
    CHECK(fr.lang == "fr");
    CHECK(f.contents.find(fr.id)->lang == "fr");
    CHECK(f.contents.find(any.id)->lang.empty());
    const auto listed = f.contents.in_campaign(campaign.id);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].lang == "fr");
    CHECK(listed[1].lang.empty());
    CHECK_THROWS(add_in(f, campaign.id, "de", "de"));
    CHECK(f.contents.in_campaign(campaign.id).size() == 2);
}

TEST_CASE("next_for: the user's language or no language first, oldest first, then the other language") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto fr_user = f.add_user("amelie");
    auto en_user = f.add_user("lukas");
    const Date today = day(2026, 12, 2);

    add_in(f, campaign.id, "en-old", "en");
    add_in(f, campaign.id, "any", "");
    add_in(f, campaign.id, "fr-past", "fr", day(2026, 11, 20));
    add_in(f, campaign.id, "fr-new", "fr");
    add_in(f, campaign.id, "fr-future", "fr", day(2026, 12, 10));                // not yet
    add_in(f, campaign.id, "fr-expired", "fr", std::nullopt, day(2026, 12, 1));  // never again
    f.contents.set_status(add_in(f, campaign.id, "fr-pending", "fr").id, ContentStatus::pending);

    // French: no-language and French items by age, then the English one rather than nothing.
    std::vector<std::string> fr_order;
    std::vector<std::string> en_order;
    int n = 0;
    for (auto [user, order, lang] : {std::tuple{fr_user, &fr_order, "fr"}, std::tuple{en_user, &en_order, "en"}}) {
        while (auto next = f.contents.next_for(campaign.id, user.id, today, lang)) {
            order->push_back(next->title);
            f.deliver(*next, user, day(2026, 12, static_cast<unsigned>(3 + n++)));
            REQUIRE(order->size() < 10);
        }
    }
    CHECK(fr_order == std::vector<std::string>{"any", "fr-past", "fr-new", "en-old"});
    CHECK(en_order == std::vector<std::string>{"en-old", "any", "fr-past", "fr-new"});

    // No language known: items without a language first, then the rest by age.
    auto nobody = f.add_user("nobody");
    CHECK(f.contents.next_for(campaign.id, nobody.id, today, "")->title == "any");
}

TEST_CASE("next_for: an item scheduled for the day wins over the user's language") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto fr_user = f.add_user("amelie");
    const Date today = day(2026, 12, 2);
    add_in(f, campaign.id, "fr", "fr");
    add_in(f, campaign.id, "en-today", "en", today);
    CHECK(f.contents.next_for(campaign.id, fr_user.id, today, "fr")->title == "en-today");
    // The next day it is just an older English item: French first.
    CHECK(f.contents.next_for(campaign.id, fr_user.id, day(2026, 12, 3), "fr")->title == "fr");
}

TEST_CASE("next_for: only the other language left, the user still gets it") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto fr_user = f.add_user("amelie");
    const Date today = day(2026, 12, 2);
    const auto fr = add_in(f, campaign.id, "fr", "fr");
    f.deliver(fr, fr_user, day(2026, 12, 1));
    CHECK_FALSE(f.contents.next_for(campaign.id, fr_user.id, today, "fr").has_value());
    add_in(f, campaign.id, "en", "en");
    CHECK(f.contents.next_for(campaign.id, fr_user.id, today, "fr")->title == "en");
}
