#pragma once
// Parse + validate a TOML file into a Config. Collects every problem instead of stopping at the first.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace advocacy::config {

struct Diagnostic {
    std::string file;
    int line = 0;    // 1-based; 0 when the problem has no position (e.g. unreadable file)
    int column = 0;
    std::string message;
    std::string str() const;  // "FILE:LINE:COL: message"
};

// Looks up an environment variable; injected so tests need not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup process_environment();

struct LoadResult {
    std::optional<Config> config;         // set only when diagnostics is empty
    std::vector<Diagnostic> diagnostics;  // in file order
};

LoadResult load_config(const std::filesystem::path& file, const EnvLookup& env = process_environment());
// Same, from text already in memory (`name` is used in diagnostics).
LoadResult load_config_text(std::string_view toml_text, const std::string& name,
                            const EnvLookup& env = process_environment());

// One-line summary for `check-config` ("config OK: slack (http), teams off, program tz Europe/Paris, push 09:00").
std::string summarize(const Config& config);

}  // namespace advocacy::config
