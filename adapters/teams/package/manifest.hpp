#pragma once
// The Teams app package an admin uploads (Teams admin center > Manage apps > Upload, or "Upload a custom app"):
// manifest.json (schema 1.22: the bot's app id, scopes personal + team, a command list, the developer's pages, the
// public host as a valid domain) and the two icons, stored at the root of a zip.
#include <boost/json/object.hpp>

#include <string>
#include <string_view>

#include "config/config.hpp"

namespace advocacy::teams::package {

inline constexpr std::string_view kManifestVersion = "1.22";

boost::json::object app_manifest(const config::Config& config);

// The zip: manifest.json, color.png, outline.png.
std::string app_package(const config::Config& config);

}  // namespace advocacy::teams::package
