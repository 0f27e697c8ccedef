#pragma once
// The dashboard's sign-in link token (docs/dashboard.md):
//   base64url(payload) "." base64url(HMAC-SHA256(key, payload)), payload = "v1|workspace_id|user_id|expires_unix|nonce".
// The signature proves the bot issued it; the nonce (recorded in storage when issued, spent when followed) makes
// it work once. Checking the signature and expiry here; spending the nonce is the caller's job.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace advocacy::dashboard {

inline constexpr std::chrono::minutes kSignInLinkLifetime{15};
// Longer tokens are refused before any work: a real one is about 120 characters.
inline constexpr std::size_t kMaxSignInTokenChars = 512;

struct SignInClaims {
    std::int64_t workspace_id = 0;
    std::int64_t user_id = 0;
    std::chrono::sys_seconds expires_at{};
    std::string nonce;  // base64url, no '|'
};

std::string issue_sign_in_token(std::string_view key, const SignInClaims& claims);

// The claims when the token is well formed, signed with `key` (constant-time check) and `now` < expires_at;
// nullopt otherwise, whatever the reason (the caller answers the same 401 for all).
std::optional<SignInClaims> verify_sign_in_token(std::string_view key, std::string_view token,
                                                 std::chrono::sys_seconds now);

}  // namespace advocacy::dashboard
