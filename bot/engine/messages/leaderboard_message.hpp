#pragma once
// The weekly leaderboard: celebrates who shared, never shames who did not.
#include <string>
#include <vector>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "storage/leaderboard.hpp"

namespace advocacy::engine {

struct BoardData {
    std::string week;                          // "2026-W48"
    std::vector<storage::LeaderboardRow> rows;  // the top of the week, highest first (opted-out flagged)
    int more_tied = 0;  // users tied with the last row who are not listed (counted on one line)
    std::vector<storage::GroupRow> groups;
    int active = 0;    // colleagues who shared this week (opted-out included)
    int audience = 0;  // colleagues in the program
    int size = 10;     // how many ranks to show
};

struct RankedRow {
    int rank = 0;
    const storage::LeaderboardRow* row = nullptr;
};

// Competition ranking (10,10,5 -> 1,1,3) of the users who may be named (opted-out users are left out of the
// ranking), limited to ranks <= size.
std::vector<RankedRow> rank_visible(const std::vector<storage::LeaderboardRow>& rows, int size);

Message leaderboard_message(i18n::Lang lang, const BoardData& board);

}  // namespace advocacy::engine
