#pragma once
// The platform-neutral outbound message: a few block kinds every adapter can render (Block Kit, Adaptive Cards,
// the playground's HTML). Keep it small: adding a block kind means teaching every adapter to render it.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace advocacy {

// A run of text inside a paragraph. `link` makes the run a hyperlink.
struct TextSpan {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::optional<std::string> link;
};

struct HeaderBlock {
    std::string text;  // plain text
};

// One paragraph of rich text.
struct RichTextBlock {
    std::vector<TextSpan> spans;
};

// The shareable item itself: what it is, a post the employee can use as is.
struct ContentCardBlock {
    std::int64_t content_id = 0;
    std::string title;
    std::string url;             // the link shown on the title (the content URL)
    std::string summary;
    std::string suggested_text;  // ready-to-post text, disclosure suffix included
};

struct Field {
    std::string label;
    std::string value;
};
struct FieldsBlock {
    std::vector<Field> fields;
};

enum class ButtonStyle { normal, primary, danger };

// Either an action (the platform sends action_id + value back) or a URL (opens a page; Slack also reports the click).
struct Button {
    std::string label;
    std::string action_id;  // stable ids, documented in the README: advocacy_shared, advocacy_why, advocacy_skip, ...
    std::string value;      // e.g. the content id
    std::optional<std::string> url;  // set for URL buttons
    ButtonStyle style = ButtonStyle::normal;
};
struct ButtonsBlock {
    std::vector<Button> buttons;
};

// A small grey line under the content ("Campaign: Spring launch · expires Fri 12 June").
struct ContextBlock {
    std::string text;
};

struct DividerBlock {};

using Block = std::variant<HeaderBlock, RichTextBlock, ContentCardBlock, FieldsBlock, ButtonsBlock, ContextBlock,
                           DividerBlock>;

enum class MessageKind {
    reply,        // an ordinary answer in the conversation
    content,      // the daily content push
    leaderboard,  // the weekly board
    onboarding,   // first contact
};

struct Message {
    MessageKind kind = MessageKind::reply;
    std::string fallback_text;  // plain-text summary: notifications, screen readers, Slack's top-level `text`
    std::vector<Block> blocks;
    bool ephemeral = false;        // only the requesting user sees it (Slack ephemeral; other platforms: a normal reply)
    bool replace_original = false; // update the message the user clicked on instead of posting a new one
};

}  // namespace advocacy
