#pragma once
// A zip archive of stored (uncompressed) files at the archive root: what the Teams app package needs (three small
// files), without a compression library. Local headers, central directory, end record; CRC-32 per file; a fixed
// DOS timestamp so the same input gives the same bytes.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace advocacy::teams::package {

struct ZipEntry {
    std::string name;  // e.g. "manifest.json"; no directories
    std::string data;
};

std::string zip_stored(const std::vector<ZipEntry>& entries);

}  // namespace advocacy::teams::package
