// [log]: level and format of the log lines on stderr.
#include <utility>
#include <vector>

#include "config/sections_internal.hpp"

namespace advocacy::config::detail {

namespace {

// The value at `key` among `choices` (by name); anything else is reported with the list of names.
template <class E>
void read_choice(TableReader& r, std::string_view key, std::string_view what,
                 const std::vector<std::pair<std::string_view, E>>& choices, E& out) {
    const auto v = r.string(key);
    if (!v) return;
    std::string expected;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].first == *v) return void(out = choices[i].second);
        const char* separator = i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ";
        expected += separator + ("\"" + std::string(choices[i].first) + "\"");
    }
    r.error(key, "\"" + *v + "\" is not a " + std::string(what) + " (expected " + expected + ")");
}

}  // namespace

void read_log(TableReader& top, LogConfig& out) {
    TableReader r(top.diagnostics(), top.section("log"), "log", {{"level", "format"}, {}});
    read_choice<LogLevel>(r, "level", "log level",
                          {{"debug", LogLevel::debug}, {"info", LogLevel::info}, {"warn", LogLevel::warn},
                           {"error", LogLevel::error}},
                          out.level);
    read_choice<LogFormat>(r, "format", "log format", {{"text", LogFormat::text}, {"json", LogFormat::json}},
                           out.format);
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
