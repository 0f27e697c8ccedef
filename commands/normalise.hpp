#pragma once
// Checks one value against its ValueType and returns its normalised form (see command.hpp), or nullopt.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command.hpp"
#include "commands/markup.hpp"

namespace advocacy::commands {

// Slack markup: entities in what the user typed are decoded (control sequences are read first, so a typed "&lt;"
// never becomes a mention or a link).
std::optional<std::string> normalise_value(ValueType type, std::string_view text,
                                           const std::vector<std::string>& choices,
                                           Markup markup = Markup::plain);

// The closed list of words a value may take (choice: its choices; period: week, month, all), else empty.
std::vector<std::string> allowed_words(ValueType type, const std::vector<std::string>& choices);

}  // namespace advocacy::commands
