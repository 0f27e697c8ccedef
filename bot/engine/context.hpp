#pragma once
// What every engine piece needs: configuration, storage repositories, the injected clock and randomness, and the
// small lookups everyone repeats (a user's language and time zone, a workspace's effective program settings).
#include <atomic>
#include <chrono>
#include <string>

#include <date/tz.h>

#include "bot/calendar.hpp"
#include "bot/clock.hpp"
#include "bot/i18n/catalog.hpp"
#include "config/config.hpp"
#include "storage/audit.hpp"
#include "storage/campaigns.hpp"
#include "storage/deliveries.hpp"
#include "storage/interactions.hpp"
#include "storage/leaderboard.hpp"
#include "storage/users.hpp"

namespace advocacy::engine {

// [program] from the config, overridden per workspace by what `schedule` stored in Settings.
struct ProgramSettings {
    std::string time_zone;
    std::chrono::minutes push_time{};
    config::WeekdaySet working_days;
    std::chrono::minutes stagger_window{};
    unsigned leaderboard_weekday = 5;
    std::chrono::minutes leaderboard_time{};
    int leaderboard_size = 10;
    std::string default_locale;

    const date::time_zone* zone() const;
};

// Keys of the Settings overrides written by `schedule`.
namespace setting_keys {
inline constexpr const char* push_time = "push_time";
inline constexpr const char* time_zone = "time_zone";
inline constexpr const char* working_days = "working_days";
inline constexpr const char* leaderboard = "leaderboard";  // "fri 16:00"
}  // namespace setting_keys

struct Context {
    Context(const config::Config& config, storage::Database& db, Clock& clock, RandomSource& random);

    const config::Config& config;
    storage::Database& db;
    Clock& clock;
    RandomSource& random;
    // Set when the process is shutting down: a running fan-out stops starting new sends (the rest stay unsent
    // and go out after the restart).
    std::atomic<bool> stopping{false};

    storage::Users users;
    storage::Campaigns campaigns;
    storage::Contents contents;
    storage::Deliveries deliveries;
    storage::Interactions interactions;
    storage::Leaderboard leaderboard;
    storage::AuditLog audit;
    storage::Settings settings;

    std::chrono::sys_seconds now() const { return clock.now(); }

    ProgramSettings program(storage::Id workspace_id);
    // Just the program time zone (the points week), for hot paths such as link clicks.
    const date::time_zone* program_zone(storage::Id workspace_id);
    i18n::Lang lang_of(const storage::User& user) const;
    // The user's own zone when known, else the program's.
    const date::time_zone* zone_of(const storage::User& user, const ProgramSettings& program) const;
};

}  // namespace advocacy::engine
