// Names of the authentication failures, as logged (never with the token).
#include "adapters/teams/auth/token_validator.hpp"

namespace advocacy::teams {

std::string_view to_string(AuthFailure f) {
    switch (f) {
        case AuthFailure::missing_token: return "missing_token";
        case AuthFailure::bad_scheme: return "bad_scheme";
        case AuthFailure::malformed: return "malformed";
        case AuthFailure::unsupported_algorithm: return "unsupported_algorithm";
        case AuthFailure::unknown_key: return "unknown_key";
        case AuthFailure::bad_signature: return "bad_signature";
        case AuthFailure::wrong_issuer: return "wrong_issuer";
        case AuthFailure::wrong_audience: return "wrong_audience";
        case AuthFailure::expired: return "expired";
        case AuthFailure::not_yet_valid: return "not_yet_valid";
        case AuthFailure::endorsement_missing: return "endorsement_missing";
        case AuthFailure::service_url_mismatch: return "service_url_mismatch";
    }
    return "unknown";
}

}  // namespace advocacy::teams
