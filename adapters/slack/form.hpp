#pragma once
// application/x-www-form-urlencoded bodies (slash commands, interactivity), decoded with Boost.URL ('+' is a
// space). nullopt when the body is not a valid form; a repeated key keeps its first value.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace advocacy::slack {

using FormFields = std::map<std::string, std::string, std::less<>>;

std::optional<FormFields> parse_form(std::string_view body);

// The value, or empty when absent.
std::string_view field(const FormFields& form, std::string_view key);

}  // namespace advocacy::slack
