#pragma once
// A command the parser refused, explained in one localized line, followed by the command's usage.
#include <string>

#include "bot/i18n/catalog.hpp"
#include "commands/command.hpp"

namespace advocacy::engine {

std::string parse_error_text(i18n::Lang lang, const commands::ParseError& error);
// "a date like 2026-03-01", "one of: daily, weekly"...
std::string expected_text(i18n::Lang lang, commands::ValueType type, const std::vector<std::string>& choices);

}  // namespace advocacy::engine
