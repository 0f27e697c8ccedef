#include "adapters/playground/message_json.hpp"

#include <boost/json.hpp>

namespace advocacy::playground {

namespace json = boost::json;

namespace {

std::string_view kind_name(MessageKind k) {
    switch (k) {
        case MessageKind::reply: return "reply";
        case MessageKind::content: return "content";
        case MessageKind::leaderboard: return "leaderboard";
        case MessageKind::onboarding: return "onboarding";
    }
    return "reply";
}

std::string_view style_name(ButtonStyle s) {
    switch (s) {
        case ButtonStyle::normal: return "normal";
        case ButtonStyle::primary: return "primary";
        case ButtonStyle::danger: return "danger";
    }
    return "normal";
}

struct BlockToJson {
    json::object operator()(const HeaderBlock& b) const { return {{"type", "header"}, {"text", b.text}}; }
    json::object operator()(const RichTextBlock& b) const {
        json::array spans;
        for (const auto& s : b.spans) {
            json::object o{{"text", s.text}, {"bold", s.bold}, {"italic", s.italic}};
            if (s.link) o["link"] = *s.link;
            spans.push_back(std::move(o));
        }
        return {{"type", "rich_text"}, {"spans", std::move(spans)}};
    }
    json::object operator()(const ContentCardBlock& b) const {
        return {{"type", "content_card"}, {"content_id", b.content_id}, {"title", b.title},      {"url", b.url},
                {"summary", b.summary},   {"suggested_text", b.suggested_text}};
    }
    json::object operator()(const FieldsBlock& b) const {
        json::array fields;
        for (const auto& f : b.fields) fields.push_back(json::object{{"label", f.label}, {"value", f.value}});
        return {{"type", "fields"}, {"fields", std::move(fields)}};
    }
    json::object operator()(const ButtonsBlock& b) const {
        json::array buttons;
        for (const auto& btn : b.buttons) {
            json::object o{{"label", btn.label}, {"action_id", btn.action_id}, {"value", btn.value},
                           {"style", style_name(btn.style)}};
            if (btn.url) o["url"] = *btn.url;
            buttons.push_back(std::move(o));
        }
        return {{"type", "buttons"}, {"buttons", std::move(buttons)}};
    }
    json::object operator()(const ContextBlock& b) const { return {{"type", "context"}, {"text", b.text}}; }
    json::object operator()(const DividerBlock&) const { return {{"type", "divider"}}; }
};

}  // namespace

json::object message_to_json(const Message& message) {
    json::array blocks;
    for (const auto& b : message.blocks) blocks.push_back(std::visit(BlockToJson{}, b));
    return {{"kind", kind_name(message.kind)},
            {"fallback_text", message.fallback_text},
            {"ephemeral", message.ephemeral},
            {"blocks", std::move(blocks)}};
}

}  // namespace advocacy::playground
