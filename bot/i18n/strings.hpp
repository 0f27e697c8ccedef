#pragma once
// The string table behind i18n::tr(): one row per key with its English and French text. Placeholders: {name}.
// Lives in strings.cpp (owned by whoever adds user-facing text); catalog.cpp does the lookup.
#include <span>
#include <string_view>

namespace advocacy::i18n {

struct StringEntry {
    std::string_view key;
    std::string_view en;
    std::string_view fr;
};

std::span<const StringEntry> string_table();

}  // namespace advocacy::i18n
