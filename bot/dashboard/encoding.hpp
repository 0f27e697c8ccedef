#pragma once
// Byte encodings and digests for the dashboard's sign-in links and session cookies (OpenSSL underneath).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bot/clock.hpp"

namespace advocacy::dashboard {

// RFC 4648 section 5 base64url without padding.
std::string base64url_encode(std::string_view bytes);
// Strict: only the URL-safe alphabet, no padding, and the canonical form (unused trailing bits zero), so one
// value has exactly one spelling. nullopt otherwise.
std::optional<std::string> base64url_decode(std::string_view text);

// Lower-case hex SHA-256: sessions are stored by the hash of their cookie, never the cookie itself.
std::string sha256_hex(std::string_view bytes);

// `bytes` random bytes from `random`, base64url-encoded (nonces: 16 bytes, session cookies: 32 bytes).
std::string random_base64url(RandomSource& random, std::size_t bytes);

// Constant-time equality (CRYPTO_memcmp); different lengths compare unequal without looking at the bytes.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace advocacy::dashboard
