// The one line `check-config` prints on success. Names sources, never secret values.
#include "config/load.hpp"
#include "config/values.hpp"

namespace advocacy::config {

std::string summarize(const Config& c) {
    std::string out = "config OK: slack ";
    out += c.slack.enabled ? (c.slack.mode == SlackMode::http ? "on (http)" : "on (socket)") : "off";
    out += ", teams ";
    out += c.teams.enabled ? "on" : "off";
    out += ", program " + c.program.time_zone + " push " + format_time_of_day(c.program.push_time) + " " +
           format_weekday_set(c.program.working_days);
    out += ", leaderboard " + format_weekly_time({c.program.leaderboard_weekday, c.program.leaderboard_time});
    out += ", db " + c.storage.database.string();
    const bool ipv6 = c.server.listen_address.find(':') != std::string::npos;
    out += ", listen " + (ipv6 ? "[" + c.server.listen_address + "]" : c.server.listen_address) + ":" +
           std::to_string(c.server.port) + (c.server.tls_certificate ? " (https)" : "");
    out += ", public " + c.server.public_base_url;
    return out;
}

}  // namespace advocacy::config
