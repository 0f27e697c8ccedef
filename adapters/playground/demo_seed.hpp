#pragma once
// First-run content for `advocacy-bot demo`: the demo people (through the engine, so they get the real onboarding
// message), one active campaign with realistic items in English and French, a few shares this week so the
// first leaderboard is not empty, and six weeks of history on archived campaigns for the admin dashboard's charts.
#include "config/config.hpp"

namespace advocacy {
class Clock;
class Engine;
class Outbox;
namespace storage {
class Database;
}
}  // namespace advocacy

namespace advocacy::playground {

// True when the database has no playground workspace yet (a fresh or reset demo).
bool needs_seed(storage::Database& db);

void seed_demo(Engine& engine, Outbox& outbox, storage::Database& db, const config::Config& config, const Clock& clock);

}  // namespace advocacy::playground
