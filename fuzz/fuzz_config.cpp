// libFuzzer target: the TOML configuration loader (toml++ syntax, then every section's checks and diagnostics).
// The environment is a fixed fake so secrets resolve the same way on every run; a produced Config is summarised.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/load.hpp"

namespace {

std::optional<std::string> fake_env(std::string_view name) {
    if (name.empty() || name.front() == 'X') return std::nullopt;  // lets inputs reach the "is not set" path
    return std::string("fuzz-secret-value");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = advocacy::config::load_config_text(text, "/nonexistent/fuzz.toml", fake_env);
    if (result.config) (void)advocacy::config::summarize(*result.config);
    for (const auto& diagnostic : result.diagnostics) (void)diagnostic.str();
    return 0;
}
