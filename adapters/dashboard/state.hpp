#pragma once
// What the dashboard's routes share: configuration, storage, the injected clock and randomness, and the session
// check every route but the sign-in pages runs first.
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "bot/clock.hpp"
#include "bot/engine/context.hpp"
#include "bot/server/http_message.hpp"
#include "config/config.hpp"
#include "storage/dashboard_access.hpp"
#include "storage/database.hpp"

namespace advocacy::dashboard {

struct State {
    State(const config::Config& config, storage::Database& db, Clock& clock, RandomSource& random)
        : config(config), db(db), clock(clock), random(random), ctx(config, db, clock, random), access(db) {}

    const config::Config& config;
    storage::Database& db;
    Clock& clock;
    RandomSource& random;
    std::mutex random_mutex;  // handlers run on several workers; a RandomSource need not be thread-safe
    engine::Context ctx;      // the workspace's effective program settings (time zone, leaderboard size)
    storage::DashboardAccess access;

    std::string random_token(std::size_t bytes);
    // The live session of the request's cookie: it exists, has not expired, and its user is still an admin.
    std::optional<storage::DashboardSession> session_of(const server::HttpRequest& request);
};

}  // namespace advocacy::dashboard
