#pragma once
// Authenticates one inbound Bot Connector request (POST /api/messages) before anything is acted on:
// `Authorization: Bearer <jwt>`, RS256 (RS384/RS512 accepted; `none` and every HS* refused) signed by a key of
// OpenIdKeys, `iss` == issuer, `aud` == the bot's app id, `nbf`/`exp` within the clock skew, the key's endorsements
// (when non-empty) containing the activity's channelId, and the `serviceurl` claim equal to the activity's serviceUrl.
// Typed failures: the adapter answers 401, or 403 for a failed endorsement, with nothing done.
// The algorithm is checked before the kid is looked up, so a forged `none`/HS* token never costs a key refresh.
// Nothing here logs; AuthError::detail is a fixed phrase (no token, no claim values).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/teams/auth/openid_keys.hpp"
#include "bot/clock.hpp"

namespace advocacy::teams {

enum class AuthFailure {
    missing_token,         // no Authorization header
    bad_scheme,            // not exactly "Bearer <token>"
    malformed,             // not three base64url parts of JSON
    unsupported_algorithm, // none, HS*, anything but RS256/384/512
    unknown_key,           // kid not in the JWKS (even after a refresh)
    bad_signature,
    wrong_issuer,
    wrong_audience,
    expired,
    not_yet_valid,
    endorsement_missing,   // 403
    service_url_mismatch,
};
std::string_view to_string(AuthFailure f);

struct AuthError {
    AuthFailure reason;
    std::string detail;  // for logs; never contains the token
    int http_status() const { return reason == AuthFailure::endorsement_missing ? 403 : 401; }
};

struct ValidatorOptions {
    std::string issuer = "https://api.botframework.com";
    std::string app_id;                      // expected `aud`
    std::chrono::seconds clock_skew{300};
};

class TokenValidator {
public:
    TokenValidator(OpenIdKeys& keys, ValidatorOptions options, const Clock& clock);

    // nullopt when the request is authentic. `channel_id` and `service_url` come from the activity body.
    std::optional<AuthError> validate(std::string_view authorization_header, std::string_view channel_id,
                                      std::string_view service_url) const;

private:
    OpenIdKeys& keys_;
    ValidatorOptions options_;
    const Clock& clock_;
};

}  // namespace advocacy::teams
