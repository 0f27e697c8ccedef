#include "bot/log/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace advocacy::log {

namespace {
std::atomic<Level> g_min_level{Level::info};
std::mutex g_mutex;

std::string_view level_name(Level l) {
    switch (l) {
        case Level::debug: return "DEBUG";
        case Level::info: return "INFO";
        case Level::warn: return "WARN";
        case Level::error: return "ERROR";
    }
    return "INFO";
}

void append_value(std::string& line, std::string_view v) {
    const bool quote = v.empty() || v.find_first_of(" \"=\t") != std::string_view::npos;
    if (!quote) {
        line += v;
        return;
    }
    line += '"';
    for (char c : v) {
        if (c == '"' || c == '\\') line += '\\';
        line += (c == '\n' || c == '\r') ? ' ' : c;
    }
    line += '"';
}
}  // namespace

void set_min_level(Level level) { g_min_level = level; }

void write(Level level, std::string_view component, std::string_view message, Fields fields) {
    if (level < g_min_level.load()) return;
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    std::string line;
    line.reserve(128);
    line += stamp;
    line += ' ';
    line += level_name(level);
    line += ' ';
    line += component;
    line += ' ';
    line += message;
    for (const auto& [k, v] : fields) {
        line += ' ';
        line += k;
        line += '=';
        append_value(line, v);
    }
    line += '\n';
    const std::lock_guard lock(g_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace advocacy::log
