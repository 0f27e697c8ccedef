// parse() and tokenize() never throw or crash, whatever arrives: random bytes, huge inputs, broken quoting.
#include <catch2/catch.hpp>

#include <random>

#include "commands/command.hpp"

using namespace advocacy::commands;

namespace {

// Either a command with a spec, or an error with a code the engine can render.
void check_well_formed(std::string_view text) {
    std::variant<ParsedCommand, ParseError> result;
    REQUIRE_NOTHROW(result = parse(text));
    if (const auto* command = std::get_if<ParsedCommand>(&result)) {
        REQUIRE(command->spec != nullptr);
        CHECK(command->args.size() <= command->spec->args.size());
    } else {
        const auto& failure = std::get<ParseError>(result);
        CHECK(error_code_name(failure.code) != "unknown");
    }
}

}  // namespace

TEST_CASE("random bytes never crash the parser") {
    std::mt19937 random(20261127);  // fixed seed: a failure reproduces
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 200);
    for (int round = 0; round < 3000; ++round) {
        std::string text(static_cast<std::size_t>(length(random)), '\0');
        for (char& c : text) c = static_cast<char>(byte(random));
        check_well_formed(text);
    }
}

TEST_CASE("random mixes of the grammar's own characters never crash the parser") {
    const std::vector<std::string> pieces{"\"", "\\", "=", "<", ">", "|", "@", "#", " ", "campaign", "create", "why",
                                          "stats", "push", "to=me", "\u201C", "\u201D", "\u00AB", "\u00BB", "1", "x",
                                          "<@U1>", "<https://x.y|a b>", "\xE2\x80", "\xC3", "\n", "&amp;", "group:"};
    std::mt19937 random(42);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> count(0, 30);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        for (int i = count(random); i > 0; --i) text += pieces[pick(random)];
        check_well_formed(text);
    }
}

TEST_CASE("edge inputs give the expected error") {
    const auto code_of = [](std::string_view text) {
        auto result = parse(text);
        return std::holds_alternative<ParseError>(result)
                   ? std::string(error_code_name(std::get<ParseError>(result).code))
                   : std::string("ok");
    };
    CHECK(code_of("\"") == "unterminated_quote");
    CHECK(code_of("\\") == "bad_escape");
    CHECK(code_of("why \\") == "bad_escape");
    CHECK(code_of("=value") == "unknown_command");
    CHECK(code_of("key=") == "unknown_command");
    CHECK(code_of("=") == "unknown_command");
    CHECK(code_of("campaign create A why=x =value") == "unexpected_argument");
    CHECK(code_of("campaign create A why=x key=") == "unknown_option");
    CHECK(code_of(std::string("me\0x", 4)) == "unknown_command");  // NUL is not a space: one odd word
    CHECK(code_of(std::string("me \0", 4)) == "unexpected_argument");
    CHECK(code_of("\u201C") == "unterminated_quote");
    CHECK(code_of("\xE2\x80") == "unknown_command");  // a truncated UTF-8 sequence is just an odd character
}

TEST_CASE("very long inputs are refused early or handled in one pass") {
    CHECK_NOTHROW(parse(std::string(1'000'000, 'a')));
    CHECK(std::get<ParseError>(parse(std::string(1'000'000, '"'))).code == ErrorCode::too_long);

    // Ten thousand tokens do not fit under the limit...
    std::string many;
    for (int i = 0; i < 10'000; ++i) many += "x ";
    CHECK(std::get<ParseError>(parse(many)).code == ErrorCode::too_long);
    // ...while as many as fit are tokenized and rejected with the first extra one.
    std::string most = "me";
    while (most.size() + 2 <= max_input_chars) most += " y";
    const auto tokens = tokenize(most);
    REQUIRE(std::holds_alternative<std::vector<Token>>(tokens));
    CHECK(std::get<std::vector<Token>>(tokens).size() == max_input_chars / 2);
    const auto failure = std::get<ParseError>(parse(most));
    CHECK(failure.code == ErrorCode::unexpected_argument);
    CHECK(failure.detail == "y");

    // A long unterminated quote fails cleanly; a name made of thousands of escaped quotes parses.
    CHECK(std::get<ParseError>(parse("why \"" + std::string(max_input_chars - 5, 'q'))).code ==
          ErrorCode::unterminated_quote);
    std::string escapes = "campaign create \"";
    std::size_t quotes = 0;
    for (; escapes.size() + 2 + 7 <= max_input_chars; ++quotes) escapes += "\\\"";
    escapes += "\" why=x";
    const auto command = std::get<ParsedCommand>(parse(escapes));
    CHECK(command.arg(0) == std::string(quotes, '"'));
}
