// base64url as JWTs use it: RFC 4648 vectors, and the non-canonical spellings a validator must refuse.
#include <catch2/catch.hpp>

#include "adapters/teams/auth/base64url.hpp"

using advocacy::teams::base64url_decode;
using advocacy::teams::base64url_encode;

TEST_CASE("base64url encodes the RFC 4648 vectors without padding, in the URL alphabet") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foobar") == "Zm9vYmFy");
    CHECK(base64url_encode("\xfb\xff") == "-_8");
}

TEST_CASE("base64url decodes what it encodes, including binary bytes") {
    const std::string bytes("\x00\x01\xfe\xff\x80 ok", 8);
    for (std::size_t n = 0; n <= bytes.size(); ++n) {
        const auto piece = bytes.substr(0, n);
        CHECK(base64url_decode(base64url_encode(piece)) == piece);
    }
}

TEST_CASE("base64url refuses padding, the standard alphabet, stray characters and impossible lengths") {
    CHECK_FALSE(base64url_decode("Zg==").has_value());
    CHECK_FALSE(base64url_decode("+/8").has_value());
    CHECK_FALSE(base64url_decode("Zm9 v").has_value());
    CHECK_FALSE(base64url_decode("Zm9vY").has_value());  // 4k+1 characters
    CHECK_FALSE(base64url_decode("Zh").has_value());     // unused bits set: "Zg" is the only spelling of "f"
    CHECK(base64url_decode("") == std::string{});
}
