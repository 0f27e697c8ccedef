#pragma once
// The bot's own token for calls to the Bot Connector: OAuth2 client credentials against the configured token URL
// (tenant-specific by default), scope https://api.botframework.com/.default. Cached and refreshed 5 minutes before
// expiry; one fetch at a time (concurrent callers wait for it); while that early refresh fails, the cached token is
// still handed out until it really expires. The secret and the token are never logged. The form body is encoded
// with Boost.URL; requests use the rate-limit key "teams:token".
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "bot/clock.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::teams {

struct BotTokenOptions {
    std::string token_url;  // https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token (http:// for fakes)
    std::string app_id;
    std::string app_password;
    std::string scope = "https://api.botframework.com/.default";
    std::chrono::seconds refresh_before_expiry{300};
};

struct BotTokenResult {
    std::optional<std::string> token;  // the access token, when one could be obtained
    std::string error;                 // short reason otherwise (HTTP status, OAuth error code), no secrets
    bool permanent = false;            // invalid_client / unauthorized_client: the credentials are wrong
};

class BotTokenProvider {
public:
    BotTokenProvider(net::HttpClient& client, BotTokenOptions options, const Clock& clock);
    ~BotTokenProvider();
    BotTokenProvider(const BotTokenProvider&) = delete;
    BotTokenProvider& operator=(const BotTokenProvider&) = delete;

    // Blocking (worker and scheduler threads). Cached token while it has more than refresh_before_expiry left.
    BotTokenResult token();
    // Forget the cached token (after a 401 from the connector).
    void invalidate();
    int fetch_count() const;  // tests: cached tokens are reused

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy::teams
