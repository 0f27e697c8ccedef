#include "adapters/slack/block_kit.hpp"

#include <boost/json.hpp>

#include "adapters/slack/text_limits.hpp"

namespace advocacy::slack {

namespace json = boost::json;

namespace {

bool is_web_url(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

// Inside <url|text>, '|' and '>' would end the link early; blanks break it.
std::string link_target(std::string_view url) {
    std::string out;
    for (char c : url) {
        switch (c) {
            case '|': out += "%7C"; break;
            case ' ': out += "%20"; break;
            case '\n': case '\r': case '\t': break;
            default: out.push_back(c);
        }
    }
    return escape_mrkdwn(out);
}

std::size_t blank_prefix(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && (s[n] == ' ' || s[n] == '\n' || s[n] == '\t')) ++n;
    return n;
}

std::size_t blank_suffix(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && (s[s.size() - 1 - n] == ' ' || s[s.size() - 1 - n] == '\n' || s[s.size() - 1 - n] == '\t')) ++n;
    return n;
}

json::object plain_text(std::string_view text, std::size_t max) {
    return {{"type", "plain_text"}, {"text", truncate_text(text, max)}, {"emoji", true}};
}

json::object mrkdwn(std::string text) { return {{"type", "mrkdwn"}, {"text", std::move(text)}, {"verbatim", true}}; }

// A paragraph of mrkdwn with a unit budget: spans are added whole while they fit; the first that does not is cut
// (its markup kept balanced) and an ellipsis ends the text.
class MrkdwnWriter {
public:
    explicit MrkdwnWriter(std::size_t budget) : budget_(budget) {}

    // Text already in mrkdwn (e.g. a line break): added only when it fits.
    void raw(std::string_view text) {
        if (full_) return;
        if (used_ + slack_length(text) + 1 > budget_) return stop();
        out_.append(text);
        used_ += slack_length(text);
    }

    void span(const TextSpan& s) {
        if (full_ || s.text.empty()) return;
        std::string_view text = s.text;
        const std::size_t lead = blank_prefix(text);
        if (lead == text.size()) return plain(text);
        const std::size_t trail = blank_suffix(text);
        plain(text.substr(0, lead));
        const std::string_view core = text.substr(lead, text.size() - lead - trail);

        // Emphasis goes outside a link ("*<url|text>*"), the form every Slack client renders.
        std::string open, close;
        if (s.bold) { open += "*"; close.insert(0, "*"); }
        if (s.italic) { open += "_"; close.insert(0, "_"); }
        if (s.link && is_web_url(*s.link)) {
            open += "<" + link_target(*s.link) + "|";
            close.insert(0, ">");
        }
        const std::size_t overhead = slack_length(open) + slack_length(close);
        // Keep one unit for the ellipsis, should anything after this be cut.
        if (used_ + overhead + 1 >= budget_) return stop();
        bool cut = false;
        const std::string body = escape_mrkdwn_fitting(core, budget_ - used_ - overhead - 1, cut);
        if (!body.empty()) {
            out_.append(open).append(body).append(close);
            used_ += overhead + slack_length(body);
        }
        if (cut) return stop();
        plain(text.substr(text.size() - trail));
    }

    std::string take() { return std::move(out_); }
    bool full() const { return full_; }

private:
    void plain(std::string_view text) {
        if (full_ || text.empty()) return;
        bool cut = false;
        const std::string body = escape_mrkdwn_fitting(text, budget_ - used_ - 1, cut);
        out_.append(body);
        used_ += slack_length(body);
        if (cut) stop();
    }
    void stop() {
        if (full_) return;
        full_ = true;
        while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) {
            out_.pop_back();
            --used_;
        }
        out_.append(kEllipsis);
        ++used_;
    }

    std::size_t budget_;
    std::size_t used_ = 0;
    bool full_ = false;
    std::string out_;
};

std::string quoted(std::string_view text, std::size_t budget) {
    // "> " before every line, so a multi-line suggested post stays one quote.
    MrkdwnWriter w(budget);
    w.raw(">");
    std::size_t start = 0;
    while (start <= text.size() && !w.full()) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        TextSpan s;
        s.text = " " + std::string(line);
        w.span(s);
        if (nl == std::string_view::npos) break;
        w.raw("\n>");
        start = nl + 1;
    }
    return w.take();
}

json::object section(std::string text) { return {{"type", "section"}, {"text", mrkdwn(std::move(text))}}; }

std::string_view style_name(ButtonStyle s) {
    switch (s) {
        case ButtonStyle::primary: return "primary";
        case ButtonStyle::danger: return "danger";
        case ButtonStyle::normal: break;
    }
    return {};
}

// A button Slack would accept, or nothing: a cut value or URL would act on something else.
std::optional<json::object> button(const Button& b) {
    if (b.action_id.empty() || b.action_id.size() > limits::id) return std::nullopt;
    if (slack_length(b.value) > limits::button_value) return std::nullopt;
    json::object o{{"type", "button"},
                   {"text", plain_text(b.label.empty() ? std::string_view("\xE2\x80\xA6") : std::string_view(b.label),
                                       limits::button_text)},
                   {"action_id", clean_utf8(b.action_id)}};
    if (!b.value.empty()) o["value"] = clean_utf8(b.value);
    if (b.url) {
        if (!is_web_url(*b.url) || slack_length(*b.url) > limits::button_url) return std::nullopt;
        o["url"] = clean_utf8(*b.url);
    }
    if (const auto style = style_name(b.style); !style.empty()) o["style"] = style;
    return o;
}

struct BlockRenderer {
    json::array& out;

    void operator()(const HeaderBlock& b) const {
        if (b.text.empty()) return;
        out.push_back(json::object{{"type", "header"}, {"text", plain_text(b.text, limits::header_text)}});
    }
    void operator()(const RichTextBlock& b) const {
        std::string text = render_spans(b.spans, limits::section_text);
        if (!text.empty()) out.push_back(section(std::move(text)));
    }
    void operator()(const ContentCardBlock& b) const {
        MrkdwnWriter w(limits::section_text);
        TextSpan title;
        title.text = b.title.empty() ? b.url : b.title;
        title.bold = true;
        if (!b.url.empty()) title.link = b.url;
        w.span(title);
        if (!b.summary.empty()) {
            w.raw("\n");
            TextSpan summary;
            summary.text = b.summary;
            w.span(summary);
        }
        std::string text = w.take();
        if (!text.empty()) out.push_back(section(std::move(text)));
        if (!b.suggested_text.empty()) out.push_back(section(quoted(b.suggested_text, limits::section_text)));
    }
    void operator()(const FieldsBlock& b) const {
        json::array fields;
        for (const auto& f : b.fields) {
            MrkdwnWriter w(limits::field_text);
            TextSpan label;
            label.text = f.label;
            label.bold = true;
            w.span(label);
            if (!f.label.empty() && !f.value.empty()) w.raw("\n");
            TextSpan value;
            value.text = f.value;
            w.span(value);
            std::string text = w.take();
            if (text.empty()) continue;
            fields.push_back(mrkdwn(std::move(text)));
            if (fields.size() == limits::section_fields) {
                out.push_back(json::object{{"type", "section"}, {"fields", std::move(fields)}});
                fields = {};
            }
        }
        if (!fields.empty()) out.push_back(json::object{{"type", "section"}, {"fields", std::move(fields)}});
    }
    void operator()(const ButtonsBlock& b) const {
        json::array elements;
        for (const auto& btn : b.buttons) {
            auto o = button(btn);
            if (!o) continue;
            elements.push_back(std::move(*o));
            if (elements.size() == limits::actions_elements) {
                out.push_back(json::object{{"type", "actions"}, {"elements", std::move(elements)}});
                elements = {};
            }
        }
        if (!elements.empty()) out.push_back(json::object{{"type", "actions"}, {"elements", std::move(elements)}});
    }
    void operator()(const ContextBlock& b) const {
        if (b.text.empty()) return;
        TextSpan s;
        s.text = b.text;
        out.push_back(json::object{
            {"type", "context"}, {"elements", json::array{mrkdwn(render_spans({s}, limits::context_text))}}});
    }
    void operator()(const DividerBlock&) const { out.push_back(json::object{{"type", "divider"}}); }
};

// The notification text when the engine gave none: the first words the message shows.
std::string derived_fallback(const Message& m) {
    for (const auto& block : m.blocks) {
        if (const auto* h = std::get_if<HeaderBlock>(&block); h && !h->text.empty()) return h->text;
        if (const auto* c = std::get_if<ContentCardBlock>(&block); c && !c->title.empty()) return c->title;
        if (const auto* r = std::get_if<RichTextBlock>(&block)) {
            std::string text;
            for (const auto& s : r->spans) text += s.text;
            if (!text.empty()) return text;
        }
    }
    return "advocacy-bot";
}

}  // namespace

std::string render_spans(const std::vector<TextSpan>& spans, std::size_t budget) {
    MrkdwnWriter w(budget);
    for (const auto& s : spans) w.span(s);
    return w.take();
}

json::object render_message(const Message& message) {
    json::array blocks;
    BlockRenderer render{blocks};
    for (const auto& block : message.blocks) std::visit(render, block);
    if (blocks.size() > limits::blocks) {
        // Keep the first 49 and say that something was left out.
        blocks.resize(limits::blocks - 1);
        blocks.push_back(json::object{{"type", "context"}, {"elements", json::array{mrkdwn(std::string(kEllipsis))}}});
    }
    const std::string& fallback = message.fallback_text.empty() ? derived_fallback(message) : message.fallback_text;
    // The top-level text is shown as plain notification text, but Slack still parses & < > in it.
    bool cut = false;
    std::string text = escape_mrkdwn_fitting(truncate_text(fallback, limits::fallback_text - 10), limits::fallback_text, cut);
    return {{"text", std::move(text)}, {"blocks", std::move(blocks)}};
}

}  // namespace advocacy::slack
