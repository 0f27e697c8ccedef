// The Teams app package: a zip that unzip tools accept (CRC-32 checked here entry by entry), manifest.json with the
// bot's id, scopes, commands and domain, and two real PNG icons of the sizes Teams requires.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/teams/package/crc32.hpp"
#include "adapters/teams/package/icons.hpp"
#include "adapters/teams/package/manifest.hpp"
#include "adapters/teams/package/zip_writer.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::teams::package;
namespace json = boost::json;

namespace {

std::uint32_t le(const std::string& s, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s.at(at + static_cast<std::size_t>(i)));
    return v;
}

std::uint32_t be(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s.at(at + static_cast<std::size_t>(i)));
    return v;
}

// Reads a stored zip through its central directory, checking each entry's CRC and local header.
std::map<std::string, std::string> unzip(const std::string& zip) {
    std::map<std::string, std::string> out;
    REQUIRE(zip.size() >= 22);
    const std::size_t end = zip.size() - 22;
    REQUIRE(le(zip, end, 4) == 0x06054b50U);
    const auto count = le(zip, end + 10, 2);
    std::size_t at = le(zip, end + 16, 4);
    for (std::uint32_t i = 0; i < count; ++i) {
        REQUIRE(le(zip, at, 4) == 0x02014b50U);
        REQUIRE(le(zip, at + 10, 2) == 0);  // stored
        const auto crc = le(zip, at + 16, 4);
        const auto size = le(zip, at + 20, 4);
        const auto name_len = le(zip, at + 28, 2);
        const auto extra_len = le(zip, at + 30, 2);
        const auto comment_len = le(zip, at + 32, 2);
        const auto local = le(zip, at + 42, 4);
        const std::string name = zip.substr(at + 46, name_len);
        REQUIRE(le(zip, local, 4) == 0x04034b50U);
        REQUIRE(le(zip, local + 14, 4) == crc);
        const std::size_t data_at = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
        const std::string data = zip.substr(data_at, size);
        CHECK(crc32(data) == crc);
        out[name] = data;
        at += 46 + name_len + extra_len + comment_len;
    }
    return out;
}

struct Png {
    std::uint32_t width = 0, height = 0;
    int color_type = -1;
    std::string pixels;  // filter bytes removed
};

// Checks the signature and every chunk's CRC, and inflates stored deflate blocks.
Png read_png(const std::string& png) {
    Png out;
    REQUIRE(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    std::size_t at = 8;
    std::string idat;
    bool ended = false;
    while (at < png.size()) {
        const auto len = be(png, at);
        const std::string type = png.substr(at + 4, 4);
        const std::string data = png.substr(at + 8, len);
        CHECK(be(png, at + 8 + len) == crc32(type + data));
        if (type == "IHDR") {
            out.width = be(data, 0);
            out.height = be(data, 4);
            CHECK(static_cast<int>(data[8]) == 8);
            out.color_type = data[9];
        } else if (type == "IDAT") {
            idat += data;
        } else if (type == "IEND") {
            ended = true;
        }
        at += 12 + len;
    }
    CHECK(ended);
    std::string raw;
    std::size_t p = 2;  // zlib header
    for (;;) {
        const bool last = idat.at(p) & 1;
        const auto n = le(idat, p + 1, 2);
        CHECK((n ^ le(idat, p + 3, 2)) == 0xFFFFU);
        raw += idat.substr(p + 5, n);
        p += 5 + n;
        if (last) break;
    }
    const std::size_t stride = out.width * 4 + 1;
    REQUIRE(raw.size() == stride * out.height);
    for (std::uint32_t row = 0; row < out.height; ++row) {
        CHECK(raw[row * stride] == '\0');
        out.pixels += raw.substr(row * stride + 1, stride - 1);
    }
    return out;
}

config::Config teams_config() {
    config::Config c;
    c.server.public_base_url = "https://advocacy.example.com";
    c.teams.enabled = true;
    c.teams.app_id = "11111111-2222-3333-4444-555555555555";
    c.teams.tenant_id = "contoso.onmicrosoft.com";
    c.teams.developer_name = "Contoso Comms";
    c.teams.privacy_url = "https://contoso.example/privacy";
    return c;
}

}  // namespace

TEST_CASE("CRC-32 matches the standard check value", "[teams][package]") {
    CHECK(crc32("") == 0U);
    CHECK(crc32("123456789") == 0xCBF43926U);
    CHECK(crc32("56789", crc32("1234")) == 0xCBF43926U);
}

TEST_CASE("the manifest names the bot, its scopes, commands and domain", "[teams][package]") {
    const json::object m = app_manifest(teams_config());
    CHECK(m.at("manifestVersion") == "1.22");
    CHECK(m.at("$schema") == "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json");
    CHECK(m.at("id") == "11111111-2222-3333-4444-555555555555");
    const auto& bot = m.at("bots").as_array().at(0);
    CHECK(bot.at("botId") == "11111111-2222-3333-4444-555555555555");
    CHECK(bot.at("scopes") == json::array{"personal", "team"});
    const auto& commands = bot.at("commandLists").as_array().at(0).at("commands").as_array();
    CHECK(commands.size() <= 10);
    bool has_why = false;
    for (const auto& c : commands) {
        CHECK(c.at("title").as_string().size() <= 32);
        CHECK(c.at("description").as_string().size() <= 128);
        has_why = has_why || c.at("title") == "why";
    }
    CHECK(has_why);
    CHECK(m.at("validDomains") == json::array{"advocacy.example.com"});
    CHECK(m.at("developer").at("name") == "Contoso Comms");
    CHECK(m.at("developer").at("privacyUrl") == "https://contoso.example/privacy");
    CHECK(m.at("developer").at("termsOfUseUrl") == "https://advocacy.example.com");
    CHECK(m.at("icons").at("color") == "color.png");
    CHECK(m.at("name").at("short").as_string().size() <= 30);
    CHECK(m.at("description").at("short").as_string().size() <= 80);
    CHECK(m.at("description").at("full").as_string().size() <= 4000);
}

TEST_CASE("the package is a zip of the manifest and two valid PNG icons", "[teams][package]") {
    const auto files = unzip(app_package(teams_config()));
    REQUIRE(files.size() == 3);
    CHECK(json::parse(files.at("manifest.json")).at("id") == "11111111-2222-3333-4444-555555555555");

    const Png color = read_png(files.at("color.png"));
    CHECK(color.width == 192);
    CHECK(color.height == 192);
    CHECK(color.color_type == 6);
    bool opaque = true, has_white = false;
    for (std::size_t i = 0; i < color.pixels.size(); i += 4) {
        opaque = opaque && static_cast<unsigned char>(color.pixels[i + 3]) == 255;
        has_white = has_white || static_cast<unsigned char>(color.pixels[i]) == 255;
    }
    CHECK(opaque);
    CHECK(has_white);

    const Png outline = read_png(files.at("outline.png"));
    CHECK(outline.width == 32);
    CHECK(outline.height == 32);
    bool white = true, transparent = false, solid = false;
    for (std::size_t i = 0; i < outline.pixels.size(); i += 4) {
        white = white && outline.pixels.substr(i, 3) == "\xFF\xFF\xFF";
        transparent = transparent || outline.pixels[i + 3] == '\0';
        solid = solid || static_cast<unsigned char>(outline.pixels[i + 3]) == 255;
    }
    CHECK(white);
    CHECK(transparent);
    CHECK(solid);
}

TEST_CASE("advocacy-bot manifest teams writes the package without needing the password", "[teams][package]") {
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << "[server]\npublic_base_url = \"https://advocacy.example.com\"\n"
                          "[teams]\nenabled = true\napp_id = \"11111111-2222-3333-4444-555555555555\"\n"
                          "tenant_id = \"contoso.onmicrosoft.com\"\n";
    const auto out = dir.file("advocacy-teams.zip");
    const std::string command = std::string("env -u TEAMS_APP_PASSWORD ") + ADVOCACY_BOT_BINARY +
                                " manifest teams --config " + cfg.string() + " --out " + out.string() + " > " +
                                dir.file("stdout").string() + " 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(out, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto files = unzip(bytes.str());
    CHECK(files.size() == 3);
    CHECK(json::parse(files.at("manifest.json")).at("bots").at(0).at("botId") == "11111111-2222-3333-4444-555555555555");

    const std::string missing_out = std::string(ADVOCACY_BOT_BINARY) + " manifest teams --config " + cfg.string() +
                                    " > /dev/null 2>&1";
    const int status = std::system(missing_out.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
}
