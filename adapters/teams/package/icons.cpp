#include "adapters/teams/package/icons.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "adapters/teams/package/crc32.hpp"

namespace advocacy::teams::package {

namespace {

void be32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void chunk(std::string& png, const char* type, const std::string& data) {
    be32(png, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    png += typed;
    be32(png, crc32(typed));
}

// zlib stream of stored deflate blocks (at most 65535 bytes each) with the Adler-32 trailer.
std::string zlib_stored(const std::string& raw) {
    std::string out{'\x78', '\x01'};
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - pos);
        const bool last = pos + n == raw.size();
        out.push_back(last ? '\x01' : '\x00');
        out.push_back(static_cast<char>(n & 0xFF));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(~n & 0xFF));
        out.push_back(static_cast<char>((~n >> 8) & 0xFF));
        out.append(raw, pos, n);
        pos += n;
    } while (pos < raw.size());
    std::uint32_t a = 1, b = 0;
    for (const char c : raw) {
        a = (a + static_cast<unsigned char>(c)) % 65521;
        b = (b + a) % 65521;
    }
    be32(out, (b << 16) | a);
    return out;
}

double segment_distance(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double t = std::clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Coverage (0..1) of the share glyph at a point of the unit square: three filled nodes and the two links.
double glyph_coverage(double x, double y, double pixel) {
    constexpr std::array<std::array<double, 2>, 3> nodes{{{0.68, 0.27}, {0.30, 0.50}, {0.68, 0.73}}};
    constexpr double radius = 0.115;
    constexpr double half_width = 0.045;
    double d = 1e9;
    for (const auto& n : nodes) d = std::min(d, std::hypot(x - n[0], y - n[1]) - radius);
    d = std::min(d, segment_distance(x, y, nodes[0][0], nodes[0][1], nodes[1][0], nodes[1][1]) - half_width);
    d = std::min(d, segment_distance(x, y, nodes[1][0], nodes[1][1], nodes[2][0], nodes[2][1]) - half_width);
    return std::clamp(0.5 - d / pixel, 0.0, 1.0);  // one pixel of anti-aliasing
}

std::vector<std::uint8_t> draw(std::uint32_t size, bool with_background) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(size) * size * 4);
    const double pixel = 1.0 / size;
    for (std::uint32_t row = 0; row < size; ++row) {
        for (std::uint32_t col = 0; col < size; ++col) {
            const double c = glyph_coverage((col + 0.5) * pixel, (row + 0.5) * pixel, pixel);
            std::uint8_t* p = &rgba[(static_cast<std::size_t>(row) * size + col) * 4];
            if (with_background) {  // white over #2F6FED
                p[0] = static_cast<std::uint8_t>(std::lround(0x2F + c * (255 - 0x2F)));
                p[1] = static_cast<std::uint8_t>(std::lround(0x6F + c * (255 - 0x6F)));
                p[2] = static_cast<std::uint8_t>(std::lround(0xED + c * (255 - 0xED)));
                p[3] = 255;
            } else {  // white, alpha = coverage
                p[0] = p[1] = p[2] = 255;
                p[3] = static_cast<std::uint8_t>(std::lround(c * 255));
            }
        }
    }
    return rgba;
}

}  // namespace

std::string encode_png(std::uint32_t width, std::uint32_t height, const std::vector<std::uint8_t>& rgba) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    be32(header, width);
    be32(header, height);
    header += std::string{'\x08', '\x06', '\x00', '\x00', '\x00'};  // 8-bit RGBA, deflate, no filter, no interlace
    chunk(png, "IHDR", header);
    std::string raw;
    raw.reserve(static_cast<std::size_t>(height) * (width * 4 + 1));
    for (std::uint32_t row = 0; row < height; ++row) {
        raw.push_back('\0');  // filter: none
        const auto* begin = rgba.data() + static_cast<std::size_t>(row) * width * 4;
        raw.append(reinterpret_cast<const char*>(begin), width * 4);
    }
    chunk(png, "IDAT", zlib_stored(raw));
    chunk(png, "IEND", {});
    return png;
}

std::string color_icon_png() { return encode_png(192, 192, draw(192, true)); }

std::string outline_icon_png() { return encode_png(32, 32, draw(32, false)); }

}  // namespace advocacy::teams::package
