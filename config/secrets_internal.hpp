#pragma once
// Secrets never sit in the file: `NAME_env` names an environment variable, `NAME_file` a file holding the value.
#include <string_view>

#include "config/sections_internal.hpp"

namespace advocacy::config::detail {

struct SecretKey {
    std::string_view name;         // "bot_token": the section has bot_token_env and bot_token_file
    std::string_view default_env;  // the variable read when neither key is set, e.g. "SLACK_BOT_TOKEN"
};

// Reads the secret. When `required`, a missing or empty secret is reported, naming the variable or the file;
// otherwise an unavailable secret is simply empty. Problems never quote the value.
Secret read_secret(TableReader& r, const LoadContext& ctx, const SecretKey& key, bool required);

}  // namespace advocacy::config::detail
