// The tokenizer: words, key=value, quotes (ASCII, smart, guillemets), escapes, Slack <...> groups, columns.
#include <catch2/catch.hpp>

#include "commands/command.hpp"

using namespace advocacy::commands;

namespace {

std::vector<Token> tokens_of(std::string_view text) {
    auto result = tokenize(text);
    INFO("input: " << text);
    if (const auto* failure = std::get_if<ParseError>(&result))
        FAIL("tokenize failed: " << error_code_name(failure->code) << " " << failure->detail);
    return std::get<std::vector<Token>>(result);
}

std::vector<std::string> texts_of(std::string_view text) {
    std::vector<std::string> texts;
    for (const auto& token : tokens_of(text)) texts.push_back(token.key ? *token.key + "=" + token.text : token.text);
    return texts;
}

ParseError failure_of(std::string_view text) {
    auto result = tokenize(text);
    INFO("input: " << text);
    REQUIRE(std::holds_alternative<ParseError>(result));
    return std::get<ParseError>(result);
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("words are split on any run of white space, including no-break spaces") {
    CHECK(texts_of("campaign  list") == Texts{"campaign", "list"});
    CHECK(texts_of("  a\tb\nc\r\n d  ") == Texts{"a", "b", "c", "d"});
    CHECK(texts_of("a\u00A0b\u202Fc\u2009d") == Texts{"a", "b", "c", "d"});
    CHECK(tokens_of("").empty());
    CHECK(tokens_of(" \t\n\u00A0 ").empty());
}

TEST_CASE("double-quoted strings keep spaces and mark the token quoted") {
    const auto tokens = tokens_of(R"(campaign create "Spring launch 2026" x)");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[2].text == "Spring launch 2026");
    CHECK(tokens[2].quoted);
    CHECK_FALSE(tokens[0].quoted);
    CHECK_FALSE(tokens[2].key);
    CHECK(texts_of(R"("")") == Texts{""});
    CHECK(tokens_of(R"("")").at(0).quoted);
}

TEST_CASE("backslash escapes a quote or a backslash, inside or outside quotes") {
    CHECK(texts_of(R"("say \"hi\"")") == Texts{R"(say "hi")"});
    CHECK(texts_of(R"("a\\b")") == Texts{R"(a\b)"});
    CHECK(texts_of(R"(it\"s)") == Texts{R"(it"s)"});
    CHECK(texts_of("\"x \\\u201D y\"") == Texts{"x \u201D y"});
}

TEST_CASE("any other escape is bad_escape at the backslash's column") {
    auto failure = failure_of(R"(why="a\nb")");
    CHECK(failure.code == ErrorCode::bad_escape);
    CHECK(failure.detail == "7");
    failure = failure_of(R"(ab\q)");
    CHECK(failure.code == ErrorCode::bad_escape);
    CHECK(failure.detail == "3");
    failure = failure_of("abc\\");
    CHECK(failure.code == ErrorCode::bad_escape);
    CHECK(failure.detail == "4");
    failure = failure_of("\"abc\\");
    CHECK(failure.code == ErrorCode::bad_escape);
    CHECK(failure.detail == "5");
    CHECK(failure.spec == nullptr);
}

TEST_CASE("an unclosed quote is unterminated_quote at the opening quote's column") {
    auto failure = failure_of(R"(campaign create "Spring)");
    CHECK(failure.code == ErrorCode::unterminated_quote);
    CHECK(failure.detail == "17");
    // Columns count characters, not bytes: “ is three bytes in UTF-8.
    failure = failure_of("\u00E9t\u00E9 why=\u201Cabc");
    CHECK(failure.code == ErrorCode::unterminated_quote);
    CHECK(failure.detail == "9");
    failure = failure_of(R"(a "b\" c)");
    CHECK(failure.code == ErrorCode::unterminated_quote);
    CHECK(failure.detail == "3");
}

TEST_CASE("smart quotes and guillemets quote like ASCII quotes") {
    CHECK(texts_of("create \u201CSpring launch\u201D") == Texts{"create", "Spring launch"});
    // Phones type ” after '=' (no space before it): a smart quote closes at any double quote.
    CHECK(texts_of("why=\u201Dbecause it matters\u201D") == Texts{"why=because it matters"});
    CHECK(texts_of("why=\u201Ebecause it matters\u201C") == Texts{"why=because it matters"});
    CHECK(texts_of("why=\u201Cmixed\"") == Texts{"why=mixed"});
    CHECK(texts_of("why=\u00ABparce que\u00BB") == Texts{"why=parce que"});
    // An ASCII-quoted string keeps smart quotes as text (pasted from a document).
    CHECK(texts_of("text=\"Our \u201Cbest\u201D product\"") == Texts{"text=Our \u201Cbest\u201D product"});
    CHECK(texts_of("\u00ABun \"mot\" ici\u00BB") == Texts{"un \"mot\" ici"});
}

TEST_CASE("key=value tokens, with plain or quoted values") {
    auto tokens = tokens_of(R"(why="because it matters" start=2026-03-01 a=b=c)");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].key == "why");
    CHECK(tokens[0].text == "because it matters");
    CHECK(tokens[0].quoted);
    CHECK(tokens[1].key == "start");
    CHECK(tokens[1].text == "2026-03-01");
    CHECK_FALSE(tokens[1].quoted);
    CHECK(tokens[2].key == "a");
    CHECK(tokens[2].text == "b=c");

    tokens = tokens_of("key= x Why=1 two_words-ok=2");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].key == "key");
    CHECK(tokens[0].text.empty());
    CHECK_FALSE(tokens[1].key);
    CHECK(tokens[2].key == "Why");  // keys are matched lower-case later; the tokenizer keeps what was typed
    CHECK(tokens[3].key == "two_words-ok");
}

TEST_CASE("only an unquoted identifier before '=' is a key") {
    for (const char* text : {"=value", "\"why\"=x", "https://x.y/?a=b", "1a=b", "w\\\"hy=x", "<@U1>=x"}) {
        const auto tokens = tokens_of(text);
        INFO(text);
        REQUIRE(tokens.size() == 1);
        CHECK_FALSE(tokens[0].key);
    }
    CHECK(tokens_of("=value")[0].text == "=value");
    CHECK(tokens_of("\"why\"=x")[0].text == "why=x");
    CHECK(tokens_of("https://x.y/?a=b")[0].text == "https://x.y/?a=b");
}

TEST_CASE("quoted and unquoted parts of one token join") {
    CHECK(texts_of(R"(ab"c d"e f)") == Texts{"abc de", "f"});
    CHECK(tokens_of(R"(ab"c d"e)")[0].quoted);
}

TEST_CASE("a Slack control sequence at the start of a token or value stays whole") {
    CHECK(texts_of("<https://x.y/a|our spring post> next") == Texts{"<https://x.y/a|our spring post>", "next"});
    CHECK(texts_of("audience=<#C123|general> x") == Texts{"audience=<#C123|general>", "x"});
    CHECK(texts_of("a<b c>") == Texts{"a<b", "c>"});           // not at the start: ordinary characters
    CHECK(texts_of("<oops no close") == Texts{"<oops", "no", "close"});
    CHECK(texts_of("<a <b>") == Texts{"<a", "<b>"});
    CHECK(texts_of("<a\nb>") == Texts{"<a", "b>"});
    CHECK(texts_of("<\"x\\q>") == Texts{"<\"x\\q>"});           // no quote or escape processing inside
}

TEST_CASE("columns are 1-based character positions of each token's start") {
    const auto tokens = tokens_of("  push 12  to=me \u201Cq r\u201D \u00E9t\u00E9 z");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[0].column == 3);
    CHECK(tokens[1].column == 8);
    CHECK(tokens[2].column == 12);
    CHECK(tokens[3].column == 18);
    CHECK(tokens[4].column == 24);
    CHECK(tokens[5].column == 28);
}

TEST_CASE("input longer than max_input_chars is too_long; the limit counts characters") {
    const std::string at_limit(max_input_chars, 'a');
    CHECK(tokens_of(at_limit).size() == 1);
    auto failure = failure_of(at_limit + "a");
    CHECK(failure.code == ErrorCode::too_long);
    CHECK(failure.detail == std::to_string(max_input_chars));

    std::string accents;
    for (std::size_t i = 0; i < max_input_chars; ++i) accents += "\u00E9";  // 2 bytes each
    CHECK(tokens_of(accents).size() == 1);
}
