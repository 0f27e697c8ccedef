#include "bot/engine/messages/why_message.hpp"

#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

Message why_message(i18n::Lang lang, const storage::Content& content, const storage::Campaign& campaign,
                    std::size_t tip_index) {
    const std::string& why = !content.why.empty() ? content.why : campaign.why;
    const std::string reason = why.empty() ? i18n::tr(lang, "why.no_reason") : why;
    const std::string title = i18n::tr(lang, "why.title", {{"title", content.title}});
    const std::string tip = i18n::tr(lang, "why.tip", {{"tip", i18n::tip(lang, tip_index)}});

    Message m;
    m.kind = MessageKind::reply;
    m.fallback_text = title + "\n" + reason + "\n" + tip;
    m.blocks.push_back(paragraph(span(title, true)));
    m.blocks.push_back(paragraph(span(reason)));
    m.blocks.push_back(paragraph(span(tip, false, true)));
    return m;
}

}  // namespace advocacy::engine
