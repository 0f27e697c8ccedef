// Each kind of malformed command, rendered exactly: one localized line, then the command's usage.
#include <catch2/catch.hpp>

#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};

}  // namespace

TEST_CASE("engine errors: every parse error code, in English") {
    Harness h;
    const std::string schedule_usage =
        "Usage: schedule [daily=HH:MM] [tz=Area/City] [days=mon-fri] [leaderboard=\"fri 16:00\"]\n";
    const std::pair<std::string, std::string> cases[] = {
        {"campaign show", "ID is missing.\nUsage: campaign show ID\n"},
        {"campaign show 1 2", "I did not expect \"2\" here.\nUsage: campaign show ID\n"},
        {"schedule colour=blue", "colour= is not an option of this command.\n" + schedule_usage},
        {"schedule daily=09:00 daily=10:00", "daily= is given twice.\n" + schedule_usage},
        {"schedule tz=Mars/Base", "\"tz=Mars/Base\" is not valid: expected a time zone like Europe/Paris.\n" + schedule_usage},
        {"schedule days=someday", "\"days=someday\" is not valid: expected days like mon-fri or mon,wed,fri.\n" + schedule_usage},
        {"campaign create \"X\" why=\"a\\qb\"", "Unexpected backslash at column 27: only \\\" and \\\\ can be escaped.\n"
                                              "Usage: campaign create \"NAME\" why=\"...\" [audience=all|#channel|group:NAME] "
                                              "[start=YYYY-MM-DD] [end=YYYY-MM-DD]\n"},
        {"stats 1 year", "\"year\" is not valid: expected one of: week, month, all.\n"
                         "Usage: stats [CAMPAIGN_ID] [week|month|all]\n"},
        {"frobnicate", "I don't know the command \"frobnicate\". Type help for the list of commands.\n"},
        {std::string(9000, 'a'), "That is too long: at most 8000 characters.\n"},
    };
    for (const auto& [input, expected] : cases) {
        INFO(input.substr(0, 60));
        const Reply r = h.command(kAdmin, input);
        CHECK(answer(r) == expected);
        for (const auto& m : r.messages)
            if (m.kind != MessageKind::onboarding) CHECK(m.ephemeral);
    }
}

TEST_CASE("engine errors: in French") {
    Harness h;
    h.command(kBruno, "aide");
    CHECK(answer(h.command(kBruno, "frequency")) == "Il manque daily|weekly.\nUtilisation : frequency daily|weekly\n");
    CHECK(answer(h.command(kBruno, "suggest ftp://x")) ==
          "« ftp://x » n'est pas valide : il faut une adresse web commençant par http:// ou https://.\n"
          "Utilisation : suggest URL [why=\"...\"] [lang=en|fr]\n");
    CHECK(answer(h.command(kBruno, "why \"abc")).starts_with("Les guillemets ouverts en colonne 5 ne sont jamais fermés."));
}
