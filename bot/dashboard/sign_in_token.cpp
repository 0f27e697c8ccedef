#include "bot/dashboard/sign_in_token.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>
#include <stdexcept>
#include <vector>

#include "bot/dashboard/encoding.hpp"

namespace advocacy::dashboard {

namespace {

constexpr std::string_view kVersion = "v1";
constexpr std::size_t kMaxNonceChars = 64;

std::string hmac_sha256(std::string_view key, std::string_view data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
              data.size(), mac, &length)) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return std::string(reinterpret_cast<const char*>(mac), length);
}

// Decimal digits only, no sign, no leading zero (one spelling per number).
std::optional<std::int64_t> parse_positive(std::string_view text) {
    if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

std::optional<SignInClaims> parse_payload(std::string_view payload) {
    const auto parts = split(payload, '|');
    if (parts.size() != 5 || parts[0] != kVersion) return std::nullopt;
    const auto workspace = parse_positive(parts[1]);
    const auto user = parse_positive(parts[2]);
    const auto expires = parse_positive(parts[3]);
    const std::string_view nonce = parts[4];
    if (!workspace || !user || !expires || nonce.empty() || nonce.size() > kMaxNonceChars) return std::nullopt;
    if (!base64url_decode(nonce)) return std::nullopt;
    return SignInClaims{*workspace, *user, std::chrono::sys_seconds{std::chrono::seconds{*expires}}, std::string(nonce)};
}

}  // namespace

std::string issue_sign_in_token(std::string_view key, const SignInClaims& claims) {
    const std::string payload = std::string(kVersion) + "|" + std::to_string(claims.workspace_id) + "|" +
                                std::to_string(claims.user_id) + "|" +
                                std::to_string(claims.expires_at.time_since_epoch().count()) + "|" + claims.nonce;
    return base64url_encode(payload) + "." + base64url_encode(hmac_sha256(key, payload));
}

std::optional<SignInClaims> verify_sign_in_token(std::string_view key, std::string_view token,
                                                 std::chrono::sys_seconds now) {
    if (token.empty() || token.size() > kMaxSignInTokenChars) return std::nullopt;
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || token.find('.', dot + 1) != std::string_view::npos) return std::nullopt;
    const auto payload = base64url_decode(token.substr(0, dot));
    const auto signature = base64url_decode(token.substr(dot + 1));
    if (!payload || !signature || payload->empty()) return std::nullopt;
    // The signature first: nothing of an unsigned payload is interpreted.
    if (!constant_time_equal(*signature, hmac_sha256(key, *payload))) return std::nullopt;
    auto claims = parse_payload(*payload);
    if (!claims || now >= claims->expires_at) return std::nullopt;
    return claims;
}

}  // namespace advocacy::dashboard
