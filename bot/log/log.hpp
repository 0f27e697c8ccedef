#pragma once
// One event per line: time, level, component, message, then key=value fields. Callers never pass secrets or
// message text from users; values with spaces are quoted.
#include <initializer_list>
#include <string_view>
#include <utility>

namespace advocacy::log {

enum class Level { debug, info, warn, error };

using Fields = std::initializer_list<std::pair<std::string_view, std::string_view>>;

void set_min_level(Level level);
void write(Level level, std::string_view component, std::string_view message, Fields fields = {});

inline void debug(std::string_view c, std::string_view m, Fields f = {}) { write(Level::debug, c, m, f); }
inline void info(std::string_view c, std::string_view m, Fields f = {}) { write(Level::info, c, m, f); }
inline void warn(std::string_view c, std::string_view m, Fields f = {}) { write(Level::warn, c, m, f); }
inline void error(std::string_view c, std::string_view m, Fields f = {}) { write(Level::error, c, m, f); }

}  // namespace advocacy::log
