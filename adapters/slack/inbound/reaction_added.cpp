// reaction_added: the configured emoji (default white_check_mark) on one of our messages counts as "I shared it".
// The engine finds the delivery by "<channel>:<ts>" and checks it was sent to this user.
#include <boost/json.hpp>

#include "adapters/slack/inbound/inbound.hpp"

namespace advocacy::slack::inbound {

namespace {
// "white_check_mark::skin-tone-3" is still the same emoji.
std::string_view base_emoji(std::string_view name) { return name.substr(0, name.find("::")); }
}  // namespace

server::HttpResponse reaction_added(Services& s, const Request& r) {
    const auto& event = *object_at(r.body, "event");
    const std::string user = text_at(event, "user");
    const std::string reaction = text_at(event, "reaction");
    const auto* item = object_at(event, "item");
    if (user.empty() || reaction.empty() || !item) return malformed("reaction_added needs user, reaction and item");
    if (base_emoji(reaction) != s.config.slack.share_reaction || text_at(*item, "type") != "message") return ack();
    const std::string channel = text_at(*item, "channel");
    const std::string ts = text_at(*item, "ts");
    if (channel.empty() || ts.empty()) return malformed("reaction item needs channel and ts");

    const std::string team = text_at(r.body, "team_id");
    const MessageRef ref{channel, ts};
    const bool direct = is_dm_channel(channel);
    Event e{identify(s, team, user), slack_conversation(team, channel, direct), SharedByReaction{ref.str()}};
    handle_and_deliver(s, e, ReplyOrigin{channel, user, direct, ref, false, {}});
    return ack();
}

}  // namespace advocacy::slack::inbound
