#pragma once
// Slack's text limits, counted the safe way: in UTF-16 code units (a character outside the BMP counts twice), so a
// text within our count is within Slack's whichever way it counts. Truncation keeps whole code points, ends with
// an ellipsis, and replaces malformed UTF-8 with U+FFFD (Slack rejects invalid UTF-8).
#include <cstddef>
#include <string>
#include <string_view>

namespace advocacy::slack {

namespace limits {
inline constexpr std::size_t blocks = 50;
inline constexpr std::size_t section_text = 3000;
inline constexpr std::size_t section_fields = 10;
inline constexpr std::size_t field_text = 2000;
inline constexpr std::size_t header_text = 150;
inline constexpr std::size_t context_elements = 10;
inline constexpr std::size_t context_text = 2000;  // conservative: a text object inside a context block
inline constexpr std::size_t actions_elements = 25;
inline constexpr std::size_t id = 255;              // block_id / action_id
inline constexpr std::size_t button_text = 75;
inline constexpr std::size_t button_value = 2000;
inline constexpr std::size_t button_url = 3000;
inline constexpr std::size_t fallback_text = 3000;  // top-level `text` (Slack truncates at 40k; keep it short)
}  // namespace limits

inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, one unit

// Length as Slack may count it (UTF-16 units; a malformed byte counts as one).
std::size_t slack_length(std::string_view s);

// Valid UTF-8: malformed bytes become U+FFFD.
std::string clean_utf8(std::string_view s);

// Cleaned and cut to at most `max_units`, ending with an ellipsis when something was cut.
std::string truncate_text(std::string_view s, std::size_t max_units);

// mrkdwn control characters: & < > become entities (Slack decodes exactly these three).
std::string escape_mrkdwn(std::string_view s);

// Escapes `plain` for mrkdwn, stopping before the first character whose escaped form would pass `budget` units;
// `cut` tells whether something was left out. Never splits an entity or a code point.
std::string escape_mrkdwn_fitting(std::string_view plain, std::size_t budget, bool& cut);

}  // namespace advocacy::slack
