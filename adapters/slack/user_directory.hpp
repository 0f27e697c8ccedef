#pragma once
// Who a Slack user is, as users.info tells it (include_locale): display name, locale, IANA time zone. Cached per
// user and refreshed daily, so the engine answers in the user's language and pushes at their local time. A lookup
// never holds an ack for long: on a miss it waits at most `wait`, then goes on without (the answer still lands in
// the cache for next time).
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "adapters/slack/web_api.hpp"
#include "bot/clock.hpp"
#include "bot/model/identity.hpp"

namespace advocacy::slack {

struct SlackProfile {
    std::string display_name;
    std::string locale;     // "fr-FR"
    std::string time_zone;  // "Europe/Paris"
};

// Reads a users.info reply; nullopt when it is not a usable user.
std::optional<SlackProfile> profile_from(const boost::json::object& users_info_reply);

class UserDirectory {
public:
    UserDirectory(WebApi& api, const Clock& clock, std::chrono::hours refresh = std::chrono::hours(24),
                  std::size_t capacity = 50'000);
    ~UserDirectory();
    UserDirectory(const UserDirectory&) = delete;
    UserDirectory& operator=(const UserDirectory&) = delete;

    // Fills what is known (empty fields of `who` only for the display name; locale and time zone when Slack has
    // them). Asks users.info when the entry is missing or older than `refresh`.
    void enrich(UserIdentity& who, std::chrono::milliseconds wait = std::chrono::milliseconds(700));

private:
    struct State;
    std::shared_ptr<State> state_;  // shared with callbacks still in flight
    WebApi& api_;
    const Clock& clock_;
    std::chrono::hours refresh_;
};

}  // namespace advocacy::slack
