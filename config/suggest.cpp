#include "config/suggest_internal.hpp"

#include <algorithm>
#include <string>

namespace advocacy::config::detail {
namespace {

std::string normalized(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == '-') c = '_';
        out += c;
    }
    return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::size_t allowed_edits(std::size_t length) { return std::clamp<std::size_t>(length / 3, 1, 2); }

}  // namespace

std::optional<std::string_view> closest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
    const std::string w = normalized(word);
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    bool tie = false;
    for (const auto candidate : candidates) {
        const std::string c = normalized(candidate);
        const std::size_t distance = edit_distance(w, c);
        if (distance > allowed_edits(c.size())) continue;
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
            tie = false;
        } else if (distance == best_distance) {
            tie = true;
        }
    }
    if (best && !tie) return best;
    // "stagger_window" for "stagger_window_minutes": the unit suffix was left out.
    std::optional<std::string_view> extended;
    for (const auto candidate : candidates) {
        if (normalized(candidate).rfind(w + "_", 0) != 0) continue;
        if (extended) return std::nullopt;
        extended = candidate;
    }
    return extended;
}

}  // namespace advocacy::config::detail
