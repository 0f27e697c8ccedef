// Block Kit rendering: every neutral block kind, Slack's limits on oversize input, UTF-8-safe truncation.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "adapters/slack/block_kit.hpp"
#include "adapters/slack/text_limits.hpp"

using namespace advocacy;
using namespace advocacy::slack;
namespace json = boost::json;

namespace {

TextSpan span(std::string text, bool bold = false, bool italic = false, std::optional<std::string> link = {}) {
    TextSpan s;
    s.text = std::move(text);
    s.bold = bold;
    s.italic = italic;
    s.link = std::move(link);
    return s;
}

Button button(std::string label, std::string action_id, std::string value, std::optional<std::string> url = {}) {
    Button b;
    b.label = std::move(label);
    b.action_id = std::move(action_id);
    b.value = std::move(value);
    b.url = std::move(url);
    return b;
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

bool valid_utf8(std::string_view s) { return clean_utf8(s) == s; }

// Every text in the payload is within its limit and valid UTF-8, recursively.
void check_limits(const json::object& payload) {
    const auto& blocks = payload.at("blocks").as_array();
    CHECK(blocks.size() <= limits::blocks);
    CHECK(!str(payload.at("text")).empty());
    CHECK(slack_length(str(payload.at("text"))) <= limits::fallback_text);
    for (const auto& bv : blocks) {
        const auto& b = bv.as_object();
        const auto type = str(b.at("type"));
        if (type == "section") {
            if (b.contains("text")) {
                CHECK(slack_length(str(b.at("text").at("text"))) <= limits::section_text);
                CHECK(valid_utf8(str(b.at("text").at("text"))));
            }
            if (b.contains("fields")) {
                CHECK(b.at("fields").as_array().size() <= limits::section_fields);
                for (const auto& f : b.at("fields").as_array())
                    CHECK(slack_length(str(f.at("text"))) <= limits::field_text);
            }
        } else if (type == "header") {
            CHECK(slack_length(str(b.at("text").at("text"))) <= limits::header_text);
            CHECK(valid_utf8(str(b.at("text").at("text"))));
        } else if (type == "actions") {
            const auto& els = b.at("elements").as_array();
            CHECK(els.size() <= limits::actions_elements);
            CHECK(!els.empty());
            for (const auto& e : els) {
                CHECK(slack_length(str(e.at("text").at("text"))) <= limits::button_text);
                CHECK(str(e.at("action_id")).size() <= limits::id);
                if (e.as_object().contains("value")) CHECK(slack_length(str(e.at("value"))) <= limits::button_value);
                if (e.as_object().contains("url")) CHECK(slack_length(str(e.at("url"))) <= limits::button_url);
            }
        } else if (type == "context") {
            CHECK(b.at("elements").as_array().size() <= limits::context_elements);
        } else {
            CHECK(type == "divider");
        }
    }
}

}  // namespace

TEST_CASE("truncation counts UTF-16 units, keeps whole code points and ends with an ellipsis") {
    CHECK(slack_length("abc") == 3);
    CHECK(slack_length("\xC3\xA9t\xC3\xA9") == 3);          // été
    CHECK(slack_length("\xF0\x9F\x8E\x89") == 2);          // 🎉 (outside the BMP)
    CHECK(truncate_text("short", 10) == "short");
    CHECK(truncate_text("abcdefghij", 5) == "abcd\xE2\x80\xA6");
    // 4 × "é" (2 bytes each) into 3 units: two code points and the ellipsis, never half a code point.
    CHECK(truncate_text("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
    // An emoji that would straddle the limit is left out whole.
    CHECK(truncate_text("ab\xF0\x9F\x8E\x89zz", 4) == "ab\xE2\x80\xA6");
    CHECK(truncate_text("abc   defgh", 6) == "abc\xE2\x80\xA6");  // no blank before the ellipsis
    // Malformed bytes become U+FFFD.
    CHECK(clean_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(clean_utf8("\xC3") == "\xEF\xBF\xBD");
}

TEST_CASE("mrkdwn escaping never splits an entity") {
    CHECK(escape_mrkdwn("a < b & c > d") == "a &lt; b &amp; c &gt; d");
    bool cut = false;
    CHECK(escape_mrkdwn_fitting("ab&cd", 4, cut) == "ab");
    CHECK(cut);
    CHECK(escape_mrkdwn_fitting("ab&cd", 7, cut) == "ab&amp;");
    CHECK(cut);
    CHECK(escape_mrkdwn_fitting("ab&cd", 9, cut) == "ab&amp;cd");
    CHECK(!cut);
}

TEST_CASE("spans render as mrkdwn: bold, italic, links, escaped text") {
    CHECK(render_spans({span("Hello "), span("world", true), span(" and "), span("more", false, true)}, 3000) ==
          "Hello *world* and _more_");
    CHECK(render_spans({span("the post", false, false, "https://example.com/a?b=1&c=2")}, 3000) ==
          "<https://example.com/a?b=1&amp;c=2|the post>");
    CHECK(render_spans({span(" padded ", true)}, 3000) == " *padded* ");
    CHECK(render_spans({span("1 < 2 & <!channel>")}, 3000) == "1 &lt; 2 &amp; &lt;!channel&gt;");
    // A link that is not http(s) is shown as text only.
    CHECK(render_spans({span("x", false, false, "javascript:alert(1)")}, 3000) == "x");
    // '|' in a URL would end the link text early.
    CHECK(render_spans({span("t", false, false, "https://e.com/a|b")}, 3000) == "<https://e.com/a%7Cb|t>");
}

TEST_CASE("a cut span keeps its markup balanced") {
    const std::string text = render_spans({span("abc "), span(std::string(100, 'x'), true)}, 20);
    CHECK(slack_length(text) <= 20);
    CHECK(text.starts_with("abc *x"));
    CHECK(text.ends_with("*\xE2\x80\xA6"));
}

TEST_CASE("every neutral block kind renders to its Block Kit form") {
    Message m;
    m.kind = MessageKind::content;
    m.fallback_text = "New content: Spring launch";
    m.blocks.push_back(HeaderBlock{"Today's pick"});
    m.blocks.push_back(RichTextBlock{{span("Why: "), span("it matters", true)}});
    m.blocks.push_back(ContentCardBlock{42, "Spring launch", "https://example.com/spring", "A summary.", "Proud of this!\n#employee"});
    m.blocks.push_back(FieldsBlock{{{"Shares", "3"}, {"Clicks", "12"}}});
    ButtonsBlock buttons;
    buttons.buttons.push_back(button("I shared it", "advocacy_shared", "42"));
    buttons.buttons.back().style = ButtonStyle::primary;
    buttons.buttons.push_back(button("Share on LinkedIn", "advocacy_share_linkedin", "42", "https://bot.example/s/tok"));
    m.blocks.push_back(buttons);
    m.blocks.push_back(ContextBlock{"Campaign: Spring \xC2\xB7 expires Fri"});
    m.blocks.push_back(DividerBlock{});

    const json::object p = render_message(m);
    check_limits(p);
    CHECK(str(p.at("text")) == "New content: Spring launch");
    const auto& b = p.at("blocks").as_array();
    REQUIRE(b.size() == 8);  // the card is two sections: the item, and the suggested post as a quote
    CHECK(str(b[0].at("type")) == "header");
    CHECK(str(b[0].at("text").at("type")) == "plain_text");
    CHECK(str(b[1].at("text").at("text")) == "Why: *it matters*");
    CHECK(str(b[2].at("text").at("text")) == "*<https://example.com/spring|Spring launch>*\nA summary.");
    CHECK(str(b[3].at("text").at("text")) == "> Proud of this!\n> #employee");
    CHECK(b[4].at("fields").as_array().size() == 2);
    CHECK(str(b[4].at("fields").at(0).at("text")) == "*Shares*\n3");
    const auto& els = b[5].at("elements").as_array();
    REQUIRE(els.size() == 2);
    CHECK(str(els[0].at("action_id")) == "advocacy_shared");
    CHECK(str(els[0].at("value")) == "42");
    CHECK(str(els[0].at("style")) == "primary");
    CHECK(str(els[1].at("action_id")) == "advocacy_share_linkedin");
    CHECK(str(els[1].at("url")) == "https://bot.example/s/tok");
    CHECK(!els[1].as_object().contains("style"));
    CHECK(str(b[6].at("type")) == "context");
    CHECK(str(b[7].at("type")) == "divider");
}

TEST_CASE("oversize input stays within every limit") {
    const std::string long_text = [] {
        std::string s;
        for (int i = 0; i < 2000; ++i) s += "d\xC3\xA9j\xC3\xA0 \xF0\x9F\x8E\x89 & ";  // multi-byte, emoji, escapes
        return s;
    }();
    Message m;
    m.fallback_text = long_text;
    m.blocks.push_back(HeaderBlock{long_text});
    m.blocks.push_back(RichTextBlock{{span(long_text, true), span(long_text, false, false, "https://e.com/x")}});
    m.blocks.push_back(ContentCardBlock{1, long_text, "https://e.com/" + std::string(5000, 'p'), long_text, long_text});
    FieldsBlock fields;
    for (int i = 0; i < 23; ++i) fields.fields.push_back({long_text, long_text});
    m.blocks.push_back(fields);
    ButtonsBlock buttons;
    for (int i = 0; i < 60; ++i) buttons.buttons.push_back(button(long_text, "advocacy_b" + std::to_string(i), "1"));
    buttons.buttons.push_back(button("too long value", "advocacy_v", std::string(2001, '9')));
    buttons.buttons.push_back(button("too long url", "advocacy_u", "1", "https://e.com/" + std::string(3000, 'u')));
    buttons.buttons.push_back(button("not a web url", "advocacy_j", "1", "javascript:alert(1)"));
    buttons.buttons.push_back(button("too long id", std::string(256, 'a'), "1"));
    m.blocks.push_back(buttons);
    m.blocks.push_back(ContextBlock{long_text});

    const json::object p = render_message(m);
    check_limits(p);
    const std::string all = json::serialize(p);
    // Buttons that could not be sent intact were left out, not cut.
    CHECK(all.find("advocacy_v\"") == std::string::npos);
    CHECK(all.find("advocacy_u\"") == std::string::npos);
    CHECK(all.find("advocacy_j\"") == std::string::npos);
    CHECK(all.find(std::string(256, 'a')) == std::string::npos);
    // 60 valid buttons: split over 3 actions blocks (25 + 25 + 10); 23 fields over 3 sections.
    int actions = 0, field_sections = 0;
    for (const auto& b : p.at("blocks").as_array()) {
        if (str(b.at("type")) == "actions") ++actions;
        if (b.as_object().contains("fields")) ++field_sections;
    }
    CHECK(actions == 3);
    CHECK(field_sections == 3);
    CHECK(str(p.at("blocks").at(0).at("text").at("text")).ends_with("\xE2\x80\xA6"));
}

TEST_CASE("more than 50 blocks: the first 49 and an ellipsis") {
    Message m;
    for (int i = 0; i < 80; ++i) m.blocks.push_back(HeaderBlock{"h" + std::to_string(i)});
    const json::object p = render_message(m);
    const auto& b = p.at("blocks").as_array();
    REQUIRE(b.size() == 50);
    CHECK(str(b[48].at("text").at("text")) == "h48");
    CHECK(str(b[49].at("type")) == "context");
    // No fallback given: the first words of the message.
    CHECK(str(p.at("text")) == "h0");
}

TEST_CASE("empty blocks are left out and the fallback is never empty") {
    Message m;
    m.blocks.push_back(HeaderBlock{""});
    m.blocks.push_back(RichTextBlock{});
    m.blocks.push_back(ButtonsBlock{});
    m.blocks.push_back(ContextBlock{""});
    const json::object p = render_message(m);
    CHECK(p.at("blocks").as_array().empty());
    CHECK(!str(p.at("text")).empty());
}
