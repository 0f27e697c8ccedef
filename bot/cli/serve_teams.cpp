// The Teams platform of `serve` (the adapter is not there yet: [teams] is reported and ignored).
#include "bot/cli/platform_runtime.hpp"
#include "bot/log/log.hpp"

namespace advocacy::cli {

std::unique_ptr<PlatformRuntime> start_teams(ServeContext& ctx) {
    if (ctx.config.teams.enabled) log::warn("serve", "the Teams adapter is not available yet: [teams] is ignored");
    return nullptr;
}

}  // namespace advocacy::cli
