#include "bot/i18n/catalog.hpp"
#include "bot/i18n/strings.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

using advocacy::i18n::Lang;

namespace {

// The {name} placeholders of a text, found independently of the implementation.
std::set<std::string> placeholders(std::string_view text) {
    static const std::regex re(R"(\{([A-Za-z0-9_]+)\})");
    std::set<std::string> out;
    const std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
        out.insert((*it)[1].str());
    }
    return out;
}

}  // namespace

TEST_CASE("string table: every key complete in English and French", "[catalog]") {
    const auto table = advocacy::i18n::string_table();
    REQUIRE_FALSE(table.empty());
    std::set<std::string_view> keys;
    for (const auto& e : table) {
        INFO("key: " << e.key);
        CHECK_FALSE(e.key.empty());
        CHECK(keys.insert(e.key).second);  // no duplicate keys
        CHECK_FALSE(e.en.empty());
        CHECK_FALSE(e.fr.empty());
        CHECK(placeholders(e.en) == placeholders(e.fr));
        // tr() finds every key (its index covers the whole table) and returns the row's text.
        CHECK(advocacy::i18n::tr(Lang::en, e.key) == e.en);
        CHECK(advocacy::i18n::tr(Lang::fr, e.key) == e.fr);
    }
    const auto all = advocacy::i18n::all_keys();
    CHECK(all.size() == table.size());
    CHECK(std::set<std::string_view>(all.begin(), all.end()) == keys);
}

TEST_CASE("every placeholder of every key can be filled", "[catalog]") {
    // Args is an initializer_list, so fill one placeholder at a time with a value built from its name.
    for (const auto& e : advocacy::i18n::string_table()) {
        for (const Lang lang : {Lang::en, Lang::fr}) {
            std::string text(lang == Lang::fr ? e.fr : e.en);
            const auto names = placeholders(text);
            for (const auto& name : names) {
                const std::string value = "<" + name + "-value>";
                text = advocacy::i18n::fill_placeholders(text, {{name, value}});
                CHECK(text.find(value) != std::string::npos);
            }
            INFO("key " << e.key << " lang " << advocacy::i18n::lang_code(lang) << ": " << text);
            CHECK(placeholders(text).empty());
        }
    }
}

TEST_CASE("fill_placeholders and tr", "[catalog]") {
    using advocacy::i18n::fill_placeholders;
    CHECK(fill_placeholders("+{points} points, {shares} shares", {{"points", "10"}, {"shares", "3"}}) ==
          "+10 points, 3 shares");
    CHECK(fill_placeholders("{a}{a} and {a}", {{"a", "x"}}) == "xx and x");
    CHECK(fill_placeholders("Hi {name}, {unknown} stays", {{"name", "Zoé"}}) == "Hi Zoé, {unknown} stays");
    CHECK(fill_placeholders("a { b } {} {not closed", {{"b", "B"}}) == "a { b } {} {not closed");
    CHECK(fill_placeholders("{v}", {{"v", "{v}"}}) == "{v}");  // values are not re-scanned
    CHECK(fill_placeholders("no placeholders", {}) == "no placeholders");
    CHECK(fill_placeholders("", {{"a", "b"}}).empty());

    SECTION("a missing key returns the key itself") {
        CHECK(advocacy::i18n::tr(Lang::en, "no.such.key") == "no.such.key");
        CHECK(advocacy::i18n::tr(Lang::fr, "no.such.key", {{"x", "y"}}) == "no.such.key");
    }
    SECTION("tr applies the arguments to the table text") {
        for (const auto& e : advocacy::i18n::string_table()) {
            const auto names = placeholders(e.en);
            if (names.size() != 1) continue;
            const std::string name = *names.begin();
            const auto out = advocacy::i18n::tr(Lang::fr, e.key, {{name, "VALEUR"}});
            CHECK(out == fill_placeholders(e.fr, {{name, "VALEUR"}}));
            CHECK(out.find("VALEUR") != std::string::npos);
        }
    }
}

TEST_CASE("language choice", "[catalog]") {
    using advocacy::i18n::parse_lang;
    using advocacy::i18n::pick_lang;
    CHECK(parse_lang("fr") == Lang::fr);
    CHECK(parse_lang("fr-FR") == Lang::fr);
    CHECK(parse_lang("fr_CA") == Lang::fr);
    CHECK(parse_lang("FR-be") == Lang::fr);
    CHECK(parse_lang("fr_FR.UTF-8") == Lang::fr);
    CHECK(parse_lang("en") == Lang::en);
    CHECK(parse_lang("en-US") == Lang::en);
    CHECK(parse_lang("en_GB") == Lang::en);
    CHECK_FALSE(parse_lang("de-DE").has_value());
    CHECK_FALSE(parse_lang("french").has_value());
    CHECK_FALSE(parse_lang("f").has_value());
    CHECK_FALSE(parse_lang("").has_value());
    CHECK_FALSE(parse_lang("frr").has_value());

    CHECK(pick_lang("fr-FR", "en") == Lang::fr);  // the user's locale wins
    CHECK(pick_lang("en-US", "fr") == Lang::en);
    CHECK(pick_lang("", "fr") == Lang::fr);       // then the program default
    CHECK(pick_lang("de-DE", "fr") == Lang::fr);
    CHECK(pick_lang("ja-JP", "es") == Lang::en);  // then English
    CHECK(pick_lang("", "") == Lang::en);

    CHECK(advocacy::i18n::lang_code(Lang::en) == "en");
    CHECK(advocacy::i18n::lang_code(Lang::fr) == "fr");
    CHECK(parse_lang(advocacy::i18n::lang_code(Lang::fr)) == Lang::fr);
}

TEST_CASE("how-to-share tips", "[catalog]") {
    using advocacy::i18n::tip;
    const std::size_t n = advocacy::i18n::tip_count();
    CHECK(n >= 14);
    std::set<std::string> en, fr;
    for (std::size_t i = 0; i < n; ++i) {
        const auto e = tip(Lang::en, i);
        const auto f = tip(Lang::fr, i);
        INFO("tip " << i << ": " << e << " / " << f);
        CHECK_FALSE(e.empty());
        CHECK_FALSE(f.empty());
        CHECK(e != f);
        CHECK(e.size() <= 160);  // short: read in a glance under a "why" answer
        CHECK(f.size() <= 180);  // (bytes; French runs a little longer and accents take two)
        CHECK(e.find('{') == std::string::npos);
        CHECK(f.find('{') == std::string::npos);
        en.insert(e);
        fr.insert(f);
    }
    CHECK(en.size() == n);  // no tip twice
    CHECK(fr.size() == n);
    SECTION("the index wraps around") {
        CHECK(tip(Lang::en, n) == tip(Lang::en, 0));
        CHECK(tip(Lang::fr, n + 3) == tip(Lang::fr, 3));
        CHECK(tip(Lang::en, 2 * n - 1) == tip(Lang::en, n - 1));
    }
}
