#include "bot/engine/messages/me_message.hpp"

#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

Message me_message(i18n::Lang lang, const storage::User& user, const storage::UserStats& s,
                   const storage::Content* today) {
    Message m;
    const std::string title = i18n::tr(lang, "me.title");
    m.blocks.push_back(HeaderBlock{title});
    m.fallback_text = title;
    if (today) {
        TextSpan link = span(today->title);
        link.link = today->url;
        m.blocks.push_back(RichTextBlock{{span(i18n::tr(lang, "me.today") + " ", true), std::move(link)}});
        m.fallback_text += '\n' + i18n::tr(lang, "me.today") + " " + today->title;
    }
    m.blocks.push_back(FieldsBlock{{
        {i18n::tr(lang, "me.week_shares"), std::to_string(s.week_shares)},
        {i18n::tr(lang, "me.week_points"), std::to_string(s.week_points)},
        {i18n::tr(lang, "me.rank"), s.week_rank ? "#" + std::to_string(*s.week_rank) : "-"},
        {i18n::tr(lang, "me.streak"), i18n::tr(lang, "me.streak_weeks", {{"weeks", std::to_string(s.streak_weeks)}})},
        {i18n::tr(lang, "me.total_shares"), std::to_string(s.total_shares)},
        {i18n::tr(lang, "me.total_points"), std::to_string(s.total_points)},
    }});
    std::vector<std::string> prefs;
    if (user.paused_indefinitely) {
        prefs.push_back(i18n::tr(lang, "me.paused_indefinitely"));
    } else if (user.paused_until) {
        prefs.push_back(i18n::tr(lang, "me.paused_until", {{"date", format_local_date(lang, *user.paused_until)}}));
    }
    prefs.push_back(i18n::tr(lang, user.frequency == storage::Frequency::weekly ? "me.weekly" : "me.daily"));
    prefs.push_back(i18n::tr(lang, user.leaderboard_opt_out ? "me.hidden" : "me.visible"));
    if (!user.group.empty()) prefs.push_back(i18n::tr(lang, "me.group", {{"group", user.group}}));
    m.blocks.push_back(ContextBlock{join_lines(prefs)});
    m.fallback_text += '\n' + join_lines(prefs);
    return m;
}

}  // namespace advocacy::engine
