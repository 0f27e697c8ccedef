#pragma once
// Private to the CLI: what every subcommand receives, and the subcommands living in their own files.
#include <ostream>
#include <span>
#include <string_view>

#include "config/load.hpp"

namespace advocacy::cli {

struct Context {
    std::span<const std::string_view> args;  // after the subcommand name
    std::ostream& out;
    std::ostream& err;
    const config::EnvLookup& env;
};

int backup(const Context& ctx);       // backup.cpp
int demo(const Context& ctx);
int export_csv(const Context& ctx);   // export.cpp
int healthcheck(const Context& ctx);  // healthcheck.cpp
int manifest(const Context& ctx);  // manifest.cpp
int serve(const Context& ctx);     // serve.cpp

}  // namespace advocacy::cli
