#include "adapters/slack/signature.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <stdexcept>

namespace advocacy::slack {

std::string_view to_string(SignatureCheck c) {
    switch (c) {
        case SignatureCheck::ok: return "ok";
        case SignatureCheck::missing_headers: return "missing signature headers";
        case SignatureCheck::malformed_timestamp: return "malformed timestamp";
        case SignatureCheck::stale: return "timestamp outside the 300 s window";
        case SignatureCheck::mismatch: return "signature mismatch";
    }
    return "signature mismatch";
}

std::string compute_signature(std::string_view secret, std::string_view timestamp, std::string_view body) {
    std::string base;
    base.reserve(4 + timestamp.size() + body.size());
    base.append("v0:").append(timestamp).append(":").append(body);
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_len = 0;
    if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char*>(base.data()), base.size(), mac.data(), &mac_len)) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "v0=";
    out.reserve(3 + 2 * mac_len);
    for (unsigned i = 0; i < mac_len; ++i) {
        out.push_back(kHex[mac[i] >> 4]);
        out.push_back(kHex[mac[i] & 0x0F]);
    }
    return out;
}

SignatureCheck SignatureVerifier::verify(std::string_view timestamp, std::string_view signature,
                                         std::string_view body) const {
    if (timestamp.empty() || signature.empty()) return SignatureCheck::missing_headers;
    std::int64_t ts = 0;
    const auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), ts);
    if (ec != std::errc{} || end != timestamp.data() + timestamp.size() || ts < 0) {
        return SignatureCheck::malformed_timestamp;
    }
    const auto now = clock_.now().time_since_epoch();
    const auto skew = now - std::chrono::seconds(ts);
    if (skew > kWindow || skew < -kWindow) return SignatureCheck::stale;

    const std::string expected = compute_signature(secret_, timestamp, body);
    // Lengths are not secret; the bytes are compared in constant time.
    if (signature.size() != expected.size()) return SignatureCheck::mismatch;
    return CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0 ? SignatureCheck::ok
                                                                                 : SignatureCheck::mismatch;
}

}  // namespace advocacy::slack
