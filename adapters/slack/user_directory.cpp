#include "adapters/slack/user_directory.hpp"

#include <boost/json.hpp>

#include <condition_variable>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "bot/log/log.hpp"

namespace advocacy::slack {

namespace json = boost::json;

namespace {

std::string str(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

}  // namespace

std::optional<SlackProfile> profile_from(const json::object& reply) {
    const auto* user = reply.if_contains("user");
    if (!user || !user->is_object()) return std::nullopt;
    const auto& u = user->as_object();
    SlackProfile p;
    p.locale = str(u, "locale");
    p.time_zone = str(u, "tz");
    if (const auto* profile = u.if_contains("profile"); profile && profile->is_object()) {
        p.display_name = str(profile->as_object(), "display_name");
        if (p.display_name.empty()) p.display_name = str(profile->as_object(), "real_name");
    }
    if (p.display_name.empty()) p.display_name = str(u, "real_name");
    return p;
}

struct UserDirectory::State {
    struct Entry {
        SlackProfile profile;
        std::chrono::sys_seconds fetched;
    };
    std::mutex mutex;
    std::condition_variable arrived;
    std::unordered_map<std::string, Entry> entries;  // "<team>/<user>"
    std::unordered_set<std::string> in_flight;
    std::size_t capacity = 0;
};

UserDirectory::UserDirectory(WebApi& api, const Clock& clock, std::chrono::hours refresh, std::size_t capacity)
    : state_(std::make_shared<State>()), api_(api), clock_(clock), refresh_(refresh) {
    state_->capacity = capacity;
}

UserDirectory::~UserDirectory() = default;

void UserDirectory::enrich(UserIdentity& who, std::chrono::milliseconds wait) {
    if (who.user_id.empty()) return;
    const std::string key = who.workspace_id + "/" + who.user_id;
    const auto now = clock_.now();
    const auto deadline = std::chrono::steady_clock::now() + wait;
    std::unique_lock lock(state_->mutex);
    const auto fresh = [&] {
        const auto it = state_->entries.find(key);
        return it != state_->entries.end() && now - it->second.fetched < refresh_;
    };
    if (!fresh() && !state_->in_flight.contains(key)) {
        state_->in_flight.insert(key);
        lock.unlock();
        api_.call_form_async("users.info", {{"user", who.user_id}, {"include_locale", "true"}},
                             [state = state_, key, now](ApiResult r) {
                                 auto profile = r.ok ? profile_from(r.reply) : std::nullopt;
                                 if (!r.ok) log::warn("slack", "users.info failed", {{"error", r.error}});
                                 // A permanent error (missing scope, user gone) is not asked again before refresh.
                                 if (r.permanent()) profile = SlackProfile{};
                                 {
                                     const std::lock_guard guard(state->mutex);
                                     state->in_flight.erase(key);
                                     if (profile) {
                                         if (state->entries.size() >= state->capacity) state->entries.clear();
                                         state->entries[key] = {*profile, now};
                                     }
                                 }
                                 state->arrived.notify_all();
                             });
        lock.lock();
    }
    state_->arrived.wait_until(lock, deadline, [&] { return !state_->in_flight.contains(key); });
    const auto it = state_->entries.find(key);
    if (it == state_->entries.end()) return;  // a stale entry is still better than nothing
    const SlackProfile& p = it->second.profile;
    if (!p.display_name.empty()) who.display_name = p.display_name;
    if (!p.locale.empty()) who.locale = p.locale;
    if (!p.time_zone.empty()) who.time_zone = p.time_zone;
}

}  // namespace advocacy::slack
