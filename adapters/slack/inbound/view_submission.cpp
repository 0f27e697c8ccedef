// view_submission: a modal was submitted. The `content add` modal is checked field by field; errors come back
// inline ({"response_action":"errors"}), a valid form becomes the `content add ...` command and the engine's
// answer goes to the user's DM. Other views are acked with an empty 200, which closes them.
#include <boost/json.hpp>

#include "adapters/slack/content_modal.hpp"
#include "adapters/slack/inbound/inbound.hpp"

namespace advocacy::slack::inbound {

namespace json = boost::json;

server::HttpResponse view_submission(Services& s, const Request& r) {
    const auto* user = object_at(r.body, "user");
    const auto* view = object_at(r.body, "view");
    const std::string user_id = user ? text_at(*user, "id") : std::string{};
    std::string team = object_at(r.body, "team") ? text_at(*object_at(r.body, "team"), "id") : std::string{};
    if (team.empty() && user) team = text_at(*user, "team_id");
    if (user_id.empty() || team.empty() || !view) return malformed("view_submission needs user.id, team.id and view");
    if (text_at(*view, "callback_id") != kContentAddCallback) return ack();

    const UserIdentity who = identify(s, team, user_id, text_at(*user, "name"));
    const auto submission = read_content_add(*view, language_of(s, who));
    if (!submission.errors.empty()) {
        json::object errors;
        for (const auto& [block, message] : submission.errors) errors[block] = message;
        return server::HttpResponse::json(
            200, json::serialize(json::object{{"response_action", "errors"}, {"errors", std::move(errors)}}));
    }
    std::string channel = text_at(*view, "private_metadata");
    if (channel.empty()) channel = user_id;
    const Event e{who, slack_conversation(team, channel, false), CommandInvoked{submission.command_text}};
    const Reply reply = s.engine.handle(e);
    // The modal closes; the answer (added, or what the engine refused) goes to the admin's DM.
    deliver_to_dm(s, reply, team, user_id, user_id);
    return ack();
}

}  // namespace advocacy::slack::inbound
