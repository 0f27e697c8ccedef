// libFuzzer target: a Bot Framework activity body (POST /api/messages) -> Activity, the bot-mention stripping that
// turns a channel message into the text the engine reads, and that text through the command language.
// Also checked: valid UTF-8 in (text, mention texts and ids) gives valid UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/teams/activity.hpp"
#include "commands/command.hpp"
#include "commands/utf8.hpp"

namespace {

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = advocacy::commands::utf8::decode(s, i);
        if (cp.value == 0xFFFD && cp.length == 1) return false;  // how decode() reports a malformed byte
        i += cp.length;
    }
    return true;
}

bool all_valid_utf8(const advocacy::teams::Activity& a) {
    if (!valid_utf8(a.text)) return false;
    for (const auto& s : a.mentioned_texts)
        if (!valid_utf8(s)) return false;
    for (const auto& s : a.mentioned_ids)
        if (!valid_utf8(s)) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto parsed = advocacy::teams::parse_activity(body);
    if (!parsed.activity) return 0;
    const auto& activity = *parsed.activity;
    (void)activity.kind();
    (void)activity.personal();
    const std::string text = advocacy::teams::strip_bot_mention(activity);
    if (all_valid_utf8(activity) && !valid_utf8(text)) __builtin_trap();
    if (!text.empty()) (void)advocacy::commands::parse(text);
    return 0;
}
