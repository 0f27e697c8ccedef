// The checks of one inbound Bot Connector token, cheapest and key-independent ones first: a token refused on its
// form or algorithm never costs a key lookup (which may refresh over the network).
#include "adapters/teams/auth/token_validator.hpp"

#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>

#include "adapters/teams/auth/jwt.hpp"

namespace advocacy::teams {

namespace json = boost::json;

namespace {

constexpr std::size_t max_header_size = 16 * 1024;  // real connector tokens are ~1.5 KB

std::optional<AuthError> fail(AuthFailure reason, std::string detail) {
    return AuthError{reason, std::move(detail)};
}

std::string_view string_claim(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value && value->is_string() ? std::string_view(value->get_string()) : std::string_view{};
}

// A NumericDate (seconds since the epoch, possibly fractional); nullopt when absent or not a finite number.
std::optional<std::int64_t> numeric_date(const json::object& claims, std::string_view key) {
    const auto* value = claims.if_contains(key);
    if (!value) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(value->get_uint64());
    }
    if (value->is_double() && std::isfinite(value->get_double()) && std::abs(value->get_double()) < 1e17) {
        return static_cast<std::int64_t>(std::floor(value->get_double()));
    }
    return std::nullopt;
}

bool audience_matches(const json::object& claims, std::string_view app_id) {
    if (app_id.empty()) return false;  // an unconfigured app id accepts nothing
    const auto* aud = claims.if_contains("aud");
    if (!aud) return false;
    if (aud->is_string()) return aud->get_string() == app_id;
    if (!aud->is_array()) return false;
    const auto& list = aud->get_array();
    return std::any_of(list.begin(), list.end(), [&](const json::value& v) {
        return v.is_string() && v.get_string() == app_id;
    });
}

}  // namespace

TokenValidator::TokenValidator(OpenIdKeys& keys, ValidatorOptions options, const Clock& clock)
    : keys_(keys), options_(std::move(options)), clock_(clock) {}

std::optional<AuthError> TokenValidator::validate(std::string_view authorization_header, std::string_view channel_id,
                                                  std::string_view service_url) const {
    if (authorization_header.empty()) return fail(AuthFailure::missing_token, "no Authorization header");
    constexpr std::string_view scheme = "Bearer ";
    if (!authorization_header.starts_with(scheme)) return fail(AuthFailure::bad_scheme, "scheme is not Bearer");
    const auto token = authorization_header.substr(scheme.size());
    if (token.empty()) return fail(AuthFailure::bad_scheme, "empty Bearer credentials");
    if (authorization_header.size() > max_header_size) return fail(AuthFailure::malformed, "token too large");

    const auto jwt = parse_jwt(token);
    if (!jwt) return fail(AuthFailure::malformed, "not a JWT (three base64url parts of JSON)");

    const auto alg = string_claim(jwt->header, "alg");
    if (!rsa_jws_digest(alg)) return fail(AuthFailure::unsupported_algorithm, "alg is not RS256/RS384/RS512");

    const auto kid = string_claim(jwt->header, "kid");
    if (kid.empty()) return fail(AuthFailure::unknown_key, "no kid in the token header");
    const auto key = keys_.find(kid);
    if (!key) return fail(AuthFailure::unknown_key, "kid not in the signing keys");

    if (!verify_rsa_signature(alg, key->public_key.get(), jwt->signing_input, jwt->signature)) {
        return fail(AuthFailure::bad_signature, "signature does not verify");
    }
    // Only now are the claims trustworthy.
    const auto& claims = jwt->claims;
    if (options_.issuer.empty() || string_claim(claims, "iss") != options_.issuer) {
        return fail(AuthFailure::wrong_issuer, "iss is not the configured issuer");
    }
    if (!audience_matches(claims, options_.app_id)) return fail(AuthFailure::wrong_audience, "aud is not the app id");

    const auto now = clock_.now().time_since_epoch().count();
    const auto skew = options_.clock_skew.count();
    const auto exp = numeric_date(claims, "exp");
    if (!exp) return fail(AuthFailure::expired, "no exp");
    if (now - skew > *exp) return fail(AuthFailure::expired, "exp is past (beyond the clock skew)");
    if (claims.contains("nbf")) {
        const auto nbf = numeric_date(claims, "nbf");
        if (!nbf) return fail(AuthFailure::not_yet_valid, "nbf is not a number");
        if (now + skew < *nbf) return fail(AuthFailure::not_yet_valid, "nbf is in the future (beyond the clock skew)");
    }

    if (!key->endorsements.empty() &&
        std::find(key->endorsements.begin(), key->endorsements.end(), channel_id) == key->endorsements.end()) {
        return fail(AuthFailure::endorsement_missing, "the signing key is not endorsed for this channel");
    }
    if (string_claim(claims, "serviceurl") != service_url || service_url.empty()) {
        return fail(AuthFailure::service_url_mismatch, "serviceurl claim differs from the activity's serviceUrl");
    }
    return std::nullopt;
}

}  // namespace advocacy::teams
