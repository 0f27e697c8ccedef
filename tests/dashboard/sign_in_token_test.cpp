// The sign-in link token and its encodings: only a token the bot signed, unexpired and untouched, is accepted.
#include <catch2/catch.hpp>

#include "bot/dashboard/encoding.hpp"
#include "bot/dashboard/sign_in_token.hpp"

using namespace advocacy;
using namespace advocacy::dashboard;
using namespace std::chrono;

namespace {

const std::string kKey(32, 'k');
const sys_seconds kNow = sys_days{year{2026} / 12 / 3} + hours{9};

SignInClaims claims() { return SignInClaims{3, 42, kNow + minutes{15}, "AAECAwQFBgcICQoLDA0ODw"}; }

}  // namespace

TEST_CASE("base64url round-trips without padding and refuses other spellings", "[dashboard][token]") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("\xfb\xff") == "-_8");
    for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "\xfb\xff\xfe", std::string("a\0b", 3)}) {
        const auto back = base64url_decode(base64url_encode(s));
        REQUIRE(back);
        CHECK(*back == s);
    }
    CHECK_FALSE(base64url_decode("Zg=="));   // padding
    CHECK_FALSE(base64url_decode("+/8"));    // standard alphabet
    CHECK_FALSE(base64url_decode("Zh"));     // non-zero unused bits: a second spelling of "f"
    CHECK_FALSE(base64url_decode("Z"));      // impossible length
    CHECK_FALSE(base64url_decode("Zm 9v"));  // blank
}

TEST_CASE("sha256_hex and constant_time_equal", "[dashboard][token]") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(constant_time_equal("abc", "abc"));
    CHECK_FALSE(constant_time_equal("abc", "abd"));
    CHECK_FALSE(constant_time_equal("abc", "abcd"));
}

TEST_CASE("a token the bot issued verifies until it expires", "[dashboard][token]") {
    const std::string token = issue_sign_in_token(kKey, claims());
    const auto dot = token.find('.');
    REQUIRE(dot != std::string::npos);
    CHECK(*base64url_decode(token.substr(0, dot)) ==
          "v1|3|42|" + std::to_string(claims().expires_at.time_since_epoch().count()) + "|AAECAwQFBgcICQoLDA0ODw");
    CHECK(base64url_decode(token.substr(dot + 1))->size() == 32U);

    const auto ok = verify_sign_in_token(kKey, token, kNow);
    REQUIRE(ok);
    CHECK(ok->workspace_id == 3);
    CHECK(ok->user_id == 42);
    CHECK(ok->nonce == "AAECAwQFBgcICQoLDA0ODw");
    CHECK(ok->expires_at == kNow + minutes{15});
    CHECK(verify_sign_in_token(kKey, token, kNow + minutes{15} - seconds{1}));
    CHECK_FALSE(verify_sign_in_token(kKey, token, kNow + minutes{15}));
}

TEST_CASE("tampered, re-signed with another key, garbage or empty tokens are refused", "[dashboard][token]") {
    const std::string token = issue_sign_in_token(kKey, claims());
    const auto dot = token.find('.');
    const std::string signature = token.substr(dot + 1);

    // Payload changed (another user), old signature kept.
    auto forged = claims();
    forged.user_id = 43;
    const std::string forged_token = issue_sign_in_token(kKey, forged);
    CHECK_FALSE(verify_sign_in_token(kKey, forged_token.substr(0, forged_token.find('.')) + "." + signature, kNow));
    // One signature character changed.
    std::string bad_signature = token;
    bad_signature.back() = bad_signature.back() == 'A' ? 'Q' : 'A';
    CHECK_FALSE(verify_sign_in_token(kKey, bad_signature, kNow));
    // Signed with another key.
    CHECK_FALSE(verify_sign_in_token(kKey, issue_sign_in_token(std::string(32, 'x'), claims()), kNow));
    CHECK_FALSE(verify_sign_in_token(std::string(32, 'x'), token, kNow));
    // Garbage.
    for (const std::string& junk : std::vector<std::string>{"", ".", "abc", "abc.def", token + ".", "." + token, token + "A",
                                   token.substr(0, dot), std::string(600, 'A') + "." + signature}) {
        INFO(junk);
        CHECK_FALSE(verify_sign_in_token(kKey, junk, kNow));
    }
}

TEST_CASE("a signed payload of the wrong shape is still refused", "[dashboard][token]") {
    // Claims the signer would never produce: zero ids, a nonce that is not base64url.
    CHECK_FALSE(verify_sign_in_token(kKey, issue_sign_in_token(kKey, {0, 42, kNow + minutes{1}, "AAAA"}), kNow));
    CHECK_FALSE(verify_sign_in_token(kKey, issue_sign_in_token(kKey, {3, 42, kNow + minutes{1}, "a|b"}), kNow));
    CHECK_FALSE(verify_sign_in_token(kKey, issue_sign_in_token(kKey, {3, 42, kNow + minutes{1}, ""}), kNow));
}
