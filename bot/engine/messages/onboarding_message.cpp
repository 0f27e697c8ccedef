#include "bot/engine/messages/onboarding_message.hpp"

#include "bot/engine/messages/text.hpp"

namespace advocacy::engine {

Message onboarding_message(i18n::Lang lang, const std::string& display_name) {
    Message m;
    m.kind = MessageKind::onboarding;
    const std::string title = display_name.empty() ? i18n::tr(lang, "onboarding.title")
                                                   : i18n::tr(lang, "onboarding.title_named", {{"name", display_name}});
    m.blocks.push_back(HeaderBlock{title});
    m.fallback_text = title;
    for (const char* key : {"onboarding.what", "onboarding.why", "onboarding.recorded", "onboarding.control"}) {
        append_paragraphs(m, i18n::tr(lang, key));
    }
    return m;
}

}  // namespace advocacy::engine
