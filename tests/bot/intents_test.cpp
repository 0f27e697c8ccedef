#include "bot/intents.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using advocacy::Intent;

namespace {

const char* name(Intent i) {
    switch (i) {
        case Intent::why: return "why";
        case Intent::help: return "help";
        case Intent::my_stats: return "my_stats";
        case Intent::pause: return "pause";
        case Intent::stop: return "stop";
        case Intent::resume: return "resume";
        case Intent::tips: return "tips";
        case Intent::leaderboard: return "leaderboard";
        case Intent::greeting: return "greeting";
        case Intent::unknown: return "unknown";
    }
    return "?";
}

void expect(Intent intent, std::initializer_list<const char*> texts) {
    for (const char* text : texts) {
        INFO("\"" << text << "\" expected " << name(intent) << ", got " << name(advocacy::match_intent(text)));
        CHECK(advocacy::match_intent(text) == intent);
    }
}

}  // namespace

TEST_CASE("why", "[intents]") {
    expect(Intent::why, {"why", "why?", "Why?", "WHY", "Why should I share this?", "why share", "why share this",
                         "what's the point", "What’s the point?", "whats the point", "what is the point of this",
                         "pourquoi", "pourquoi ?", "Pourquoi ?", "pourquoi partager ça ?", "pourquoi partager ca",
                         "pourquoi je partagerais ça", "Pourquoi je partagerais ça ?!", "à quoi bon ?",
                         "quel intérêt ?", "*why*", "  why   ", "hi, why should I share this?"});
}

TEST_CASE("help", "[intents]") {
    expect(Intent::help, {"help", "Help!", "help me", "HELP please", "aide", "Aide !", "aide-moi", "aidez-moi",
                          "au secours", "Au secours !", "?", "??", " ? ", "what can you do?", "commandes",
                          "comment ça marche ?"});
}

TEST_CASE("my stats", "[intents]") {
    expect(Intent::my_stats, {"my stats", "My Stats", "me", "Me!", "moi", "mes stats", "mes points", "my points",
                              "score", "my score?", "how am I doing", "How am I doing?", "stats please",
                              "mes statistiques", "où j'en suis ?", "salut, mes stats ?"});
}

TEST_CASE("pause", "[intents]") {
    expect(Intent::pause, {"pause", "Pause", "pause please", "please pause", "mets en pause", "snooze",
                           "faire une pause"});
}

TEST_CASE("stop", "[intents]") {
    expect(Intent::stop, {"stop", "STOP", "Stop!", "arrête", "Arrête !", "arrete", "ARRÊTE", "arrêtez",
                          "stop sending",
                          "stop sending me tips", "ne plus recevoir", "je ne veux plus recevoir ces messages",
                          "unsubscribe", "désabonner", "désabonnez-moi", "me désinscrire", "opt out"});
}

TEST_CASE("resume", "[intents]") {
    expect(Intent::resume, {"resume", "Resume please", "reprendre", "reprends", "on reprend ?", "unpause", "restart"});
}

TEST_CASE("tips", "[intents]") {
    expect(Intent::tips, {"tips", "Tips?", "a tip", "astuces", "une astuce", "conseils", "des conseils ?",
                          "any advice?", "how do I share"});
}

TEST_CASE("leaderboard", "[intents]") {
    expect(Intent::leaderboard, {"leaderboard", "the leaderboard please", "classement", "Le classement ?",
                                 "ranking", "palmarès"});
}

TEST_CASE("greeting", "[intents]") {
    expect(Intent::greeting, {"hello", "Hello!", "hi", "Hi there", "hey", "bonjour", "Bonjour !", "salut",
                              "Salut :wave:", "coucou", "good morning"});
}

TEST_CASE("unknown", "[intents]") {
    expect(Intent::unknown, {"the weather is nice", "", "   ", "!!!", "...", "lorem ipsum", "this", "hill",
                             "shipping", "mesure", "il fait beau", "🙂"});
}

TEST_CASE("accents, case and punctuation do not matter", "[intents]") {
    // Composed (NFC) and decomposed (NFD: e + U+0302) accents, upper-case accented letters, curly apostrophes,
    // non-breaking spaces before French punctuation.
    CHECK(advocacy::match_intent("arr\xC3\xAAte") == Intent::stop);           // arrête, NFC
    CHECK(advocacy::match_intent("arre\xCC\x82te") == Intent::stop);          // arrête, NFD
    CHECK(advocacy::match_intent("D\xC3\x89SABONNER") == Intent::stop);       // DÉSABONNER
    CHECK(advocacy::match_intent("pourquoi\xC2\xA0?") == Intent::why);        // no-break space
    CHECK(advocacy::match_intent("pourquoi\xE2\x80\xAF?") == Intent::why);    // narrow no-break space
    CHECK(advocacy::match_intent("what\xE2\x80\x99s the point") == Intent::why);
    CHECK(advocacy::match_intent("CLASSEMENT!!!") == Intent::leaderboard);
    CHECK(advocacy::match_intent("\xC5\x93uvre pourquoi") == Intent::why);    // œ folds without breaking the text
}

TEST_CASE("the most specific phrase wins", "[intents]") {
    CHECK(advocacy::match_intent("stop sending me tips") == Intent::stop);     // two words beat one
    CHECK(advocacy::match_intent("hello, my stats please") == Intent::my_stats);
    CHECK(advocacy::match_intent("bonjour, pourquoi ?") == Intent::why);       // a request beats a greeting
    CHECK(advocacy::match_intent("me") == Intent::my_stats);
    CHECK(advocacy::match_intent("help me") == Intent::help);                  // "me" only counts alone
    CHECK(advocacy::match_intent("remind me") == Intent::unknown);
}
