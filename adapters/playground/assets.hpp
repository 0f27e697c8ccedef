#pragma once
// The playground's web page, embedded in the binary at build time (cmake/embed_assets.cmake).
#include <string_view>

namespace advocacy::playground {

// The file's bytes by name ("index.html", "app.css", "app.js"); empty when unknown.
std::string_view embedded_asset(std::string_view name);

}  // namespace advocacy::playground
