// Command routing: help, refusals, parse errors, and the admin / self-service commands.
#include <catch2/catch.hpp>

#include "storage/audit.hpp"
#include "storage/campaigns.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};

}  // namespace

TEST_CASE("engine commands: a first contact starts with the onboarding message") {
    Harness h;
    const Reply r = h.command(kAlice, "me");
    REQUIRE(r.messages.size() == 2);
    CHECK(r.messages[0].kind == MessageKind::onboarding);
    const std::string text = all_text(r.messages[0]);
    CHECK(text.find("Hi Alice, welcome") != std::string::npos);
    CHECK(text.find("86%") != std::string::npos);
    CHECK(text.find("What I record") != std::string::npos);
    CHECK(text.find("pause") != std::string::npos);
    CHECK(text.find("optout") != std::string::npos);
    // Second contact: no onboarding.
    CHECK(h.command(kAlice, "me").messages.size() == 1);
    // In French for a French locale.
    CHECK(all_text(h.send(kBruno, UserJoined{}).messages.at(0)).find("86 %") != std::string::npos);
    // Platforms report "joined" again (every App Home visit): a known user is not onboarded twice.
    CHECK(h.send(kBruno, UserJoined{}).messages.empty());
}

TEST_CASE("engine commands: help lists admin commands for admins only, one line per command") {
    Harness h;
    h.command(kAdmin, "help");
    h.command(kAlice, "help");
    const std::string admin = answer(h.command(kAdmin, "help"));
    const std::string user = answer(h.command(kAlice, "help"));
    CHECK(admin.find("campaign create \"NAME\" why=\"...\"") != std::string::npos);
    CHECK(admin.find("create a campaign and say why it matters") != std::string::npos);
    CHECK(admin.find("pause [DAYS] - take a break") != std::string::npos);
    CHECK(user.find("campaign create") == std::string::npos);
    CHECK(user.find("For program admins") == std::string::npos);
    CHECK(user.find("pause [DAYS] - take a break, for some days or until you resume") != std::string::npos);
    CHECK(user.find("forget-me - erase everything I know about you") != std::string::npos);
    // Empty command text shows help too.
    CHECK(answer(h.command(kAlice, "")).find("What I can do") != std::string::npos);
    // A topic narrows the list.
    const std::string topic = answer(h.command(kAdmin, "help campaign"));
    CHECK(topic.find("campaign list") != std::string::npos);
    CHECK(topic.find("content add") == std::string::npos);
}

TEST_CASE("engine commands: admin commands from non-admins are politely refused and change nothing") {
    Harness h;
    h.command(kAlice, "help");
    const Reply r = h.command(kAlice, "campaign create \"Mine\" why=\"x\"");
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].ephemeral);
    CHECK(answer(r) == "Sorry, campaign create is for program admins. Type help to see what you can do.\n");
    CHECK(storage::Campaigns(*h.db).in_workspace(1).empty());
    CHECK(answer(h.command(kBruno, "stats")).find("Désolé, stats est réservé") != std::string::npos);
}

TEST_CASE("engine commands: malformed commands get one localized line plus the usage") {
    Harness h;
    h.command(kAdmin, "help");
    h.command(kBruno, "aide");
    CHECK(answer(h.command(kAdmin, "campaign create \"Spring")).starts_with(
        "The quote opened at column 17 is never closed.\nUsage: campaign create \"NAME\""));
    CHECK(answer(h.command(kAdmin, "campaign create \"Spring\"")) ==
          "why= is required.\n"
          "Usage: campaign create \"NAME\" why=\"...\" [audience=all|#channel|group:NAME] [start=YYYY-MM-DD] "
          "[end=YYYY-MM-DD]\n");
    CHECK(answer(h.command(kAdmin, "campaign show abc")) ==
          "\"abc\" is not valid: expected a number like 12.\nUsage: campaign show ID\n");
    CHECK(answer(h.command(kAdmin, "campaign show")) == "ID is missing.\nUsage: campaign show ID\n");
    CHECK(answer(h.command(kAdmin, "campaign list extra")) ==
          "I did not expect \"extra\" here.\nUsage: campaign list\n");
    CHECK(answer(h.command(kAdmin, "schedule daily=25:00")).find("expected a time like 09:30") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "schedule colour=blue")).find("colour= is not an option of this command.") !=
          std::string::npos);
    CHECK(answer(h.command(kAdmin, "frequency hourly")).find("expected one of: daily, weekly") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campain list")).find("I don't know the command \"campain") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign")).find("Did you mean: campaign create, campaign list") !=
          std::string::npos);
    // In French.
    CHECK(answer(h.command(kBruno, "pause abc")).find("il faut un nombre de jours entier") != std::string::npos);
    CHECK(answer(h.command(kBruno, "pause abc")).find("Utilisation : pause [DAYS]") != std::string::npos);
}

TEST_CASE("engine commands: campaign lifecycle with an audit trail") {
    Harness h;
    const long id = create_campaign(h, "\"Spring launch\" why=\"New product\" start=2026-10-01 end=2026-12-31");
    REQUIRE(id > 0);
    CHECK(answer(h.command(kAdmin, "campaign create \"Bad\" why=\"x\" start=2026-12-01 end=2026-11-01"))
              .find("The end date is before the start date.") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign list")).find("#1 Spring launch - active - audience all") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign pause 1")).find("is paused") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign show 1")).find("Status: paused") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign resume 1")).find("active again") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign archive 1")).find("archived") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign resume 1")).find("cannot change any more") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "campaign show 99")) == "I can't find campaign #99 in this workspace.\n");

    const auto entries = storage::AuditLog(*h.db).recent(1, 10);
    std::vector<std::string> actions;
    for (const auto& e : entries) actions.push_back(e.action);
    CHECK(std::find(actions.begin(), actions.end(), "campaign.create") != actions.end());
    CHECK(std::find(actions.begin(), actions.end(), "campaign.pause") != actions.end());
    CHECK(std::find(actions.begin(), actions.end(), "campaign.archive") != actions.end());
}

TEST_CASE("engine commands: content add validates, lists and removes") {
    Harness h;
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    CHECK(answer(h.command(kAdmin, "content add 1 ftp://example.com/x title=\"T\" why=\"w\" text=\"t\"")).find("expected") !=
          std::string::npos);
    const long content = add_content(h, campaign, "https://example.com/x title=\"Title\" why=\"w\" text=\"t\" on=2026-11-02");
    REQUIRE(content > 0);
    CHECK(answer(h.command(kAdmin, "content list 1")).find("#1 Title - published - on 2026-11-02") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "content remove 1")).find("removed") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "content list 1")) == "No content in this campaign yet.\n");
    CHECK(answer(h.command(kAdmin, "content add 7 https://example.com/x title=\"T\" why=\"w\" text=\"t\"")) ==
          "I can't find campaign #7 in this workspace.\n");
}

TEST_CASE("engine commands: content add and suggest take a language, shown by content list") {
    Harness h;
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    REQUIRE(add_content(h, campaign, "https://example.com/fr title=\"Webinaire\" why=\"w\" text=\"t\" lang=fr") == 1);
    REQUIRE(add_content(h, campaign, "https://example.com/any title=\"Anyone\" why=\"w\" text=\"t\"") == 2);
    const std::string bad = answer(h.command(kAdmin, "content add 1 https://example.com/de title=T why=w text=t lang=de"));
    CHECK(bad.find("lang=de") != std::string::npos);
    CHECK(bad.find("[lang=en|fr]") != std::string::npos);  // the usage line
    h.command(kAlice, "suggest https://example.com/en-idea lang=en");
    storage::Contents contents(*h.db);
    CHECK(contents.find(1)->lang == "fr");
    CHECK(contents.find(2)->lang.empty());
    CHECK(contents.find(3)->lang == "en");
    CHECK_FALSE(contents.find(4).has_value());  // the bad one was not added
    const std::string list = answer(h.command(kAdmin, "content list 1"));
    CHECK(list.find("#1 Webinaire [fr] - published") != std::string::npos);
    CHECK(list.find("#2 Anyone - published") != std::string::npos);
    CHECK(list.find("#3 https://example.com/en-idea [en] - waiting for review") != std::string::npos);
}

TEST_CASE("engine commands: suggestions go to admins, approve publishes and tells the author") {
    Harness h;
    h.command(kAdmin, "help");
    CHECK(answer(h.command(kAlice, "suggest https://example.com/idea")).find("no active campaign") != std::string::npos);
    create_campaign(h, "\"Old\" why=\"x\"");
    create_campaign(h, "\"Newest\" why=\"y\"");
    const Reply r = h.command(kAlice, "suggest https://example.com/idea why=\"Great read\"");
    CHECK(answer(r).find("Your suggestion for \"Newest\"") != std::string::npos);
    REQUIRE(r.notifications.size() == 1);
    CHECK(r.notifications[0].to.conversation_id == "dm-admin");
    CHECK(all_text(r.notifications[0].message).find("content approve 1") != std::string::npos);

    const std::string pending = answer(h.command(kAdmin, "content pending"));
    CHECK(pending.find("#1 https://example.com/idea - suggested by Alice - why: Great read") != std::string::npos);

    const Reply approved = h.command(kAdmin, "content approve 1");
    CHECK(answer(approved).find("Content #1 is published in \"Newest\"") != std::string::npos);
    REQUIRE(approved.notifications.size() == 1);
    CHECK(approved.notifications[0].to.conversation_id == "dm-alice");
    CHECK(all_text(approved.notifications[0].message).find("Good news") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "content approve 1")) == "Content #1 is not waiting for review.\n");
    CHECK(answer(h.command(kAdmin, "content pending")) == "No suggestion waiting for review.\n");

    h.command(kAlice, "suggest https://example.com/other");
    const Reply rejected = h.command(kAdmin, "content reject 2");
    CHECK(answer(rejected).find("set aside") != std::string::npos);
    REQUIRE(rejected.notifications.size() == 1);
    CHECK(all_text(rejected.notifications[0].message).find("keep the ideas coming") != std::string::npos);
}

TEST_CASE("engine commands: schedule shows and changes the effective schedule") {
    Harness h;
    CHECK(answer(h.command(kAdmin, "schedule")) ==
          "Pushes at 09:00 (Europe/Paris) on mon-fri; leaderboard on fri 16:00.\n");
    CHECK(answer(h.command(kAdmin, "schedule daily=10:30 tz=America/New_York days=mon,wed,fri leaderboard=\"thu 15:00\"")) ==
          "Schedule updated.\nPushes at 10:30 (America/New_York) on mon,wed,fri; leaderboard on thu 15:00.\n");
    CHECK(answer(h.command(kAdmin, "schedule")).find("10:30") != std::string::npos);
}

TEST_CASE("engine commands: admins and groups") {
    Harness h;
    h.command(kAlice, "help");
    CHECK(answer(h.command(kAdmin, "admins add @nobody")) == "I haven't met nobody yet: ask them to say hello to me first.\n");
    CHECK(answer(h.command(kAdmin, "admins remove @admin")) ==
          "The program needs at least one admin: add another admin first.\n");
    CHECK(answer(h.command(kAdmin, "admins add @alice")) == "Alice is now a program admin.\n");
    CHECK(answer(h.command(kAlice, "admins list")).find("- Alice") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "admins remove @alice")) == "Alice is no longer a program admin.\n");
    CHECK(answer(h.command(kAlice, "admins list")).find("Sorry") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "group set @alice Sales")) == "Alice is now in team Sales.\n");
    CHECK(answer(h.command(kAlice, "me")).find("Team: Sales") != std::string::npos);
}

TEST_CASE("engine commands: self-service preferences") {
    Harness h;  // Monday 2026-10-26
    h.command(kAlice, "help");
    CHECK(answer(h.command(kAlice, "pause 3")) == "Paused until Thu 29 October. Type resume to come back earlier.\n");
    CHECK(answer(h.command(kAlice, "me")).find("Paused until Thu 29 October.") != std::string::npos);
    CHECK(answer(h.command(kAlice, "pause")).find("Paused. Take all the time you need") != std::string::npos);
    CHECK(answer(h.command(kAlice, "resume")).find("Welcome back") != std::string::npos);
    CHECK(answer(h.command(kAlice, "frequency weekly")).find("at most one message per campaign each week") !=
          std::string::npos);
    CHECK(answer(h.command(kAlice, "me")).find("once a week") != std::string::npos);
    CHECK(answer(h.command(kAlice, "optout")).find("won't be named") != std::string::npos);
    CHECK(answer(h.command(kAlice, "me")).find("hidden from the leaderboard") != std::string::npos);
    CHECK(answer(h.command(kAlice, "optin")).find("back on the leaderboard") != std::string::npos);
    const std::string tips = answer(h.command(kAlice, "tips"));
    CHECK(tips.find("Three tips") != std::string::npos);
    CHECK(std::count(tips.begin(), tips.end(), '\n') == 4);
}

TEST_CASE("engine commands: forget-me erases and says what") {
    Harness h;
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    add_content(h, campaign, "https://example.com/x title=\"T\" why=\"w\" text=\"t\"");
    h.text(kAlice, "hi");
    h.run_until(utc(2026, 10, 26, 8, 40));
    h.click(kAlice, "advocacy_shared", "1");
    const std::string text = answer(h.command(kAlice, "forget-me"));
    CHECK(text.find("I erased your profile, 1 deliveries, 1 interactions, 1 points entries and 0 pending suggestions") !=
          std::string::npos);
    // Talking again starts afresh (onboarding again).
    CHECK(h.command(kAlice, "me").messages.at(0).kind == MessageKind::onboarding);
}

TEST_CASE("engine commands: stats show the funnel") {
    Harness h;
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    add_content(h, campaign, "https://example.com/x title=\"T\" why=\"w\" text=\"t\"");
    h.text(kAlice, "hi");
    h.text(kBruno, "salut");
    h.run_until(utc(2026, 10, 26, 8, 40));
    h.click(kAlice, "advocacy_why", "1");
    h.click(kAlice, "advocacy_shared", "1");
    const std::string week = answer(h.command(kAdmin, "stats 1 week"));
    CHECK(week.find("Stats - Launch, this week") != std::string::npos);
    CHECK(week.find("Delivered: 3") != std::string::npos);  // admin, Alice, Bruno
    CHECK(week.find("3 delivered -> 1 why -> 0 share clicks -> 1 shared -> 0 post clicks; 1 advocates") !=
          std::string::npos);
    CHECK(answer(h.command(kAdmin, "stats")).find("all campaigns, this week") != std::string::npos);
    CHECK(answer(h.command(kAdmin, "stats all")).find("since the start") != std::string::npos);
}
