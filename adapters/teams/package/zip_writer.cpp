#include "adapters/teams/package/zip_writer.hpp"

#include <cstdint>
#include <stdexcept>

#include "adapters/teams/package/crc32.hpp"

namespace advocacy::teams::package {

namespace {

constexpr std::uint16_t kDosTime = 0;                                // 00:00:00
constexpr std::uint16_t kDosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;  // 2026-01-01

void u16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void u32(std::string& out, std::uint32_t v) {
    u16(out, v & 0xFFFF);
    u16(out, v >> 16);
}

// The fields local and central headers share, from "version needed" to the name length.
void common_fields(std::string& out, std::uint32_t crc, std::uint32_t size, std::size_t name_size) {
    u16(out, 10);  // version needed: 1.0 (stored)
    u16(out, 0);   // flags
    u16(out, 0);   // method: stored
    u16(out, kDosTime);
    u16(out, kDosDate);
    u32(out, crc);
    u32(out, size);  // compressed
    u32(out, size);  // uncompressed
    u16(out, static_cast<std::uint32_t>(name_size));
}

}  // namespace

std::string zip_stored(const std::vector<ZipEntry>& entries) {
    std::string out;
    std::string central;
    for (const auto& e : entries) {
        if (e.name.empty() || e.name.size() > 0xFFFF || e.data.size() > 0xFFFFFFF0U)
            throw std::invalid_argument("zip entry too large or unnamed");
        const auto crc = crc32(e.data);
        const auto size = static_cast<std::uint32_t>(e.data.size());
        const auto offset = static_cast<std::uint32_t>(out.size());
        u32(out, 0x04034b50);  // local file header
        common_fields(out, crc, size, e.name.size());
        u16(out, 0);  // extra length
        out += e.name;
        out += e.data;

        u32(central, 0x02014b50);  // central directory header
        u16(central, 0x0314);      // made by: Unix, 2.0
        common_fields(central, crc, size, e.name.size());
        u16(central, 0);  // extra length
        u16(central, 0);  // comment length
        u16(central, 0);  // disk number
        u16(central, 0);  // internal attributes
        u32(central, 0100644U << 16);  // external attributes: regular file, rw-r--r--
        u32(central, offset);
        central += e.name;
    }
    const auto central_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    u32(out, 0x06054b50);  // end of central directory
    u16(out, 0);
    u16(out, 0);
    u16(out, static_cast<std::uint32_t>(entries.size()));
    u16(out, static_cast<std::uint32_t>(entries.size()));
    u32(out, static_cast<std::uint32_t>(central.size()));
    u32(out, central_offset);
    u16(out, 0);  // comment length
    return out;
}

}  // namespace advocacy::teams::package
