#pragma once
// The advocacy-bot command line: a table of subcommands, testable in-process (main.cpp only forwards argv).
#include <ostream>
#include <span>
#include <string_view>

#include "config/load.hpp"

namespace advocacy::cli {

// Returns the process exit code. `env` resolves secrets named by the config file.
int run(std::span<const std::string_view> args, std::ostream& out, std::ostream& err,
        const config::EnvLookup& env = config::process_environment());

}  // namespace advocacy::cli
