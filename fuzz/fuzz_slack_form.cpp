// libFuzzer target: what the Slack HTTP endpoint does with a request before the engine sees it.
// Input: "<X-Slack-Request-Timestamp>\n<X-Slack-Signature>\n<body>".
//  - the signature check over the fuzzed headers (timestamp parsing, window, HMAC comparison), and over the same body
//    correctly signed, which must pass;
//  - the body as a slash command / interactivity form (Boost.URL decoding, '+' as space), its text fields cleaned as
//    the handlers clean them, and the command text through the command language;
//  - an interactivity `payload` (or the body itself) as JSON; a view_submission's `view` through the `content add`
//    modal reader, whose command must always tokenize (the modal quotes every value).
#include <boost/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "adapters/slack/content_modal.hpp"
#include "adapters/slack/form.hpp"
#include "adapters/slack/signature.hpp"
#include "adapters/slack/text_limits.hpp"
#include "bot/clock.hpp"
#include "commands/command.hpp"

namespace {

namespace json = boost::json;
using namespace advocacy;

constexpr std::string_view kSecret = "fuzz-signing-secret";
constexpr std::int64_t kNow = 1'764'000'000;  // 2025-11-24: any fixed instant

std::string_view next_line(std::string_view& rest) {
    const auto nl = rest.find('\n');
    const auto line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    return line;
}

void check_view(const json::object& view) {
    for (const std::string_view lang : {"en", "fr"}) {
        const auto submission = slack::read_content_add(view, lang);
        if (!submission.errors.empty()) continue;
        const auto tokens = commands::tokenize(submission.command_text);
        if (const auto* error = std::get_if<commands::ParseError>(&tokens)) {
            // Every value was quoted by the modal: only the length limit may refuse it.
            if (error->code != commands::ErrorCode::too_long) __builtin_trap();
        }
        (void)commands::parse(submission.command_text);
    }
}

void check_json(std::string_view text) {
    boost::system::error_code ec;
    const json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return;
    if (const auto* view = v.as_object().if_contains("view"); view && view->is_object()) check_view(view->as_object());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const auto timestamp = next_line(rest);
    const auto signature = next_line(rest);
    const std::string_view body = rest;

    const ManualClock clock{std::chrono::sys_seconds(std::chrono::seconds(kNow))};
    const slack::SignatureVerifier verifier{std::string(kSecret), clock};
    (void)verifier.verify(timestamp, signature, body);
    const std::string now = std::to_string(kNow);
    if (verifier.verify(now, slack::compute_signature(kSecret, now, body), body) != slack::SignatureCheck::ok)
        __builtin_trap();

    // The payload= fast path never accepts what the full parse refuses, and decodes the same value.
    if (const auto fast = slack::sole_field(body, "payload")) {
        const auto full = slack::parse_form(body);
        if (!full || full->size() != 1 || slack::field(*full, "payload") != *fast) __builtin_trap();
    }
    if (const auto form = slack::parse_form(body)) {
        for (const auto& [key, value] : *form) (void)slack::clean_utf8(value);
        const std::string text = slack::clean_utf8(slack::field(*form, "text"));
        (void)slack::wants_content_modal(text);
        (void)commands::parse(text);
        if (form->contains("payload")) check_json(slack::field(*form, "payload"));
    }
    check_json(body);  // Events API bodies are JSON
    return 0;
}
