#pragma once
// The two icons of the Teams app package, drawn at run time (no binary assets in the repository): color.png, 192x192,
// a white "share" glyph (three linked nodes) on the accent colour; outline.png, 32x32, the same glyph in white on a
// transparent background, as Teams requires. Encoded as RGBA PNGs with stored (uncompressed) deflate blocks.
#include <cstdint>
#include <string>
#include <vector>

namespace advocacy::teams::package {

inline constexpr const char* kAccentColor = "#2F6FED";

std::string color_icon_png();    // 192x192
std::string outline_icon_png();  // 32x32

// RGBA pixels (row-major, 4 bytes each) as a PNG file.
std::string encode_png(std::uint32_t width, std::uint32_t height, const std::vector<std::uint8_t>& rgba);

}  // namespace advocacy::teams::package
