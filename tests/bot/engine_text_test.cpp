// Free text to the bot: command words first (Teams users type the same words), then intents in EN and FR.
#include <catch2/catch.hpp>

#include "storage/users.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};

struct TextFixture {
    Harness h;
    TextFixture() {
        h.text(kAlice, "hi");
        h.text(kBruno, "salut");
    }
    storage::User user(const std::string& id) { return *h.users().find_by_platform_id(1, id); }
};

}  // namespace

TEST_CASE("engine text: command words typed to the bot run like the slash command, with or without its name") {
    TextFixture f;
    CHECK(answer(f.h.text(kAdmin, "campaign list")).find("No campaign yet") != std::string::npos);
    CHECK(answer(f.h.text(kAdmin, "/advocacy campaign list")).find("No campaign yet") != std::string::npos);
    CHECK(answer(f.h.text(kAdmin, "advocacy campaign list")).find("No campaign yet") != std::string::npos);
    CHECK(answer(f.h.text(kAlice, "campaign list")).find("Sorry, campaign list is for program admins") !=
          std::string::npos);
    // A known command with a mistake: its error and usage.
    CHECK(answer(f.h.text(kAdmin, "campaign show x")).find("Usage: campaign show ID") != std::string::npos);
    // An empty text after the command name shows help.
    CHECK(answer(f.h.text(kAlice, "/advocacy")).find("What I can do") != std::string::npos);
}

TEST_CASE("engine text: intents in English and French get the right answers") {
    TextFixture f;
    CHECK(answer(f.h.text(kAlice, "Why should I share this?")).find("I haven't sent you anything yet") !=
          std::string::npos);
    CHECK(answer(f.h.text(kBruno, "pourquoi ?")).find("Je ne vous ai encore rien envoyé") != std::string::npos);
    CHECK(answer(f.h.text(kAlice, "my stats")).find("Your advocacy") != std::string::npos);
    CHECK(answer(f.h.text(kBruno, "mes stats")).find("Votre engagement") != std::string::npos);
    CHECK(answer(f.h.text(kAlice, "aide")).find("What I can do") != std::string::npos);
    CHECK(answer(f.h.text(kBruno, "astuces")).find("Trois astuces") != std::string::npos);
    CHECK(answer(f.h.text(kAlice, "leaderboard")).find("This week's advocates") != std::string::npos);
    CHECK(answer(f.h.text(kAlice, "hello")).find("Hello Alice!") != std::string::npos);
    CHECK(answer(f.h.text(kBruno, "bonjour")).find("Bonjour Bruno !") != std::string::npos);

    CHECK(answer(f.h.text(kBruno, "arrête")).find("En pause") != std::string::npos);
    CHECK(f.user("bruno").paused_indefinitely);
    CHECK(answer(f.h.text(kAlice, "stop")).find("Paused") != std::string::npos);
    CHECK(f.user("alice").paused_indefinitely);
    CHECK(answer(f.h.text(kAlice, "resume")).find("Welcome back") != std::string::npos);
    CHECK_FALSE(f.user("alice").paused_indefinitely);
}

TEST_CASE("engine text: anything else gets the short hint, never silence") {
    TextFixture f;
    CHECK(answer(f.h.text(kAlice, "the weather is nice")) == "I did not get that. Try why, me, tips or help.\n");
    CHECK(answer(f.h.text(kBruno, "il fait beau")) ==
          "Je n'ai pas compris. Essayez pourquoi, moi, astuces ou aide.\n");
}

TEST_CASE("engine text: the sender is upserted with normalised locale, zone, DM and bootstrap admin") {
    Harness h;
    Person p{"zoe", "Zoé", "fr-CA", "America/New_York"};
    h.text(p, "hi");
    auto zoe = *h.users().find_by_platform_id(1, "zoe");
    CHECK(zoe.locale == "fr");
    CHECK(zoe.time_zone == "America/New_York");
    CHECK(zoe.dm_conversation == "dm-zoe");
    CHECK_FALSE(zoe.is_admin);
    h.text(kAdmin, "hi");
    CHECK(h.users().find_by_platform_id(1, "admin")->is_admin);
    // An unknown zone name is not stored.
    h.text(Person{"yann", "Yann", "en", "Mars/Olympus"}, "hi");
    CHECK(h.users().find_by_platform_id(1, "yann")->time_zone.empty());
}

TEST_CASE("engine text: the slash command understands the same everyday words") {
    TextFixture f;
    CHECK(answer(f.h.command(kBruno, "aide")).find("Ce que je sais faire") != std::string::npos);
    CHECK(answer(f.h.command(kBruno, "moi")).find("Votre engagement") != std::string::npos);
    CHECK(answer(f.h.command(kAlice, "why should I share this")).find("I haven't sent you anything yet") !=
          std::string::npos);
    CHECK(answer(f.h.command(kAlice, "frobnicate")) ==
          "I don't know the command \"frobnicate\". Type help for the list of commands.\n");
}

TEST_CASE("engine text: a command with a mistake is explained, not guessed") {
    TextFixture f;
    const std::string text = answer(f.h.text(kAlice, "pause 3 days"));
    CHECK(text.find("I did not expect \"days\" here.") != std::string::npos);
    CHECK(text.find("Usage: pause [DAYS]") != std::string::npos);
    CHECK_FALSE(f.user("alice").paused_indefinitely);
    CHECK_FALSE(f.user("alice").paused_until);
    // A sentence that reads as an intent is answered as one.
    CHECK(answer(f.h.text(kAlice, "pause for a while please")).find("Paused.") != std::string::npos);
    CHECK(f.user("alice").paused_indefinitely);
}
