#include "bot/engine/context.hpp"

#include "config/values.hpp"

namespace advocacy::engine {

const date::time_zone* ProgramSettings::zone() const { return zone_or(time_zone, "UTC"); }

Context::Context(const config::Config& config_, storage::Database& db_, Clock& clock_, RandomSource& random_)
    : config(config_),
      db(db_),
      clock(clock_),
      random(random_),
      users(db_),
      campaigns(db_),
      contents(db_),
      deliveries(db_),
      interactions(db_),
      leaderboard(db_),
      audit(db_),
      settings(db_) {}

namespace {
void apply_overrides(storage::Settings& settings, storage::Id workspace_id, ProgramSettings& p) {
    if (auto v = settings.get(workspace_id, setting_keys::time_zone); v && config::is_known_time_zone(*v)) {
        p.time_zone = *v;
    }
    if (auto v = settings.get(workspace_id, setting_keys::push_time)) {
        if (auto t = config::parse_time_of_day(*v)) p.push_time = *t;
    }
    if (auto v = settings.get(workspace_id, setting_keys::working_days)) {
        if (auto d = config::parse_weekday_set(*v)) p.working_days = *d;
    }
    if (auto v = settings.get(workspace_id, setting_keys::leaderboard)) {
        if (auto wt = config::parse_weekly_time(*v)) {
            p.leaderboard_weekday = wt->weekday;
            p.leaderboard_time = wt->time;
        }
    }
}
}  // namespace

ProgramSettings Context::program(storage::Id workspace_id) {
    const config::ProgramConfig& base = config.program;
    ProgramSettings p;
    p.time_zone = base.time_zone;
    p.push_time = base.push_time;
    p.working_days = base.working_days;
    p.stagger_window = base.stagger_window;
    p.leaderboard_weekday = base.leaderboard_weekday;
    p.leaderboard_time = base.leaderboard_time;
    p.leaderboard_size = base.leaderboard_size;
    p.default_locale = base.default_locale;

    // Stored values were validated by `schedule`; a value that no longer parses is ignored, not fatal.
    // The four look-ups share one read snapshot (one reader borrowed, not four).
    db.read([&](storage::Connection&) { apply_overrides(settings, workspace_id, p); });
    return p;
}

const date::time_zone* Context::program_zone(storage::Id workspace_id) {
    const auto stored = settings.get(workspace_id, setting_keys::time_zone);
    return zone_or(stored.value_or(""), config.program.time_zone);
}

i18n::Lang Context::lang_of(const storage::User& user) const {
    return i18n::pick_lang(user.locale, config.program.default_locale);
}

const date::time_zone* Context::zone_of(const storage::User& user, const ProgramSettings& program) const {
    return zone_or(user.time_zone, program.time_zone);
}

}  // namespace advocacy::engine
