#pragma once
// One event per line: time, level, component, message, then key=value fields; as text or as one JSON object per
// line (format = "json" in [log]). Callers never pass secrets or message text from users; as a second line of
// defence, fields whose name looks like a credential (token, secret, password, authorization...) are masked.
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace advocacy::log {

enum class Level { debug, info, warn, error };
enum class Format { text, json };

using Fields = std::initializer_list<std::pair<std::string_view, std::string_view>>;

void set_min_level(Level level);
void set_format(Format format);
// "debug" | "info" | "warn" | "error"; nothing for anything else.
std::optional<Level> parse_level(std::string_view name);

// Where lines go (each with its final newline); empty: stderr. For tests and embedding.
void set_sink(std::function<void(std::string_view line)> sink);

// True for a field whose value must never be written (compared case-insensitively, by substring).
bool is_secret_field(std::string_view name);
inline constexpr std::string_view redacted = "[redacted]";

void write(Level level, std::string_view component, std::string_view message, Fields fields = {});

inline void debug(std::string_view c, std::string_view m, Fields f = {}) { write(Level::debug, c, m, f); }
inline void info(std::string_view c, std::string_view m, Fields f = {}) { write(Level::info, c, m, f); }
inline void warn(std::string_view c, std::string_view m, Fields f = {}) { write(Level::warn, c, m, f); }
inline void error(std::string_view c, std::string_view m, Fields f = {}) { write(Level::error, c, m, f); }

}  // namespace advocacy::log
