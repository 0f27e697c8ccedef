#pragma once
// The Teams adapter wired from the configuration: signing keys and token validator for inbound requests, the bot's
// own token, the rate limiter, the Bot Connector client, the outbox and the adapter. `serve` and the integration
// tests build the same thing through here. Not movable (its parts point at each other).
#include <memory>

#include "adapters/teams/adapter.hpp"
#include "adapters/teams/auth/bot_token.hpp"
#include "adapters/teams/auth/openid_keys.hpp"
#include "adapters/teams/auth/token_validator.hpp"
#include "adapters/teams/connector_client.hpp"
#include "adapters/teams/outbox.hpp"
#include "adapters/teams/rate_limiter.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::teams {

struct TeamsStack {
    TeamsStack(const config::Config& config, Engine& engine, storage::Database& db, const Clock& clock,
               net::HttpClient& client, AdapterOptions options = {});
    TeamsStack(const TeamsStack&) = delete;
    TeamsStack& operator=(const TeamsStack&) = delete;

    // Declaration order is construction order; the adapter goes first on destruction (it drains its follow-ups).
    std::unique_ptr<OpenIdKeys> keys;
    std::unique_ptr<TokenValidator> validator;
    std::unique_ptr<BotTokenProvider> tokens;
    RateLimiter limiter;
    std::unique_ptr<ConnectorClient> connector;
    std::unique_ptr<TeamsOutbox> outbox;
    std::shared_ptr<TeamsAdapter> adapter;
};

}  // namespace advocacy::teams
