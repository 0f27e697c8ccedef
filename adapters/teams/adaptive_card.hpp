#pragma once
// Adaptive Cards 1.5 (Teams' ceiling) for the engine's neutral messages. User text goes into RichTextBlock TextRuns,
// which Teams never reads as markdown, so a title with `*` or `[x](y)` shows as typed. Buttons:
//  - URL buttons (share links)      -> Action.OpenUrl, in an ActionSet of the body (at most 5 per set);
//  - action buttons (I shared it...) -> Action.Execute (verb = action id) with an Action.Submit fallback, both
//    carrying {advocacy_action, advocacy_value}; the last set of them becomes the card's own `actions`.
// A message activity with the card stays under kMaxActivityUtf16 code units (Teams counts UTF-16, limit ~100 KB):
// long texts are cut, with an ellipsis, until it fits.
#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <string_view>

#include "bot/model/message.hpp"

namespace advocacy::teams {

inline constexpr std::string_view kCardContentType = "application/vnd.microsoft.card.adaptive";
inline constexpr std::size_t kMaxActivityUtf16 = 80 * 1024;
inline constexpr std::string_view kActionKey = "advocacy_action";
inline constexpr std::string_view kValueKey = "advocacy_value";

// The card alone (`{"type":"AdaptiveCard","version":"1.5",...}`), texts cut at `max_text_chars` code points.
boost::json::object render_card(const Message& message, std::size_t max_text_chars = 4000);

// The card, its texts cut until a message carrying it stays within kMaxActivityUtf16 (also for invoke responses).
boost::json::object fitted_card(const Message& message);

// `{"type":"message","summary":...,"attachments":[{"contentType":...,"content":card}]}`, within kMaxActivityUtf16.
boost::json::object card_activity(const Message& message);

// Length of `utf8` in UTF-16 code units (characters outside the BMP count two), as Teams measures messages.
std::size_t utf16_length(std::string_view utf8);

// At most `max_chars` code points (never cutting one), with "…" when cut. Invalid UTF-8 bytes become U+FFFD.
std::string cut_text(std::string_view utf8, std::size_t max_chars);

}  // namespace advocacy::teams
