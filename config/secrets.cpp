#include "config/secrets_internal.hpp"

namespace advocacy::config::detail {
namespace {

bool is_env_name(std::string_view name) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
    for (char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
    }
    return true;
}

// Files written by `echo` or editors end with a newline that is not part of the secret.
void trim_trailing_newlines(std::string& s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

Secret from_file(TableReader& r, const LoadContext& ctx, const SecretKey& key, const std::string& file_key,
                 const std::string& file, bool required) {
    const auto path = ctx.resolve(file);
    auto read = read_whole_file(path);
    if (!read.error.empty()) {
        if (required)
            r.error(file_key, "cannot read the " + std::string(key.name) + " file " + in_quotes(path.string()) + ": " +
                                  read.error);
        return {};
    }
    trim_trailing_newlines(read.content);
    if (read.content.empty()) {
        if (required)
            r.error(file_key, "the " + std::string(key.name) + " file " + in_quotes(path.string()) + " is empty");
        return {};
    }
    return Secret("file " + path.string(), std::move(read.content));
}

}  // namespace

Secret read_secret(TableReader& r, const LoadContext& ctx, const SecretKey& key, bool required) {
    const std::string name(key.name);
    const std::string env_key = name + "_env";
    const std::string file_key = name + "_file";
    r.refuse(key.name, "secrets never go in the configuration file; name an environment variable with " + env_key +
                           " or a file with " + file_key);

    const auto env_name = r.string(env_key);
    const auto file = r.string(file_key);
    if (env_name && env_name->empty()) {
        r.error(env_key, "expected the name of an environment variable");
        return {};
    }
    if (env_name && !is_env_name(*env_name)) {
        // Never quote it: people paste the secret itself here.
        r.error(env_key, "expected the name of an environment variable (letters, digits and '_'), not the secret");
        return {};
    }
    if (file && file->empty()) {
        r.error(file_key, "expected a file path");
        return {};
    }
    if (env_name && file) {
        r.error(file_key, "set either " + env_key + " or " + file_key + ", not both");
        return {};
    }
    if (file) return from_file(r, ctx, key, file_key, *file, required);

    const std::string variable = env_name ? *env_name : std::string(key.default_env);
    const auto value = ctx.env(variable);
    if (value && !value->empty()) return Secret("env " + variable, *value);
    if (required) {
        std::string problem = name + ": environment variable " + variable + (value ? " is empty" : " is not set");
        if (!env_name) problem += " (the default; name another with " + env_key + " or a file with " + file_key + ")";
        r.diagnostics().add(r.value_position(env_key), std::move(problem));
    }
    return {};
}

}  // namespace advocacy::config::detail
