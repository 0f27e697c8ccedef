// Parse + validate: TOML syntax first (toml++ stops at the first syntax error), then every section, collecting all
// problems; a Config comes out only when there are none.
#include "config/load.hpp"

#include <cstdlib>
#include <system_error>

#include <toml++/toml.h>

#include "config/sections_internal.hpp"

namespace advocacy::config {
namespace {

// "Error while parsing key-value pair: cannot redefine..." -> "TOML syntax error in key-value pair: cannot ..."
std::string syntax_message(std::string_view description) {
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.rfind(prefix, 0) == 0)
        return "TOML syntax error in " + std::string(description.substr(prefix.size()));
    return "TOML syntax error: " + std::string(description);
}

std::optional<toml::table> parse(std::string_view text, const std::string& name, detail::Diagnostics& diagnostics) {
#if TOML_EXCEPTIONS
    try {
        return toml::parse(text, std::string_view(name));
    } catch (const toml::parse_error& e) {
        diagnostics.add(detail::position_of(e.source()), syntax_message(e.description()));
        return std::nullopt;
    }
#else
    auto result = toml::parse(text, std::string_view(name));
    if (result) return std::move(result).table();
    diagnostics.add(detail::position_of(result.error().source()), syntax_message(result.error().description()));
    return std::nullopt;
#endif
}

LoadResult load(std::string_view text, const std::string& name, const std::filesystem::path& base_dir,
                const EnvLookup& env) {
    detail::Diagnostics diagnostics(name);
    const auto root = parse(text, name, diagnostics);
    if (!root) return {std::nullopt, diagnostics.take_in_file_order()};

    Config config;
    config.source = name;
    const detail::LoadContext ctx{env, base_dir};
    detail::TableReader top(diagnostics, &*root, "",
                            {{}, {"server", "storage", "log", "program", "slack", "teams", "admins", "dashboard"}});
    detail::read_server(top, ctx, config.server);
    detail::read_storage(top, ctx, config.storage);
    detail::read_log(top, config.log);
    detail::read_program(top, config.program);
    detail::read_slack(top, ctx, config.slack);
    detail::read_teams(top, ctx, config.teams);
    detail::read_admins(top, config.admins);
    detail::read_dashboard(top, ctx, config.dashboard);
    top.report_unknown_keys();

    if (!diagnostics.empty()) return {std::nullopt, diagnostics.take_in_file_order()};
    return {std::move(config), {}};
}

std::filesystem::path directory_of(const std::filesystem::path& file) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(file, ec);
    return (ec ? file : absolute).parent_path();
}

}  // namespace

EnvLookup process_environment() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* value = std::getenv(std::string(name).c_str());
        if (!value) return std::nullopt;
        return std::string(value);
    };
}

LoadResult load_config(const std::filesystem::path& file, const EnvLookup& env) {
    const auto read = detail::read_whole_file(file);
    if (!read.error.empty())
        return {std::nullopt, {Diagnostic{file.string(), 0, 0, "cannot read the configuration file: " + read.error}}};
    auto result = load(read.content, file.string(), directory_of(file), env);
    if (result.config) result.config->source = file;
    return result;
}

LoadResult load_config_text(std::string_view toml_text, const std::string& name, const EnvLookup& env) {
    return load(toml_text, name, directory_of(name), env);
}

}  // namespace advocacy::config
