#include "bot/log/log.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace advocacy::log {

namespace {
std::atomic<Level> g_min_level{Level::info};
std::atomic<Format> g_format{Format::text};
std::mutex g_mutex;  // one line at a time, and guards g_sink
std::function<void(std::string_view)> g_sink;

std::string_view level_name(Level l) {
    switch (l) {
        case Level::debug: return "DEBUG";
        case Level::info: return "INFO";
        case Level::warn: return "WARN";
        case Level::error: return "ERROR";
    }
    return "INFO";
}

std::string timestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return stamp;
}

void append_value(std::string& line, std::string_view v) {
    const bool quote = v.empty() || v.find_first_of(" \"=\t\n\r") != std::string_view::npos;
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

std::string_view shown(std::string_view name, std::string_view value) {
    return is_secret_field(name) ? redacted : value;
}

std::string text_line(const std::string& time, Level level, std::string_view component, std::string_view message,
                      Fields fields) {
    std::string line;
    line.reserve(128);
    line += time;
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
        append_value(line, shown(k, v));
    }
    return line;
}

std::string json_line(const std::string& time, Level level, std::string_view component, std::string_view message,
                      Fields fields) {
    std::string lower(level_name(level));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    boost::json::object o{{"time", time}, {"level", lower}, {"component", component}, {"message", message}};
    for (const auto& [k, v] : fields) {
        // A field never overwrites the envelope: {"message": ...} from a caller becomes "field.message".
        const std::string key = o.contains(k) ? "field." + std::string(k) : std::string(k);
        o[key] = shown(k, v);
    }
    return boost::json::serialize(o);  // escapes newlines and quotes: still one line
}
}  // namespace

void set_min_level(Level level) { g_min_level = level; }
void set_format(Format format) { g_format = format; }

std::optional<Level> parse_level(std::string_view name) {
    if (name == "debug") return Level::debug;
    if (name == "info") return Level::info;
    if (name == "warn") return Level::warn;
    if (name == "error") return Level::error;
    return std::nullopt;
}

void set_sink(std::function<void(std::string_view line)> sink) {
    const std::lock_guard lock(g_mutex);
    g_sink = std::move(sink);
}

bool is_secret_field(std::string_view name) {
    static constexpr std::array<std::string_view, 8> kWords{"token", "secret", "password", "passwd",
                                                            "authorization", "cookie", "api_key", "apikey"};
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::any_of(kWords.begin(), kWords.end(),
                       [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

void write(Level level, std::string_view component, std::string_view message, Fields fields) {
    if (level < g_min_level.load()) return;
    const std::string time = timestamp();
    std::string line = g_format.load() == Format::json ? json_line(time, level, component, message, fields)
                                                       : text_line(time, level, component, message, fields);
    line += '\n';
    const std::lock_guard lock(g_mutex);
    if (g_sink)
        g_sink(line);
    else
        std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace advocacy::log
