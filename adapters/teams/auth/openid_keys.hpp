#pragma once
// The Bot Framework's signing keys: OpenID metadata (configured URL) -> jwks_uri -> JWKS, cached.
//  - refreshed when older than 24 h;
//  - an unknown `kid` triggers one refresh at once, at most once per hour (rate-limited against kid spraying);
//  - when the metadata or JWKS endpoint fails or answers garbage, the last good key set stays in use, and the next
//    attempt waits unknown_kid_refresh_interval too (a failing endpoint is not hit once per inbound request).
// Keys come from jwks.hpp (RSA only, 2048 bits or more; other JWKs are skipped). An https metadata URL must announce
// an https jwks_uri. Requests go through net::HttpClient with the rate-limit key "teams:openid".
// Thread-safe; find() may block on the network (it runs on the server's worker threads): give it an HttpClient whose
// RetryPolicy fits in the 15 s the connector waits, and call refresh() at startup so the first request does not pay.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::teams {

// One RSA public key from the JWKS. The OpenSSL key object is built once, at fetch time.
struct SigningKey {
    std::string kid;
    std::vector<std::string> endorsements;  // channel ids ("msteams"); empty: no endorsement check
    std::shared_ptr<void> public_key;       // EVP_PKEY*, owned (opaque here so OpenSSL stays out of this header)
};

struct OpenIdKeysOptions {
    std::chrono::hours max_age{24};
    std::chrono::minutes unknown_kid_refresh_interval{60};
};

class OpenIdKeys {
public:
    OpenIdKeys(net::HttpClient& client, std::string metadata_url, const Clock& clock, OpenIdKeysOptions options = {});
    ~OpenIdKeys();
    OpenIdKeys(const OpenIdKeys&) = delete;
    OpenIdKeys& operator=(const OpenIdKeys&) = delete;

    // The key named `kid`, refreshing as described above; nullptr when it is (still) unknown.
    std::shared_ptr<const SigningKey> find(std::string_view kid);
    // Fetches metadata + JWKS now; false (keeping the old set) on any failure.
    bool refresh();
    // The issuer the metadata announced (empty before the first successful fetch).
    std::string issuer() const;
    // How many successful/failed refreshes happened (tests: "a new kid is fetched once").
    int refresh_count() const;
    int failure_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy::teams
