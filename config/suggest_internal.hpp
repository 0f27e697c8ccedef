#pragma once
// "Did you mean ...?" for misspelled keys and sections.
#include <optional>
#include <string_view>
#include <vector>

namespace advocacy::config::detail {

// The one candidate that `word` is an obvious typo of (case, '-' for '_', one or two edits, or a missing
// suffix such as "_minutes"), or nothing when no candidate, or more than one, is that close.
std::optional<std::string_view> closest_name(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace advocacy::config::detail
