#pragma once
// Slack request signing (HTTP mode): v0 = HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body), hex.
// Verified over the exact received bytes before anything is parsed; 300 s window in both directions.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "bot/clock.hpp"

namespace advocacy::slack {

enum class SignatureCheck {
    ok,
    missing_headers,    // no X-Slack-Signature or X-Slack-Request-Timestamp
    malformed_timestamp,
    stale,              // |now - timestamp| > window, either direction
    mismatch,           // wrong scheme, wrong length, or wrong HMAC
};

std::string_view to_string(SignatureCheck c);

// "v0=<64 lowercase hex>" for this secret, timestamp and body.
std::string compute_signature(std::string_view secret, std::string_view timestamp, std::string_view body);

class SignatureVerifier {
public:
    static constexpr std::chrono::seconds kWindow{300};

    SignatureVerifier(std::string secret, const Clock& clock);
    ~SignatureVerifier();
    SignatureVerifier(SignatureVerifier&&) noexcept;

    // `timestamp` and `signature` are the header values (empty when absent).
    SignatureCheck verify(std::string_view timestamp, std::string_view signature, std::string_view body) const;

private:
    // An HMAC-SHA256 context keyed once with the secret; each request hashes a copy of it, in place, over the
    // received bytes (no per-request key schedule, algorithm fetch or copy of the body).
    struct Keyed;
    std::unique_ptr<Keyed> keyed_;
    const Clock& clock_;
};

}  // namespace advocacy::slack
