#include "bot/engine/messages/content_message.hpp"

#include <algorithm>

#include "bot/engine/messages/text.hpp"
#include "bot/share_links.hpp"

namespace advocacy::engine {

std::string suggested_text(const config::Config& config, const storage::Content& content, std::string_view network) {
    std::string text = content.suggested_text;
    if (!network.empty()) {
        const auto it = std::find_if(content.network_texts.begin(), content.network_texts.end(),
                                     [&](const storage::NetworkText& t) { return t.network == network; });
        if (it != content.network_texts.end() && !it->text.empty()) text = it->text;
    }
    const std::string& suffix = config.program.disclosure_suffix;
    if (!suffix.empty() && !text.ends_with(suffix)) {
        if (!text.empty()) text += ' ';
        text += suffix;
    }
    return text;
}

namespace {

std::string share_url(const config::Config& config, const ContentCard& card, std::string_view network) {
    const auto it = std::find_if(card.tokens.begin(), card.tokens.end(), [&](const storage::LinkToken& t) {
        return t.kind == storage::LinkKind::intent && t.network == network;
    });
    if (it != card.tokens.end()) return intent_link(config.server.public_base_url, it->token);
    return share_intent_url(network, card.content.url, suggested_text(config, card.content, network));
}

std::string context_line(i18n::Lang lang, const ContentCard& card) {
    std::string line = i18n::tr(lang, "content.campaign", {{"campaign", card.campaign.name}});
    if (card.content.expires_on) {
        line += " \xC2\xB7 ";  // middle dot
        line += i18n::tr(lang, "content.expires", {{"date", format_local_date(lang, *card.content.expires_on)}});
    }
    return line;
}

Button action_button(std::string label, const char* action_id, const std::string& value,
                     ButtonStyle style = ButtonStyle::normal) {
    Button b;
    b.label = std::move(label);
    b.action_id = action_id;
    b.value = value;
    b.style = style;
    return b;
}

}  // namespace

Message content_message(i18n::Lang lang, const config::Config& config, const ContentCard& card) {
    const storage::Content& c = card.content;
    const std::string id = std::to_string(c.id);
    Message m;
    m.kind = MessageKind::content;
    m.fallback_text = i18n::tr(lang, "content.fallback", {{"title", c.title}});

    m.blocks.push_back(ContentCardBlock{c.id, c.title, c.url, c.summary, suggested_text(config, c)});

    if (card.state != CardState::skipped) {
        ButtonsBlock share;
        for (std::string_view network : kNetworks) {
            Button b;
            b.label = i18n::tr(lang, "content.share_on", {{"network", network_label(network)}});
            b.action_id = std::string(action_ids::share_prefix) + std::string(network);
            b.value = id;
            b.url = share_url(config, card, network);
            share.buttons.push_back(std::move(b));
        }
        m.blocks.push_back(std::move(share));
    }

    if (!card.note.empty()) m.blocks.push_back(paragraph(span(card.note, true)));

    ButtonsBlock actions;
    if (card.state == CardState::open) {
        actions.buttons.push_back(action_button(i18n::tr(lang, "content.button.shared"), action_ids::shared, id,
                                                ButtonStyle::primary));
    }
    if (card.state != CardState::skipped) {
        actions.buttons.push_back(action_button(i18n::tr(lang, "content.button.why"), action_ids::why, id));
    }
    if (card.state == CardState::open) {
        actions.buttons.push_back(action_button(i18n::tr(lang, "content.button.skip"), action_ids::skip, id));
    }
    if (!actions.buttons.empty()) m.blocks.push_back(std::move(actions));

    m.blocks.push_back(ContextBlock{context_line(lang, card)});
    return m;
}

}  // namespace advocacy::engine
