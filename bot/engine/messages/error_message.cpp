#include "bot/engine/messages/error_message.hpp"

namespace advocacy::engine {

namespace {

std::string comma_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

}  // namespace

std::string expected_text(i18n::Lang lang, commands::ValueType type, const std::vector<std::string>& choices) {
    if (!choices.empty()) return i18n::tr(lang, "value.one_of", {{"choices", comma_list(choices)}});
    return i18n::tr(lang, "value." + std::string(commands::value_type_name(type)));
}

std::string parse_error_text(i18n::Lang lang, const commands::ParseError& error) {
    using commands::ErrorCode;
    const std::string key = "error." + std::string(commands::error_code_name(error.code));
    std::string text;
    switch (error.code) {
        case ErrorCode::unknown_command:
            text = i18n::tr(lang, key, {{"detail", error.detail}});
            if (!error.choices.empty()) {
                // Sub-commands of a group (`campaign` -> campaign create, ...) or close spellings (`campain`).
                const std::string group = error.detail.substr(0, error.detail.find(' '));
                std::vector<std::string> full;
                for (const auto& c : error.choices) {
                    const std::string sub = group + ' ' + c;
                    full.push_back(commands::find_spec(sub) ? sub : c);
                }
                text += ' ' + i18n::tr(lang, "error.did_you_mean", {{"choices", comma_list(full)}});
            }
            text += ' ' + i18n::tr(lang, "error.see_help");
            break;
        case ErrorCode::bad_value:
            text = i18n::tr(lang, key, {{"detail", error.detail},
                                        {"expected", expected_text(lang, error.expected, error.choices)}});
            break;
        default:
            text = i18n::tr(lang, key, {{"detail", error.detail}});
            break;
    }
    if (error.spec) text += '\n' + i18n::tr(lang, "error.usage", {{"usage", error.spec->usage}});
    return text;
}

}  // namespace advocacy::engine
