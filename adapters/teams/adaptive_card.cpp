#include "adapters/teams/adaptive_card.hpp"

#include <boost/json.hpp>

#include <array>
#include <variant>

namespace advocacy::teams {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxActionsPerSet = 5;

// Decodes one code point at `i` (advancing it); invalid sequences yield U+FFFD and skip one byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr std::array<char32_t, 5> kMin{0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Renders the blocks with a text budget per TextRun.
class CardWriter {
public:
    explicit CardWriter(std::size_t max_chars) : max_(max_chars) {}

    json::object finish(const Message& m) {
        for (const auto& block : m.blocks) std::visit([this](const auto& b) { add(b); }, block);
        json::object card{{"type", "AdaptiveCard"},
                          {"$schema", "http://adaptivecards.io/schemas/adaptive-card.json"},
                          {"version", "1.5"},
                          {"body", std::move(body_)}};
        // The last set of action buttons is the card's own: Teams shows it at the bottom, full width.
        if (!pending_actions_.empty()) card["actions"] = std::move(pending_actions_);
        card["msteams"] = json::object{{"width", "Full"}};
        if (!m.fallback_text.empty()) card["fallbackText"] = cut_text(m.fallback_text, max_);
        return card;
    }

private:
    json::object run(std::string_view text, bool bold = false, bool italic = false) const {
        json::object r{{"type", "TextRun"}, {"text", cut_text(text, max_)}};
        if (bold) r["weight"] = "Bolder";
        if (italic) r["italic"] = true;
        return r;
    }

    void element(json::object e) {
        if (separator_next_ && !body_.empty()) e["separator"] = true;
        if (separator_next_ && !body_.empty()) e["spacing"] = "Medium";
        separator_next_ = false;
        body_.push_back(std::move(e));
    }

    json::object rich(json::array inlines) const {
        return {{"type", "RichTextBlock"}, {"inlines", std::move(inlines)}};
    }

    void flush_actions() {
        if (pending_actions_.empty()) return;
        json::array all = std::move(pending_actions_);
        pending_actions_ = {};
        for (std::size_t i = 0; i < all.size(); i += kMaxActionsPerSet) {
            json::array chunk;
            for (std::size_t k = i; k < all.size() && k < i + kMaxActionsPerSet; ++k) chunk.push_back(all[k]);
            element({{"type", "ActionSet"}, {"actions", std::move(chunk)}});
        }
    }

    void add(const HeaderBlock& b) {
        flush_actions();
        json::object r = run(b.text, true);
        r["size"] = "Large";
        element(rich({std::move(r)}));
    }

    void add(const RichTextBlock& b) {
        flush_actions();
        json::array inlines;
        for (const auto& s : b.spans) {
            json::object r = run(s.text, s.bold, s.italic);
            if (s.link && is_web_url(*s.link)) {
                r["selectAction"] = json::object{{"type", "Action.OpenUrl"}, {"url", *s.link}};
                r["color"] = "Accent";
            }
            inlines.push_back(std::move(r));
        }
        if (!inlines.empty()) element(rich(std::move(inlines)));
    }

    void add(const ContentCardBlock& b) {
        flush_actions();
        json::object title = run(b.title, true);
        title["size"] = "Medium";
        if (is_web_url(b.url)) {
            title["selectAction"] = json::object{{"type", "Action.OpenUrl"}, {"url", b.url}};
            title["color"] = "Accent";
        }
        element(rich({std::move(title)}));
        if (!b.summary.empty()) element(rich({run(b.summary)}));
        if (!b.suggested_text.empty()) {
            json::object quote{{"type", "Container"},
                               {"style", "emphasis"},
                               {"items", json::array{rich({run(b.suggested_text, false, true)})}}};
            element(std::move(quote));
        }
    }

    void add(const FieldsBlock& b) {
        flush_actions();
        json::array facts;
        for (const auto& f : b.fields) facts.push_back({{"title", cut_text(f.label, max_)}, {"value", cut_text(f.value, max_)}});
        if (!facts.empty()) element({{"type", "FactSet"}, {"facts", std::move(facts)}});
    }

    void add(const ButtonsBlock& b) {
        json::array links;
        for (const auto& button : b.buttons) {
            if (button.url) {
                if (is_web_url(*button.url))
                    links.push_back({{"type", "Action.OpenUrl"}, {"title", cut_text(button.label, 80)}, {"url", *button.url}});
            } else {
                pending_actions_.push_back(execute(button));
            }
        }
        if (!links.empty()) {
            flush_actions();
            for (std::size_t i = 0; i < links.size(); i += kMaxActionsPerSet) {
                json::array chunk;
                for (std::size_t k = i; k < links.size() && k < i + kMaxActionsPerSet; ++k) chunk.push_back(links[k]);
                element({{"type", "ActionSet"}, {"actions", std::move(chunk)}});
            }
        }
    }

    void add(const ContextBlock& b) {
        json::object r = run(b.text);
        r["isSubtle"] = true;
        r["size"] = "Small";
        element(rich({std::move(r)}));
    }

    void add(const DividerBlock&) { separator_next_ = true; }

    static json::object execute(const Button& b) {
        const json::object data{{kActionKey, b.action_id}, {kValueKey, b.value}};
        const std::string title = cut_text(b.label, 80);
        json::object submit{{"type", "Action.Submit"}, {"title", title}, {"data", data}};
        json::object action{{"type", "Action.Execute"}, {"title", title}, {"verb", b.action_id}, {"data", data}};
        if (b.style == ButtonStyle::primary) action["style"] = submit["style"] = "positive";
        if (b.style == ButtonStyle::danger) action["style"] = submit["style"] = "destructive";
        action["fallback"] = std::move(submit);
        return action;
    }

    static bool is_web_url(std::string_view u) { return u.starts_with("https://") || u.starts_with("http://"); }

    std::size_t max_;
    json::array body_;
    json::array pending_actions_;
    bool separator_next_ = false;
};

}  // namespace

std::size_t utf16_length(std::string_view utf8) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < utf8.size();) n += next_code_point(utf8, i) >= 0x10000 ? 2 : 1;
    return n;
}

std::string cut_text(std::string_view utf8, std::size_t max_chars) {
    std::string out;
    out.reserve(std::min(utf8.size(), max_chars * 4));
    std::size_t count = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (count == max_chars) {
            // One more character would exceed: replace the last one by an ellipsis.
            while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
            if (!out.empty()) out.pop_back();
            out += "\xE2\x80\xA6";
            return out;
        }
        append_utf8(out, cp);
        ++count;
    }
    return out;
}

json::object render_card(const Message& message, std::size_t max_text_chars) {
    return CardWriter(max_text_chars).finish(message);
}

json::object card_activity(const Message& message) {
    return {{"type", "message"},
            {"summary", cut_text(message.fallback_text, 250)},
            {"attachments",
             json::array{json::object{{"contentType", kCardContentType}, {"content", fitted_card(message)}}}}};
}

json::object fitted_card(const Message& message) {
    // Shrink the per-text budget until the card fits, leaving room for the envelope (a card has few texts: a
    // handful of rounds at most).
    constexpr std::size_t envelope = 1024;
    json::object card;
    for (std::size_t max_chars : {4000, 2000, 1000, 500, 250, 120, 60}) {
        card = render_card(message, max_chars);
        if (utf16_length(json::serialize(card)) + envelope <= kMaxActivityUtf16) break;
    }
    return card;
}

}  // namespace advocacy::teams
