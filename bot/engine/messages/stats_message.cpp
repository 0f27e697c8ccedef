#include "bot/engine/messages/stats_message.hpp"

#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

namespace {

// "12 (40%)" of the delivered count; no percentage when nothing was delivered.
std::string with_rate(int value, int delivered) {
    std::string s = std::to_string(value);
    if (delivered > 0) s += " (" + std::to_string((value * 100 + delivered / 2) / delivered) + "%)";
    return s;
}

}  // namespace

Message stats_message(i18n::Lang lang, const std::string& scope, const std::string& period,
                      const storage::CampaignStats& s) {
    Message m;
    const std::string title = i18n::tr(lang, "stats.title", {{"scope", scope}, {"period", period}});
    m.blocks.push_back(HeaderBlock{title});
    m.fallback_text = title;
    m.blocks.push_back(FieldsBlock{{
        {i18n::tr(lang, "stats.delivered"), std::to_string(s.delivered)},
        {i18n::tr(lang, "stats.why"), with_rate(s.why_asked, s.delivered)},
        {i18n::tr(lang, "stats.intent_clicks"), with_rate(s.intent_clicks, s.delivered)},
        {i18n::tr(lang, "stats.shared"), with_rate(s.shared, s.delivered)},
        {i18n::tr(lang, "stats.post_clicks"), std::to_string(s.post_clicks)},
        {i18n::tr(lang, "stats.skipped"), with_rate(s.skipped, s.delivered)},
        {i18n::tr(lang, "stats.advocates"), std::to_string(s.advocates)},
    }});
    const std::string funnel = i18n::tr(lang, "stats.funnel", {{"delivered", std::to_string(s.delivered)},
                                                              {"why", std::to_string(s.why_asked)},
                                                              {"intents", std::to_string(s.intent_clicks)},
                                                              {"shared", std::to_string(s.shared)},
                                                              {"clicks", std::to_string(s.post_clicks)},
                                                              {"advocates", std::to_string(s.advocates)}});
    m.blocks.push_back(ContextBlock{funnel});
    m.fallback_text += '\n' + funnel;
    return m;
}

}  // namespace advocacy::engine
