#pragma once
// Every user-facing string, in English and French. Keys are stable ids ("share.recorded"); placeholders are {name}.
// The user's locale picks the language, falling back to the program default, then English.
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <vector>
#include <string>
#include <string_view>
#include <utility>

namespace advocacy::i18n {

enum class Lang { en, fr };

// "fr", "fr-FR", "fr_CA" -> fr; "en-US" -> en; anything else -> nullopt.
std::optional<Lang> parse_lang(std::string_view locale);
Lang pick_lang(std::string_view user_locale, std::string_view program_default);
std::string_view lang_code(Lang l);  // "en" | "fr"

using Args = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// The text for `key` in `lang` with {placeholders} filled. A missing key is a programming error caught by the
// catalog test (every key exists in both languages); at run time it returns the key itself.
std::string tr(Lang lang, std::string_view key, Args args = {});

// `text` with each {name} that has an entry in args replaced by its value; other brace text (an unknown {name},
// a lone '{') is kept verbatim. Names are [A-Za-z0-9_]+. This is what tr() applies to the table's text.
std::string fill_placeholders(std::string_view text, Args args);

// All keys (for the completeness test).
std::vector<std::string_view> all_keys();

// Curated how-to-share tips (12+ per language). `index` wraps around.
std::size_t tip_count();
std::string tip(Lang lang, std::size_t index);

}  // namespace advocacy::i18n
