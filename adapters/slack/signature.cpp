#include "adapters/slack/signature.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

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

namespace {

struct MacFree {
    void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};
using MacContext = std::unique_ptr<EVP_MAC_CTX, MacFree>;

MacContext keyed_hmac_sha256(std::string_view secret) {
    struct MacTypeFree {
        void operator()(EVP_MAC* m) const { EVP_MAC_free(m); }
    };
    const std::unique_ptr<EVP_MAC, MacTypeFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    MacContext ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    if (!ctx || !EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), params))
        throw std::runtime_error("HMAC-SHA256 unavailable");
    return ctx;
}

// "v0=<hex>" of HMAC(keyed, "v0:" + timestamp + ":" + body), hashed in pieces (the body is never copied).
std::string sign(const EVP_MAC_CTX* keyed, std::string_view timestamp, std::string_view body) {
    const MacContext ctx(EVP_MAC_CTX_dup(keyed));
    const auto update = [&](std::string_view part) {
        return EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(part.data()), part.size()) == 1;
    };
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    std::size_t mac_len = 0;
    if (!ctx || !update("v0:") || !update(timestamp) || !update(":") || !update(body) ||
        EVP_MAC_final(ctx.get(), mac.data(), &mac_len, mac.size()) != 1) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "v0=";
    out.reserve(3 + 2 * mac_len);
    for (std::size_t i = 0; i < mac_len; ++i) {
        out.push_back(kHex[mac[i] >> 4]);
        out.push_back(kHex[mac[i] & 0x0F]);
    }
    return out;
}

}  // namespace

struct SignatureVerifier::Keyed {
    MacContext ctx;
};

std::string compute_signature(std::string_view secret, std::string_view timestamp, std::string_view body) {
    return sign(keyed_hmac_sha256(secret).get(), timestamp, body);
}

SignatureVerifier::SignatureVerifier(std::string secret, const Clock& clock)
    : keyed_(std::make_unique<Keyed>(Keyed{keyed_hmac_sha256(secret)})), clock_(clock) {}

SignatureVerifier::~SignatureVerifier() = default;
SignatureVerifier::SignatureVerifier(SignatureVerifier&&) noexcept = default;

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

    const std::string expected = sign(keyed_->ctx.get(), timestamp, body);
    // Lengths are not secret; the bytes are compared in constant time.
    if (signature.size() != expected.size()) return SignatureCheck::mismatch;
    return CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0 ? SignatureCheck::ok
                                                                                 : SignatureCheck::mismatch;
}

}  // namespace advocacy::slack
