#pragma once
// Free text written to the bot, matched to a small set of intents in English and French.
#include <string_view>

namespace advocacy {

enum class Intent { why, help, my_stats, pause, stop, resume, tips, leaderboard, greeting, unknown };

// Case-, accent- and punctuation-insensitive: "why?", "Why should I share this?", "pourquoi ?",
// "pourquoi partager ça ?", "help", "aide", "my stats", "mes stats", "pause", "stop", "arrête"...
Intent match_intent(std::string_view text);

}  // namespace advocacy
