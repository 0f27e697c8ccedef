// Request signing: Slack's published worked example, the 300 s window both ways, and every way to get it wrong.
#include <catch2/catch.hpp>

#include "adapters/slack/signature.hpp"

using namespace advocacy;
using namespace advocacy::slack;

namespace {
constexpr std::string_view kSecret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::string_view kTimestamp = "1531420618";
constexpr std::string_view kBody =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
    "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack."
    "com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
    "803a0bc887a14d10d2c447fce8b6703c";
constexpr std::string_view kExpected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

std::chrono::sys_seconds at(std::int64_t unix) { return std::chrono::sys_seconds{std::chrono::seconds{unix}}; }
}  // namespace

TEST_CASE("Slack's worked example signs to the published value") {
    CHECK(compute_signature(kSecret, kTimestamp, kBody) == kExpected);
}

TEST_CASE("a request signed now verifies, one byte changed anywhere does not") {
    ManualClock clock(at(1531420618));
    SignatureVerifier v{std::string(kSecret), clock};
    CHECK(v.verify(kTimestamp, kExpected, kBody) == SignatureCheck::ok);

    std::string body(kBody);
    body.back() = 'd';
    CHECK(v.verify(kTimestamp, kExpected, body) == SignatureCheck::mismatch);
    std::string sig(kExpected);
    sig[10] = sig[10] == 'a' ? 'b' : 'a';
    CHECK(v.verify(kTimestamp, sig, kBody) == SignatureCheck::mismatch);
    CHECK(v.verify(kTimestamp, "v1=" + std::string(kExpected.substr(3)), kBody) == SignatureCheck::mismatch);
    CHECK(v.verify(kTimestamp, std::string(kExpected) + "0", kBody) == SignatureCheck::mismatch);
    CHECK(v.verify(kTimestamp, "v0=", kBody) == SignatureCheck::mismatch);
    // Same body, other secret.
    SignatureVerifier other{"another-secret", clock};
    CHECK(other.verify(kTimestamp, kExpected, kBody) == SignatureCheck::mismatch);
}

TEST_CASE("the timestamp window is 300 s in both directions") {
    ManualClock clock(at(1531420618 + 300));
    SignatureVerifier v{std::string(kSecret), clock};
    CHECK(v.verify(kTimestamp, kExpected, kBody) == SignatureCheck::ok);
    clock.advance(std::chrono::seconds(1));
    CHECK(v.verify(kTimestamp, kExpected, kBody) == SignatureCheck::stale);
    clock.set(at(1531420618 - 300));
    CHECK(v.verify(kTimestamp, kExpected, kBody) == SignatureCheck::ok);
    clock.set(at(1531420618 - 301));
    CHECK(v.verify(kTimestamp, kExpected, kBody) == SignatureCheck::stale);
}

TEST_CASE("missing or malformed headers are rejected before any HMAC") {
    ManualClock clock(at(1531420618));
    SignatureVerifier v{std::string(kSecret), clock};
    CHECK(v.verify("", kExpected, kBody) == SignatureCheck::missing_headers);
    CHECK(v.verify(kTimestamp, "", kBody) == SignatureCheck::missing_headers);
    CHECK(v.verify("15314206l8", kExpected, kBody) == SignatureCheck::malformed_timestamp);
    CHECK(v.verify("-1531420618", kExpected, kBody) == SignatureCheck::malformed_timestamp);
    CHECK(v.verify(" 1531420618", kExpected, kBody) == SignatureCheck::malformed_timestamp);
    CHECK(v.verify("99999999999999999999999", kExpected, kBody) == SignatureCheck::malformed_timestamp);
}
