#include "adapters/slack/app_home.hpp"

#include <boost/json.hpp>

#include <array>

#include "adapters/slack/block_kit.hpp"

namespace advocacy::slack {

namespace json = boost::json;

namespace {

struct SettingButton {
    std::string_view name;     // action id suffix
    std::string_view command;  // sent as CommandInvoked
    std::string_view en;
    std::string_view fr;
};

constexpr std::array<SettingButton, 7> kSettings{{
    {"pause", "pause 7", "Pause for a week", "Pause d'une semaine"},
    {"resume", "resume", "Resume", "Reprendre"},
    {"weekly", "frequency weekly", "Weekly only", "Une fois par semaine"},
    {"daily", "frequency daily", "Every working day", "Chaque jour ouvré"},
    {"optout", "optout", "Hide me from the leaderboard", "Me masquer du classement"},
    {"optin", "optin", "Show me on the leaderboard", "M'afficher au classement"},
    {"leaderboard", "leaderboard", "See the leaderboard", "Voir le classement"},
}};

}  // namespace

json::object home_view(const Reply& me, std::string_view lang) {
    const bool fr = lang.starts_with("fr");
    Message page;
    page.fallback_text = fr ? "Programme ambassadeurs" : "Employee advocacy";
    page.blocks.push_back(HeaderBlock{page.fallback_text});
    for (const auto& m : me.messages) {
        for (const auto& b : m.blocks) page.blocks.push_back(b);
    }
    const Block divider{DividerBlock{}};
    page.blocks.emplace_back(divider);
    ButtonsBlock settings;
    for (const auto& s : kSettings) {
        Button b;
        b.label = std::string(fr ? s.fr : s.en);
        b.action_id = std::string(kCommandActionPrefix) + std::string(s.name);
        b.value = std::string(s.command);
        settings.buttons.push_back(std::move(b));
    }
    page.blocks.push_back(std::move(settings));
    json::object rendered = render_message(page);
    return {{"type", "home"}, {"blocks", std::move(rendered["blocks"])}};
}

}  // namespace advocacy::slack
