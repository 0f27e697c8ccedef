// Adaptive Cards rendering: every neutral block kind, Action.Execute with an Action.Submit fallback, at most 5
// actions per set, user text never read as markdown, and the UTF-16 size limit on huge input.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "adapters/teams/adaptive_card.hpp"

using namespace advocacy;
using namespace advocacy::teams;
namespace json = boost::json;

namespace {

Button action(std::string label, std::string id, std::string value, ButtonStyle style = ButtonStyle::normal) {
    Button b;
    b.label = std::move(label);
    b.action_id = std::move(id);
    b.value = std::move(value);
    b.style = style;
    return b;
}

Button link(std::string label, std::string url) {
    Button b = action(std::move(label), "advocacy_share_x", "7");
    b.url = std::move(url);
    return b;
}

Message content_like() {
    Message m;
    m.kind = MessageKind::content;
    m.fallback_text = "New: Spring is here";
    m.blocks.push_back(ContentCardBlock{7, "Spring *is* [here](https://evil.example)", "https://example.com/spring",
                                        "What we shipped", "Proud of what we shipped!"});
    m.blocks.push_back(ButtonsBlock{{link("Share on LinkedIn", "https://bot.example/s/abc"),
                                     link("Share on X", "https://bot.example/s/def"),
                                     link("Share on Facebook", "https://bot.example/s/ghi")}});
    m.blocks.push_back(ButtonsBlock{{action("I shared it", "advocacy_shared", "7", ButtonStyle::primary),
                                     action("Why share this?", "advocacy_why", "7"),
                                     action("Skip", "advocacy_skip", "7", ButtonStyle::danger)}});
    m.blocks.push_back(ContextBlock{"Campaign: Spring launch"});
    return m;
}

std::string text_of(const json::value& v) { return json::serialize(v); }

}  // namespace

TEST_CASE("a content card: share links in the body, Execute buttons with Submit fallbacks as the card's actions",
          "[teams][card]") {
    const json::object card = render_card(content_like());
    CHECK(card.at("type") == "AdaptiveCard");
    CHECK(card.at("version") == "1.5");
    CHECK(card.at("fallbackText") == "New: Spring is here");
    const auto& body = card.at("body").as_array();
    REQUIRE(body.size() >= 4);
    // The title is a TextRun (never markdown) linked to the content.
    const auto& title = body[0].at("inlines").as_array()[0].as_object();
    CHECK(body[0].at("type") == "RichTextBlock");
    CHECK(title.at("type") == "TextRun");
    CHECK(title.at("text") == "Spring *is* [here](https://evil.example)");
    CHECK(title.at("selectAction").at("url") == "https://example.com/spring");

    std::size_t open_urls = 0;
    for (const auto& e : body) {
        if (e.at("type") != "ActionSet") continue;
        for (const auto& a : e.at("actions").as_array()) {
            CHECK(a.at("type") == "Action.OpenUrl");
            ++open_urls;
        }
    }
    CHECK(open_urls == 3);

    const auto& actions = card.at("actions").as_array();
    REQUIRE(actions.size() == 3);
    for (const auto& a : actions) {
        CHECK(a.at("type") == "Action.Execute");
        CHECK(a.at("fallback").at("type") == "Action.Submit");
        CHECK(a.at("data") == a.at("fallback").at("data"));
        CHECK(a.at("verb") == a.at("data").at("advocacy_action"));
        CHECK(a.at("data").at("advocacy_value") == "7");
    }
    CHECK(actions[0].at("verb") == "advocacy_shared");
    CHECK(actions[0].at("style") == "positive");
    CHECK(actions[2].at("style") == "destructive");
    // The context line comes last in the body, subtle.
    const auto& context = body.back().at("inlines").as_array()[0];
    CHECK(context.at("isSubtle") == true);
}

TEST_CASE("headers, paragraphs with links, facts, dividers", "[teams][card]") {
    Message m;
    m.blocks.push_back(HeaderBlock{"Leaderboard"});
    TextSpan bold{"Ann", true, false, {}};
    TextSpan linked{"our post", false, true, std::string("https://example.com/p")};
    TextSpan js{"bad", false, false, std::string("javascript:alert(1)")};
    m.blocks.push_back(RichTextBlock{{bold, linked, js}});
    m.blocks.push_back(DividerBlock{});
    m.blocks.push_back(FieldsBlock{{{"Shares", "12"}, {"Clicks", "40"}}});
    const json::object card = render_card(m);
    const auto& body = card.at("body").as_array();
    REQUIRE(body.size() == 3);
    CHECK(body[0].at("inlines").as_array()[0].at("size") == "Large");
    const auto& runs = body[1].at("inlines").as_array();
    CHECK(runs[0].at("weight") == "Bolder");
    CHECK(runs[1].at("italic") == true);
    CHECK(runs[1].at("selectAction").at("url") == "https://example.com/p");
    CHECK_FALSE(runs[2].as_object().contains("selectAction"));  // only web links
    CHECK(body[2].at("type") == "FactSet");
    CHECK(body[2].at("separator") == true);
    CHECK(body[2].at("facts").as_array()[1].at("title") == "Clicks");
    CHECK_FALSE(card.contains("actions"));
}

TEST_CASE("no action set holds more than five actions", "[teams][card]") {
    Message m;
    ButtonsBlock links;
    for (int i = 0; i < 7; ++i) links.buttons.push_back(link("L" + std::to_string(i), "https://x.example/" + std::to_string(i)));
    ButtonsBlock actions;
    for (int i = 0; i < 12; ++i) actions.buttons.push_back(action("A" + std::to_string(i), "advocacy_cmd", std::to_string(i)));
    m.blocks.push_back(links);
    m.blocks.push_back(actions);
    m.blocks.push_back(RichTextBlock{{TextSpan{"after", false, false, {}}}});
    m.blocks.push_back(ButtonsBlock{{action("Last", "advocacy_skip", "1")}});
    const json::object card = render_card(m);
    std::size_t total = 0;
    for (const auto& e : card.at("body").as_array()) {
        if (e.at("type") != "ActionSet") continue;
        CHECK(e.at("actions").as_array().size() <= 5);
        total += e.at("actions").as_array().size();
    }
    CHECK(total == 19);  // 7 links + 12 actions, in sets, before the paragraph
    CHECK(card.at("actions").as_array().size() == 1);
}

TEST_CASE("a huge message stays under the Teams limit, measured in UTF-16", "[teams][card]") {
    Message m = content_like();
    std::string huge;
    for (int i = 0; i < 30000; ++i) huge += "\xF0\x9F\x98\x80";  // 😀: 4 bytes, 2 UTF-16 units
    m.fallback_text = huge;
    for (int i = 0; i < 40; ++i) m.blocks.push_back(RichTextBlock{{TextSpan{huge, false, false, {}}}});
    const json::object activity = card_activity(m);
    const std::string wire = json::serialize(activity);
    CHECK(utf16_length(wire) <= kMaxActivityUtf16);
    CHECK(activity.at("attachments").as_array()[0].at("contentType") == "application/vnd.microsoft.card.adaptive");
    CHECK(text_of(activity).find("\xE2\x80\xA6") != std::string::npos);  // cut with an ellipsis
}

TEST_CASE("UTF-16 length and code-point-safe cutting", "[teams][card]") {
    CHECK(utf16_length("abc") == 3);
    CHECK(utf16_length("\xC3\xA9t\xC3\xA9") == 3);       // été
    CHECK(utf16_length("\xF0\x9F\x98\x80") == 2);        // outside the BMP
    CHECK(cut_text("abcdef", 10) == "abcdef");
    CHECK(cut_text("abcdef", 4) == "abc\xE2\x80\xA6");
    CHECK(cut_text("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xE2\x80\xA6");
    CHECK(cut_text("a\xFF" "b", 10) == "a\xEF\xBF\xBD" "b");  // invalid byte -> U+FFFD
}
