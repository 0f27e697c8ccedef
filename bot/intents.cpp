#include "bot/intents.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

namespace advocacy {

namespace {

// ---- Normalisation: lower case, accents stripped, anything but letters and digits becomes a word break. ----------

// U+00C0..U+00FF (UTF-8 "C3 80".."C3 BF") folded to ASCII; "" marks the two signs (x and /) that are not letters.
constexpr std::string_view kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // U+00C0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
};

std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;  // stray continuation or invalid byte: skip it alone
}

// The ASCII letters a multi-byte UTF-8 character folds to, or "" for a word break (non-breaking spaces, curly
// quotes, emoji, other scripts).
std::string_view fold_multibyte(std::string_view ch) {
    if (ch.size() != 2) return {};
    const auto b0 = static_cast<unsigned char>(ch[0]);
    const auto b1 = static_cast<unsigned char>(ch[1]);
    if (b0 == 0xC3 && b1 >= 0x80 && b1 <= 0xBF) return kLatin1Fold[b1 - 0x80];
    if (b0 == 0xC5 && (b1 == 0x92 || b1 == 0x93)) return "oe";  // Œ œ
    if (b0 == 0xC5 && b1 == 0xB8) return "y";                   // Ÿ
    return {};
}

// U+0300..U+036F, combining diacritical marks: "CC 80".."CD AF".
bool is_combining_mark(std::string_view ch) {
    const auto b0 = static_cast<unsigned char>(ch[0]);
    const auto b1 = static_cast<unsigned char>(ch[1]);
    return b0 == 0xCC || (b0 == 0xCD && b1 <= 0xAF);
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) words.push_back(std::move(current));
        current.clear();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t len = std::min(utf8_length(lead), text.size() - i);
        if (len == 1) {
            if (lead >= 'A' && lead <= 'Z') {
                current.push_back(static_cast<char>(lead - 'A' + 'a'));
            } else if ((lead >= 'a' && lead <= 'z') || (lead >= '0' && lead <= '9')) {
                current.push_back(static_cast<char>(lead));
            } else {
                flush();
            }
        } else if (len == 2 && is_combining_mark(text.substr(i, 2))) {
            // decomposed accent (NFD "e" + U+0301): drop it, the word goes on
        } else if (const std::string_view letters = fold_multibyte(text.substr(i, len)); !letters.empty()) {
            current.append(letters);
        } else {
            flush();
        }
        i += len;
    }
    flush();
    return words;
}

// ---- The phrase table. --------------------------------------------------------------------------------------------
//
// Matching rule: the message is normalised into words. A `whole` phrase matches when it is the entire message; an
// `anywhere` phrase matches when its words appear consecutively anywhere in the message (other words around it are
// fine: "pause please", "Why should I share this?"). A phrase word ending in '*' matches any word it prefixes
// ("desabonn*" = désabonner, désabonnez-moi...). Among all matching phrases the one with the most words wins (the
// most specific: "stop sending me tips" is stop, not tips); ties go to the row listed first. A message of nothing
// but question marks asks for help. Phrases are written already normalised: lower case, no accents, no punctuation.

enum class Scope { whole, anywhere };

struct PhraseRow {
    Intent intent;
    Scope scope;
    std::string_view phrase;
};

constexpr PhraseRow kPhrases[] = {
    // why: the reasoning behind the item
    {Intent::why, Scope::anywhere, "why"},
    {Intent::why, Scope::anywhere, "pourquoi"},
    {Intent::why, Scope::anywhere, "what s the point"},
    {Intent::why, Scope::anywhere, "whats the point"},
    {Intent::why, Scope::anywhere, "what is the point"},
    {Intent::why, Scope::anywhere, "quel interet"},
    {Intent::why, Scope::anywhere, "a quoi bon"},
    {Intent::why, Scope::anywhere, "a quoi ca sert"},
    {Intent::why, Scope::anywhere, "ca sert a quoi"},

    // help
    {Intent::help, Scope::anywhere, "help"},
    {Intent::help, Scope::anywhere, "aide"},
    {Intent::help, Scope::anywhere, "aidez moi"},
    {Intent::help, Scope::anywhere, "au secours"},
    {Intent::help, Scope::anywhere, "commands"},
    {Intent::help, Scope::anywhere, "commandes"},
    {Intent::help, Scope::anywhere, "what can you do"},
    {Intent::help, Scope::anywhere, "how does this work"},
    {Intent::help, Scope::anywhere, "comment ca marche"},

    // my_stats
    {Intent::my_stats, Scope::whole, "me"},
    {Intent::my_stats, Scope::whole, "moi"},
    {Intent::my_stats, Scope::anywhere, "stats"},
    {Intent::my_stats, Scope::anywhere, "my stats"},
    {Intent::my_stats, Scope::anywhere, "mes stats"},
    {Intent::my_stats, Scope::anywhere, "statistic*"},
    {Intent::my_stats, Scope::anywhere, "statistique*"},
    {Intent::my_stats, Scope::anywhere, "score"},
    {Intent::my_stats, Scope::anywhere, "my score"},
    {Intent::my_stats, Scope::anywhere, "mon score"},
    {Intent::my_stats, Scope::anywhere, "points"},
    {Intent::my_stats, Scope::anywhere, "my points"},
    {Intent::my_stats, Scope::anywhere, "mes points"},
    {Intent::my_stats, Scope::anywhere, "how am i doing"},
    {Intent::my_stats, Scope::anywhere, "how m i doing"},
    {Intent::my_stats, Scope::anywhere, "where do i stand"},
    {Intent::my_stats, Scope::anywhere, "ou j en suis"},
    {Intent::my_stats, Scope::anywhere, "ou en suis je"},
    {Intent::my_stats, Scope::anywhere, "mon bilan"},

    // pause (a break, resumable)
    {Intent::pause, Scope::anywhere, "pause"},
    {Intent::pause, Scope::anywhere, "snooze"},
    {Intent::pause, Scope::anywhere, "take a break"},
    {Intent::pause, Scope::anywhere, "faire une pause"},

    // stop (no more messages)
    {Intent::stop, Scope::anywhere, "stop"},
    {Intent::stop, Scope::anywhere, "stop sending"},
    {Intent::stop, Scope::anywhere, "arret*"},
    {Intent::stop, Scope::anywhere, "unsubscribe"},
    {Intent::stop, Scope::anywhere, "opt out"},
    {Intent::stop, Scope::anywhere, "optout"},
    {Intent::stop, Scope::anywhere, "desabonn*"},
    {Intent::stop, Scope::anywhere, "desinscri*"},
    {Intent::stop, Scope::anywhere, "ne plus recevoir"},
    {Intent::stop, Scope::anywhere, "plus recevoir"},
    {Intent::stop, Scope::anywhere, "leave me alone"},
    {Intent::stop, Scope::anywhere, "laisse moi tranquille"},
    {Intent::stop, Scope::anywhere, "laissez moi tranquille"},

    // resume
    {Intent::resume, Scope::anywhere, "resume"},
    {Intent::resume, Scope::anywhere, "unpause"},
    {Intent::resume, Scope::anywhere, "restart"},
    {Intent::resume, Scope::anywhere, "start again"},
    {Intent::resume, Scope::anywhere, "repren*"},
    {Intent::resume, Scope::anywhere, "reprise"},
    {Intent::resume, Scope::anywhere, "relancer"},

    // tips
    {Intent::tips, Scope::anywhere, "tip"},
    {Intent::tips, Scope::anywhere, "tips"},
    {Intent::tips, Scope::anywhere, "advice"},
    {Intent::tips, Scope::anywhere, "astuce*"},
    {Intent::tips, Scope::anywhere, "conseil*"},
    {Intent::tips, Scope::anywhere, "how to share"},
    {Intent::tips, Scope::anywhere, "how do i share"},
    {Intent::tips, Scope::anywhere, "comment partager"},

    // leaderboard
    {Intent::leaderboard, Scope::anywhere, "leaderboard"},
    {Intent::leaderboard, Scope::anywhere, "leader board"},
    {Intent::leaderboard, Scope::anywhere, "scoreboard"},
    {Intent::leaderboard, Scope::anywhere, "ranking*"},
    {Intent::leaderboard, Scope::anywhere, "classement"},
    {Intent::leaderboard, Scope::anywhere, "palmares"},

    // greeting: listed last so any real request in the same message wins a tie ("hi, why share this?")
    {Intent::greeting, Scope::anywhere, "hello"},
    {Intent::greeting, Scope::anywhere, "hi"},
    {Intent::greeting, Scope::anywhere, "hey"},
    {Intent::greeting, Scope::anywhere, "hiya"},
    {Intent::greeting, Scope::anywhere, "good morning"},
    {Intent::greeting, Scope::anywhere, "good afternoon"},
    {Intent::greeting, Scope::anywhere, "bonjour"},
    {Intent::greeting, Scope::anywhere, "bonsoir"},
    {Intent::greeting, Scope::anywhere, "salut"},
    {Intent::greeting, Scope::anywhere, "coucou"},
};

struct CompiledPhrase {
    Intent intent;
    Scope scope;
    std::vector<std::string> words;
};

const std::vector<CompiledPhrase>& compiled_phrases() {
    static const auto compiled = [] {
        std::vector<CompiledPhrase> out;
        out.reserve(std::size(kPhrases));
        for (const PhraseRow& row : kPhrases) {
            // Split on spaces only: the '*' wildcard must survive (words_of would treat it as a break).
            CompiledPhrase c{row.intent, row.scope, {}};
            std::size_t start = 0;
            while (start < row.phrase.size()) {
                std::size_t end = row.phrase.find(' ', start);
                if (end == std::string_view::npos) end = row.phrase.size();
                if (end > start) c.words.emplace_back(row.phrase.substr(start, end - start));
                start = end + 1;
            }
            out.push_back(std::move(c));
        }
        return out;
    }();
    return compiled;
}

bool word_matches(const std::string& pattern, const std::string& word) {
    if (!pattern.empty() && pattern.back() == '*') {
        const std::string_view prefix(pattern.data(), pattern.size() - 1);
        return std::string_view(word).starts_with(prefix);
    }
    return pattern == word;
}

bool phrase_matches(const CompiledPhrase& p, const std::vector<std::string>& words) {
    if (p.words.empty() || p.words.size() > words.size()) return false;
    const auto eq = [](const std::string& word, const std::string& pattern) { return word_matches(pattern, word); };
    if (p.scope == Scope::whole) {
        return p.words.size() == words.size() && std::equal(words.begin(), words.end(), p.words.begin(), eq);
    }
    return std::search(words.begin(), words.end(), p.words.begin(), p.words.end(), eq) != words.end();
}

}  // namespace

Intent match_intent(std::string_view text) {
    const std::vector<std::string> words = words_of(text);
    if (words.empty()) {
        return text.find('?') != std::string_view::npos ? Intent::help : Intent::unknown;
    }
    Intent best = Intent::unknown;
    std::size_t best_len = 0;
    for (const CompiledPhrase& p : compiled_phrases()) {
        if (p.words.size() > best_len && phrase_matches(p, words)) {
            best = p.intent;
            best_len = p.words.size();
        }
    }
    return best;
}

}  // namespace advocacy
