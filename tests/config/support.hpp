#pragma once
// Helpers for the config tests: an injected environment, and diagnostics as the strings an operator reads.
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/load.hpp"

namespace advocacy::config::testing {

inline EnvLookup fake_env(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(std::string(name));
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

// The variables the example file needs (Slack in HTTP mode).
inline EnvLookup slack_http_env() {
    return fake_env({{"SLACK_BOT_TOKEN", "xoxb-test-bot-token"}, {"SLACK_SIGNING_SECRET", "test-signing-secret"}});
}

inline std::vector<std::string> messages(const LoadResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) out.push_back(d.str());
    return out;
}

// Loads `text` as "bad.toml" and returns what check-config would print.
inline std::vector<std::string> problems(std::string_view text, const EnvLookup& env = fake_env({})) {
    return messages(load_config_text(text, "bad.toml", env));
}

inline std::filesystem::path source_dir() {
    if (const char* dir = std::getenv("ADVOCACY_SOURCE_DIR"); dir && *dir) return dir;
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

inline std::filesystem::path example_file() { return source_dir() / "config" / "advocacy.example.toml"; }

}  // namespace advocacy::config::testing
