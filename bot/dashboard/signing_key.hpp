#pragma once
// The key that signs dashboard sign-in links: [dashboard] signing_key_env / signing_key_file, or else 32 random bytes
// drawn once per process, shared by the engine (which issues links) and the routes (which check them).
#include <string>

#include "config/config.hpp"

namespace advocacy::dashboard {

const std::string& signing_key(const config::DashboardConfig& config);

}  // namespace advocacy::dashboard
