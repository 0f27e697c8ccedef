// app_home_opened: the user opened the bot's Home or Messages tab. On first contact this is UserJoined, and the
// engine answers with the onboarding message (what the bot sends, why sharing matters, what is recorded, how to
// pause or opt out), posted in the user's DM with the bot. Opening the Home tab (re)publishes it.
#include "adapters/slack/inbound/inbound.hpp"

namespace advocacy::slack::inbound {

server::HttpResponse app_home_opened(Services& s, const Request& r) {
    const auto& event = *object_at(r.body, "event");
    const std::string user = text_at(event, "user");
    if (user.empty()) return malformed("app_home_opened needs user");
    const std::string channel = text_at(event, "channel");
    const std::string team = text_at(r.body, "team_id");

    const UserIdentity who = identify(s, team, user);
    // The event's channel is the user's DM with the bot; without it, the user id (the Outbox opens the DM) and no
    // conversation for the engine (a user id is not a channel).
    const bool direct = is_dm_channel(channel);
    const Conversation where = direct ? slack_conversation(team, channel, true) : slack_conversation(team, {}, false);
    const bool home = text_at(event, "tab") == "home";
    if (!s.options.first_contact || s.options.first_contact(who)) {
        deliver_to_dm(s, s.engine.handle(Event{who, where, UserJoined{}}), team, user, direct ? channel : user);
    }
    if (home) publish_home(s, who, where);
    return ack();
}

}  // namespace advocacy::slack::inbound
