#pragma once
// The Teams adapter: one endpoint, POST /api/messages, where the Bot Connector posts activities. Every request is
// authenticated first (the Bearer JWT, TokenValidator; 401, or 403 for a failed endorsement, with nothing done);
// then the activity's conversation reference is stored and the activity is dispatched through one routing table
// (inbound/routes.cpp) to one handler per kind. The engine's work (SQLite) runs before the 200; messages back to
// Teams go out after it on a follow-up queue, except Action.Execute, which is answered in the response itself.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "adapters/teams/auth/token_validator.hpp"
#include "adapters/teams/outbox.hpp"
#include "bot/work_queue.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/server/router.hpp"
#include "config/config.hpp"
#include "storage/conversation_refs.hpp"

namespace advocacy::teams {

inline constexpr std::string_view kMessagesPath = "/api/messages";

// Checks one request's Authorization header against the activity's channelId and serviceUrl (TokenValidator in
// production): nullopt when authentic.
using Authenticate = std::function<std::optional<AuthError>(std::string_view authorization, std::string_view channel_id,
                                                            std::string_view service_url)>;

// TokenValidator::validate as an Authenticate (the validator must outlive the adapter).
Authenticate authenticate_with(const TokenValidator& validator);

struct AdapterOptions {
    std::size_t body_limit = 256 * 1024;  // activities are small; 413 above this
    std::size_t follow_up_threads = 4;
};

class TeamsAdapter {
public:
    TeamsAdapter(const config::Config& config, Engine& engine, storage::Database& db, const Clock& clock,
                 Authenticate authenticate, TeamsOutbox& outbox, AdapterOptions options = {});
    ~TeamsAdapter();
    TeamsAdapter(const TeamsAdapter&) = delete;
    TeamsAdapter& operator=(const TeamsAdapter&) = delete;

    // POST /api/messages (runs on the server's worker pool).
    server::HttpResponse handle(const server::HttpRequest& request);

    // Waits for queued follow-ups; false on timeout.
    bool drain(std::chrono::milliseconds timeout) { return follow_ups_.drain(timeout); }

    const AdapterOptions& options() const { return options_; }

private:
    const config::Config& config_;
    Engine& engine_;
    storage::ConversationRefs refs_;
    const Clock& clock_;
    Authenticate authenticate_;
    TeamsOutbox& outbox_;
    AdapterOptions options_;
    WorkQueue follow_ups_;  // last: destroyed (drained) first
};

void add_teams_routes(server::Router& router, const std::shared_ptr<TeamsAdapter>& adapter);

}  // namespace advocacy::teams
