// Edit distance for "did you mean" suggestions (see spelling.hpp).
#include "commands/spelling.hpp"

#include <algorithm>
#include <utility>

namespace advocacy::commands {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance over three rolling rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string> close_words(std::string_view typed, const std::vector<std::string>& candidates) {
    if (typed.size() < 3 || typed.size() > 40) return {};
    const std::size_t allowed = typed.size() <= 4 ? 1 : 2;
    std::vector<std::pair<std::size_t, std::string>> close;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(typed, candidate);
        if (distance <= allowed) close.emplace_back(distance, candidate);
    }
    std::stable_sort(close.begin(), close.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> words;
    for (auto& [distance, word] : close) words.push_back(std::move(word));
    return words;
}

}  // namespace advocacy::commands
