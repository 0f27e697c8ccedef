#pragma once
// Private to `serve`: one running platform (Slack, Teams) as the server sees it. Each platform's start-up lives in
// its own file (serve_slack.cpp, serve_teams.cpp); serve.cpp only composes them.
#include <chrono>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/app/core_routes.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/server/router.hpp"
#include "config/config.hpp"

namespace advocacy::storage {
class Database;
}

namespace advocacy::cli {

// What a platform may use while starting: it adds its routes and its readiness checks.
struct ServeContext {
    const config::Config& config;
    Engine& engine;
    storage::Database& db;
    Clock& clock;
    server::Router& routes;
    std::vector<ReadinessCheck>& readiness;
};

// A platform that cannot start (rejected token, bad endpoint): serve prints the message and exits 1.
struct StartupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class PlatformRuntime {
public:
    virtual ~PlatformRuntime() = default;
    virtual Platform platform() const = 0;
    // Bot-initiated messages for this platform's conversations.
    virtual Outbox& outbox() = 0;
    // One line for the start-up banner, e.g. "Slack events at https://bot.example.com/slack/events".
    virtual std::string describe() const = 0;
    // Called once the HTTP server has stopped accepting requests: finish queued follow-ups (bounded), close
    // connections. Called before destruction.
    virtual void shutdown(std::chrono::milliseconds drain_budget) = 0;
};

// nullptr when the platform is not enabled in the configuration. Throws StartupError.
std::unique_ptr<PlatformRuntime> start_slack(ServeContext& ctx);  // serve_slack.cpp
std::unique_ptr<PlatformRuntime> start_teams(ServeContext& ctx);  // serve_teams.cpp

// app_home_opened / install is first contact only for someone the bot has not heard from yet.
std::function<bool(const UserIdentity&)> unknown_user(storage::Database& db);

}  // namespace advocacy::cli
