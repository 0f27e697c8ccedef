#pragma once
// Applies a configuration's [log] section to the process's logger. Header-only so that bot/log stays free of the
// config library (which the server and the HTTP client do not need).
#include "bot/log/log.hpp"
#include "config/config.hpp"

namespace advocacy::log {

inline void apply(const config::LogConfig& c) {
    switch (c.level) {
        case config::LogLevel::debug: set_min_level(Level::debug); break;
        case config::LogLevel::info: set_min_level(Level::info); break;
        case config::LogLevel::warn: set_min_level(Level::warn); break;
        case config::LogLevel::error: set_min_level(Level::error); break;
    }
    set_format(c.format == config::LogFormat::json ? Format::json : Format::text);
}

}  // namespace advocacy::log
