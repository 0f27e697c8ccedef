#pragma once
// "Did you mean": command words close in spelling to an unknown one (`campain` -> campaign).
#include <string>
#include <string_view>
#include <vector>

namespace advocacy::commands {

// Levenshtein distance, counting an adjacent swap as one edit (`hlep` -> help is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates within 1 edit (words of 3-4 letters) or 2 edits (longer), closest first, ties in given order.
std::vector<std::string> close_words(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace advocacy::commands
