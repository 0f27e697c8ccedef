#include "adapters/teams/stack.hpp"

namespace advocacy::teams {

TeamsStack::TeamsStack(const config::Config& config, Engine& engine, storage::Database& db, const Clock& clock,
                       net::HttpClient& client, AdapterOptions options) {
    const auto& t = config.teams;
    keys = std::make_unique<OpenIdKeys>(client, t.openid_metadata_url, clock);
    validator = std::make_unique<TokenValidator>(*keys, ValidatorOptions{t.openid_issuer, t.app_id, std::chrono::seconds(300)},
                                                 clock);
    tokens = std::make_unique<BotTokenProvider>(client, BotTokenOptions{t.token_url, t.app_id, t.app_password.value()},
                                                clock);
    connector = std::make_unique<ConnectorClient>(
        client, TokenSource{[this] { return tokens->token(); }, [this] { tokens->invalidate(); }}, limiter);
    outbox = std::make_unique<TeamsOutbox>(config, *connector, db, clock);
    adapter = std::make_shared<TeamsAdapter>(config, engine, db, clock, authenticate_with(*validator), *outbox, options);
}

}  // namespace advocacy::teams
