#pragma once
// CRC-32 (IEEE 802.3, polynomial 0xEDB88320, as zip and PNG use it), table-driven. Incremental: pass the previous
// result as `crc` to continue over more bytes.
#include <cstdint>
#include <string_view>

namespace advocacy::teams::package {

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

}  // namespace advocacy::teams::package
