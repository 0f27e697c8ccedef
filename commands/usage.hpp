#pragma once
// Renders a CommandSpec's usage line from its args and options, so the help text can never drift from what the
// parser accepts: `campaign create "NAME" why="..." [audience=all|#channel|group:NAME] [start=YYYY-MM-DD]`.
#include <string>

#include "commands/command.hpp"

namespace advocacy::commands {

std::string render_usage(const CommandSpec& spec);

}  // namespace advocacy::commands
