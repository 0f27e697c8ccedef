#pragma once
// Small builders shared by every message: plain paragraphs, localized dates.
#include <string>
#include <string_view>
#include <vector>

#include "bot/calendar.hpp"
#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"

namespace advocacy::engine {

// A text run without a link (designated initializers would warn about the missing member).
inline TextSpan span(std::string text, bool bold = false, bool italic = false) {
    TextSpan s;
    s.text = std::move(text);
    s.bold = bold;
    s.italic = italic;
    return s;
}
inline RichTextBlock paragraph(TextSpan s) { return RichTextBlock{{std::move(s)}}; }

// `*word*` (the catalog's only markup) as a bold span; everything else as plain text.
std::vector<TextSpan> spans_from_markup(std::string_view line);

// One RichTextBlock per line of `text`, *bold* markup as bold spans; the fallback is the text without markup.
Message text_message(std::string_view text, MessageKind kind = MessageKind::reply);
void append_paragraphs(Message& message, std::string_view text);
// A message shown only to the requester.
Message private_message(std::string_view text);

// "Fri 12 June" / "ven. 12 juin".
std::string format_local_date(i18n::Lang lang, LocalDate day);

// Lines joined with '\n'.
std::string join_lines(const std::vector<std::string>& lines);

}  // namespace advocacy::engine
