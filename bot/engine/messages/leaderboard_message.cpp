#include "bot/engine/messages/leaderboard_message.hpp"

#include <algorithm>

#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

std::vector<RankedRow> rank_visible(const std::vector<storage::LeaderboardRow>& rows, int size) {
    std::vector<const storage::LeaderboardRow*> visible;
    for (const auto& row : rows) {
        if (!row.opted_out && row.points > 0) visible.push_back(&row);
    }
    // Highest first; ties (which share a rank) by name.
    std::stable_sort(visible.begin(), visible.end(), [](auto* a, auto* b) {
        return a->points != b->points ? a->points > b->points : a->display_name < b->display_name;
    });
    std::vector<RankedRow> ranked;
    for (std::size_t i = 0; i < visible.size(); ++i) {
        const int rank = (i > 0 && visible[i]->points == visible[i - 1]->points) ? ranked.back().rank
                                                                                   : static_cast<int>(i) + 1;
        if (rank > size) break;
        ranked.push_back({rank, visible[i]});
    }
    return ranked;
}

namespace {

std::string display_name(i18n::Lang lang, const std::string& name) {
    // Plain text, never a mention: a leading '@' would read as one on some platforms.
    std::string_view n = name;
    while (!n.empty() && n.front() == '@') n.remove_prefix(1);
    return n.empty() ? i18n::tr(lang, "leaderboard.colleague") : std::string(n);
}

}  // namespace

Message leaderboard_message(i18n::Lang lang, const BoardData& board) {
    Message m;
    m.kind = MessageKind::leaderboard;
    const std::string title = i18n::tr(lang, "leaderboard.title", {{"week", board.week}});
    m.blocks.push_back(HeaderBlock{title});
    m.fallback_text = title;

    const auto ranked = rank_visible(board.rows, board.size);
    if (board.active == 0 && ranked.empty()) {
        append_paragraphs(m, i18n::tr(lang, "leaderboard.nobody_yet"));
        return m;
    }

    std::vector<std::string> lines;
    for (const auto& r : ranked) {
        lines.push_back(i18n::tr(lang, "leaderboard.row", {{"rank", std::to_string(r.rank)},
                                                          {"name", display_name(lang, r.row->display_name)},
                                                          {"points", std::to_string(r.row->points)},
                                                          {"shares", std::to_string(r.row->shares)}}));
    }
    if (board.more_tied > 0 && !ranked.empty()) {
        lines.push_back(i18n::tr(lang, board.more_tied == 1 ? "leaderboard.more_tied_one" : "leaderboard.more_tied",
                                 {{"count", std::to_string(board.more_tied)},
                                  {"points", std::to_string(ranked.back().row->points)}}));
    }
    if (!lines.empty()) append_paragraphs(m, join_lines(lines));

    const char* participation = board.active == 1 ? "leaderboard.participation_one" : "leaderboard.participation";
    append_paragraphs(m, i18n::tr(lang, participation, {{"active", std::to_string(board.active)},
                                                        {"total", std::to_string(board.audience)}}));

    std::vector<storage::GroupRow> groups;
    for (const auto& g : board.groups) {
        if (!g.group.empty() && g.points > 0) groups.push_back(g);  // no team shown at zero
    }
    if (!groups.empty()) {
        std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.points > b.points; });
        std::vector<std::string> team_lines{i18n::tr(lang, "leaderboard.teams")};
        for (const auto& g : groups) {
            team_lines.push_back(i18n::tr(lang, "leaderboard.team_row",
                                          {{"team", g.group},
                                           {"points", std::to_string(g.points)},
                                           {"active", std::to_string(g.active_members)},
                                           {"members", std::to_string(g.members)}}));
        }
        m.blocks.push_back(DividerBlock{});
        append_paragraphs(m, join_lines(team_lines));
    }
    append_paragraphs(m, i18n::tr(lang, "leaderboard.footer"));
    return m;
}

}  // namespace advocacy::engine
