#pragma once
// One inbound event being handled: who asked (already upserted), in which language, and the workspace's settings.
#include <string>
#include <string_view>

#include "bot/engine.hpp"
#include "bot/engine/context.hpp"
#include "bot/model/event.hpp"

namespace advocacy::engine {

struct Request {
    Context& ctx;
    const Event& event;
    storage::User user;
    i18n::Lang lang;
    ProgramSettings program;
    bool first_contact = false;  // the user was created by this event

    std::string tr(std::string_view key, i18n::Args args = {}) const { return i18n::tr(lang, key, args); }
    // The requester's local day and the program's ISO week (the points week).
    LocalDate today() const;
    std::string week() const;
    const date::time_zone* zone() const { return ctx.zone_of(user, program); }
    // Appends an admin action to the workspace's audit log.
    void audit(const std::string& action, const std::string& detail) const;
};

}  // namespace advocacy::engine
