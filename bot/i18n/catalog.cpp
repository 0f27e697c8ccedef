#include "bot/i18n/catalog.hpp"

#include <algorithm>
#include <unordered_map>

#include "bot/i18n/strings.hpp"

namespace advocacy::i18n {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_placeholder_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// key -> row, built once on first use (function-local static: thread-safe initialisation, read-only afterwards).
const std::unordered_map<std::string_view, const StringEntry*>& index() {
    static const auto map = [] {
        std::unordered_map<std::string_view, const StringEntry*> m;
        const auto table = string_table();
        m.reserve(table.size());
        for (const StringEntry& e : table) m.emplace(e.key, &e);  // first row wins; the test rejects duplicates
        return m;
    }();
    return map;
}

}  // namespace

std::string fill_placeholders(std::string_view text, Args args) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        if (open == std::string_view::npos) break;
        std::size_t close = open + 1;
        while (close < text.size() && is_placeholder_char(text[close])) ++close;
        out.append(text, i, open - i);
        if (close < text.size() && text[close] == '}' && close > open + 1) {
            const std::string_view name = text.substr(open + 1, close - open - 1);
            const auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
            if (it != args.end()) out.append(it->second);
            else out.append(text.substr(open, close - open + 1));
            i = close + 1;
        } else {
            out.push_back('{');
            i = open + 1;
        }
    }
    if (i < text.size()) out.append(text.substr(i));
    return out;
}

std::optional<Lang> parse_lang(std::string_view locale) {
    while (!locale.empty() && (locale.front() == ' ' || locale.front() == '\t')) locale.remove_prefix(1);
    const std::size_t end = locale.find_first_of("-_.@ \t");
    const std::string_view primary = locale.substr(0, end);
    if (primary.size() != 2) return std::nullopt;
    const char a = ascii_lower(primary[0]);
    const char b = ascii_lower(primary[1]);
    if (a == 'e' && b == 'n') return Lang::en;
    if (a == 'f' && b == 'r') return Lang::fr;
    return std::nullopt;
}

Lang pick_lang(std::string_view user_locale, std::string_view program_default) {
    if (const auto l = parse_lang(user_locale)) return *l;
    if (const auto l = parse_lang(program_default)) return *l;
    return Lang::en;
}

std::string_view lang_code(Lang l) { return l == Lang::fr ? "fr" : "en"; }

std::string tr(Lang lang, std::string_view key, Args args) {
    const auto& map = index();
    const auto it = map.find(key);
    if (it == map.end()) return std::string(key);
    std::string_view text = lang == Lang::fr ? it->second->fr : it->second->en;
    if (text.empty()) text = it->second->en;  // a half-translated row still shows something (the test forbids it)
    if (text.empty()) return std::string(key);
    return fill_placeholders(text, args);
}

std::vector<std::string_view> all_keys() {
    std::vector<std::string_view> keys;
    const auto table = string_table();
    keys.reserve(table.size());
    for (const StringEntry& e : table) keys.push_back(e.key);
    return keys;
}

}  // namespace advocacy::i18n
