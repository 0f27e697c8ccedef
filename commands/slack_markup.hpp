#pragma once
// Slack rewrites what people type in slash commands (with "escape channels, users and links" on): links become
// <https://x.y|label> or <https://x.y>, mentions <@U123|name>, channels <#C123|name>, and & < > become entities.
// These helpers turn that markup back into ids, URLs and the text the user typed.
#include <optional>
#include <string>
#include <string_view>

namespace advocacy::commands::slack {

// "<target|label>" or "<target>" (the whole string) -> its parts; nullopt if s is not one control sequence.
struct ControlSequence {
    std::string target;  // "https://x.y", "@U123", "#C123", "!here"
    std::optional<std::string> label;
};
std::optional<ControlSequence> parse_control_sequence(std::string_view s);

// &amp; &lt; &gt; -> & < > (Slack's only entities).
std::string decode_entities(std::string_view s);

// In free text: <https://x.y|x.y> -> "x.y" (the label is what was typed), <https://x.y> -> "https://x.y",
// <#C123|general> -> "#general". Mentions and other sequences stay as they are. With decode_text, the entities
// outside sequences are decoded too (Slack-escaped input); without, they are kept as typed.
std::string unwrap_links(std::string_view text, bool decode_text = false);

}  // namespace advocacy::commands::slack
