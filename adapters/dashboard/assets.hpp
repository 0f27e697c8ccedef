#pragma once
// The dashboard's page and its assets, embedded in the binary at build time (cmake/embed_assets.cmake).
#include <string_view>

namespace advocacy::dashboard {

// The file's bytes by name ("index.html", "app.js", "uPlot.iife.min.js"...); empty when unknown.
std::string_view embedded_asset(std::string_view name);

}  // namespace advocacy::dashboard
