// Every string the engine builds from data (command descriptions, error codes, value types) exists in EN and FR.
#include <catch2/catch.hpp>

#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/messages/help_message.hpp"
#include "bot/engine/messages/text.hpp"
#include "bot/i18n/catalog.hpp"
#include "commands/command.hpp"

using namespace advocacy;

namespace {

bool has(i18n::Lang lang, const std::string& key) { return i18n::tr(lang, key) != key; }

}  // namespace

TEST_CASE("engine strings: every command has a handler and a help description in both languages") {
    for (const auto& spec : commands::command_table()) {
        INFO(spec.name);
        CHECK(engine::has_command_handler(spec.name));
        CHECK(has(i18n::Lang::en, engine::help_key(spec.name)));
        CHECK(has(i18n::Lang::fr, engine::help_key(spec.name)));
    }
}

TEST_CASE("engine strings: every parse error and value type can be explained in both languages") {
    using commands::ErrorCode;
    for (auto code : {ErrorCode::unknown_command, ErrorCode::unterminated_quote, ErrorCode::bad_escape,
                      ErrorCode::missing_argument, ErrorCode::unexpected_argument, ErrorCode::unknown_option,
                      ErrorCode::duplicate_option, ErrorCode::missing_option, ErrorCode::bad_value, ErrorCode::too_long}) {
        const std::string key = "error." + std::string(commands::error_code_name(code));
        INFO(key);
        CHECK(has(i18n::Lang::en, key));
        CHECK(has(i18n::Lang::fr, key));
    }
    using commands::ValueType;
    for (auto type : {ValueType::word, ValueType::text, ValueType::id, ValueType::url, ValueType::date, ValueType::time,
                      ValueType::weekdays, ValueType::weekday_time, ValueType::time_zone, ValueType::user,
                      ValueType::audience, ValueType::period, ValueType::count, ValueType::choice}) {
        const std::string key = "value." + std::string(commands::value_type_name(type));
        INFO(key);
        CHECK(has(i18n::Lang::en, key));
        CHECK(has(i18n::Lang::fr, key));
    }
}

TEST_CASE("engine strings: localized dates") {
    for (unsigned m = 1; m <= 12; ++m) {
        CHECK(has(i18n::Lang::en, "date.month." + std::to_string(m)));
        CHECK(has(i18n::Lang::fr, "date.month." + std::to_string(m)));
    }
    for (unsigned d = 0; d < 7; ++d) CHECK(has(i18n::Lang::fr, "date.weekday." + std::to_string(d)));
}

TEST_CASE("catalog *bold* markup becomes bold spans, never literal asterisks") {
    using advocacy::engine::spans_from_markup;
    const auto spans = spans_from_markup("Try *why*, *me* or *help*.");
    REQUIRE(spans.size() == 7);
    CHECK(spans[0].text == "Try ");
    CHECK_FALSE(spans[0].bold);
    CHECK(spans[1].text == "why");
    CHECK(spans[1].bold);
    CHECK(spans[6].text == ".");
    // Not markup: a lone star, a multiplication, stars inside words.
    CHECK(spans_from_markup("5 * 3 = 15").size() == 1);
    CHECK(spans_from_markup("a*b*c").size() == 1);
    CHECK(spans_from_markup("*unclosed").front().text == "*unclosed");
    const auto m = advocacy::engine::text_message("Type *help* anytime.\nSecond *line*");
    CHECK(m.fallback_text == "Type help anytime.\nSecond line");
    REQUIRE(m.blocks.size() == 2);
}
