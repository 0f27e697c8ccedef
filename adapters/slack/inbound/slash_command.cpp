// The slash command (name from [slack] slash_command): `/advocacy <text>` -> CommandInvoked. Answered directly in
// the 200 body as an ephemeral message (Slack's 3 s limit; user errors are ephemeral replies too, never 500s).
// Several reply messages are joined into one; notifications to other people are queued.
#include <boost/json.hpp>

#include "adapters/slack/block_kit.hpp"
#include "adapters/slack/content_modal.hpp"
#include "adapters/slack/inbound/inbound.hpp"
#include "adapters/slack/text_limits.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack::inbound {

namespace json = boost::json;

namespace {

// One ephemeral message from all of the reply's messages, in order, separated by dividers.
Message joined(const std::vector<Message>& messages) {
    Message out;
    out.ephemeral = true;
    if (messages.size() == 1) {
        out.blocks = messages.front().blocks;
        out.fallback_text = messages.front().fallback_text;
        return out;
    }
    const Block divider{DividerBlock{}};
    for (const auto& m : messages) {
        if (!out.blocks.empty() && !m.blocks.empty()) out.blocks.emplace_back(divider);
        for (const auto& b : m.blocks) out.blocks.emplace_back(b);
        if (!m.fallback_text.empty()) {
            if (!out.fallback_text.empty()) out.fallback_text += "\n";
            out.fallback_text += m.fallback_text;
        }
    }
    return out;
}

// `content add` alone: the form, in a modal. trigger_id expires 3 s after the command, so views.open is queued now;
// if it fails, the user is told (through response_url) to use the one-line form.
server::HttpResponse open_content_modal(Services& s, const Request& r, const UserIdentity& who) {
    const std::string lang = language_of(s, who);
    const json::object view = content_add_modal(lang, std::string(field(r.form, "channel_id")));
    const std::string response_url = trusted_response_url(field(r.form, "response_url"), s.api_base_url);
    WebApi* api = s.api;
    api->call_async("views.open", json::object{{"trigger_id", field(r.form, "trigger_id")}, {"view", view}},
                    [api, response_url, lang](ApiResult result) {
                        if (result.ok) return;
                        log::warn("slack", "views.open failed", {{"error", result.error}});
                        if (response_url.empty()) return;
                        const std::string hint =
                            lang == "fr" ? "Le formulaire n'a pas pu s'ouvrir. Utilisez : content add CAMPAIGN_ID URL "
                                           "title=\"...\" why=\"...\" text=\"...\""
                                         : "The form could not open. Use: content add CAMPAIGN_ID URL title=\"...\" "
                                           "why=\"...\" text=\"...\"";
                        api->post_response_url(response_url,
                                               json::object{{"response_type", "ephemeral"}, {"text", hint}}, {});
                    });
    return ack();
}

}  // namespace

server::HttpResponse slash_command(Services& s, const Request& r) {
    const auto command = field(r.form, "command");
    const auto user = field(r.form, "user_id");
    const auto team = field(r.form, "team_id");
    const auto channel = field(r.form, "channel_id");
    if (command.empty() || user.empty() || team.empty() || channel.empty()) {
        return malformed("slash command needs command, user_id, team_id and channel_id");
    }
    if (command != s.config.slack.slash_command) {
        log::warn("slack", "unexpected slash command", {{"command", command}});
        return server::HttpResponse::json(
            200, json::serialize(json::object{{"response_type", "ephemeral"},
                                              {"text", "This app answers " + s.config.slack.slash_command + "."}}));
    }

    const UserIdentity who = identify(s, std::string(team), std::string(user), std::string(field(r.form, "user_name")));
    const std::string text = clean_utf8(field(r.form, "text"));
    if (wants_content_modal(text) && !field(r.form, "trigger_id").empty()) return open_content_modal(s, r, who);

    // A slash command may be typed in any conversation, including a DM between two people: it is never taken
    // as the bot's DM with the user (pushes open that one with conversations.open).
    // `text` is Slack-escaped (links, mentions, &amp; &lt; &gt;): the command language reads it as Markup::slack.
    Event e{who, slack_conversation(std::string(team), std::string(channel), false),
            CommandInvoked{text, commands::Markup::slack}};
    Reply reply;
    try {
        reply = s.engine.handle(e);
    } catch (const std::exception& ex) {
        // The task boundary of a command: Slack would show the user a bare "dispatch_failed"; say it plainly.
        log::error("slack", "command failed", {{"error", ex.what()}});
        const bool fr = language_of(s, who) == "fr";
        return server::HttpResponse::json(
            200, json::serialize(json::object{
                     {"response_type", "ephemeral"},
                     {"text", fr ? "Désolé, un problème est survenu de notre côté. Réessayez dans un instant."
                                 : "Sorry, something went wrong on our side. Please try again in a moment."}}));
    }
    if (!reply.notifications.empty()) {
        Reply others;
        others.notifications = std::move(reply.notifications);
        s.delivery.deliver(std::move(others),
                           ReplyOrigin{std::string(channel), std::string(user), false, std::nullopt, false, {}});
    }
    if (reply.messages.empty()) return ack();
    json::object body = render_message(joined(reply.messages));
    body["response_type"] = "ephemeral";
    return server::HttpResponse::json(200, json::serialize(body));
}

}  // namespace advocacy::slack::inbound
