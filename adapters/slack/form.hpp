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

// The fast path of the common case, an interaction's body "payload=<encoded JSON>": when `body` is exactly one
// field named `key` and parse_form would accept it, its decoded value, found without building the field map (the
// full query parse was ~8% of a share's instructions). nullopt otherwise: then parse_form decides.
std::optional<std::string> sole_field(std::string_view body, std::string_view key);

// The value, or empty when absent.
std::string_view field(const FormFields& form, std::string_view key);

}  // namespace advocacy::slack
