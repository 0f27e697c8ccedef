#pragma once
// Private to the Slack adapter: one verified request, parsed once, and the handlers of each inbound kind (one file
// each). The routing table that picks the handler is in routes.cpp.
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "adapters/slack/adapter.hpp"
#include "adapters/slack/event_dedupe.hpp"
#include "adapters/slack/form.hpp"
#include "adapters/slack/reply_delivery.hpp"
#include "adapters/slack/user_directory.hpp"
#include "bot/engine.hpp"
#include "bot/server/http_message.hpp"

namespace advocacy::slack::inbound {

// What handlers see, whatever the transport (HTTP request or Socket Mode envelope).
struct Request {
    FormFields form;           // slash command fields (form post, or a slash_commands envelope), ssl_check
    boost::json::object body;  // the Events API body, or the interactivity `payload`
    int retry_num = 0;         // X-Slack-Retry-Num, or the envelope's retry_attempt (0: first delivery)
};

// What handlers may use.
struct Services {
    const config::Config& config;
    Engine& engine;
    EventDedupe& dedupe;
    ReplyDelivery& delivery;
    SlackOutbox& outbox;
    const AdapterOptions& options;
    std::string api_base_url;
    UserDirectory* users = nullptr;  // users.info lookups, when enabled
    WebApi* api = nullptr;
};

using Handler = server::HttpResponse (*)(Services&, const Request&);

// One per inbound kind.
server::HttpResponse url_verification(Services&, const Request&);
server::HttpResponse message_event(Services&, const Request&);
server::HttpResponse reaction_added(Services&, const Request&);
server::HttpResponse app_home_opened(Services&, const Request&);
server::HttpResponse block_actions(Services&, const Request&);
server::HttpResponse view_submission(Services&, const Request&);
server::HttpResponse slash_command(Services&, const Request&);
server::HttpResponse ssl_check(Services&, const Request&);

// Classifies, parses and dispatches a request whose signature has been verified.
server::HttpResponse dispatch(Services& services, const server::HttpRequest& http);
// The same for a Socket Mode envelope ("events_api", "interactive", "slash_commands"); the answer is what the
// HTTP reply would have been (its JSON body becomes the envelope's response payload).
server::HttpResponse dispatch_envelope(Services& services, std::string_view type, boost::json::object payload,
                                       int retry_attempt, std::string_view retry_reason);

// ---- shared by the handlers (common.cpp) ----

// 200 with an empty body: Slack's ack.
server::HttpResponse ack();
// 400, and Slack is told not to retry this one.
server::HttpResponse malformed(std::string_view why);

// The string at `key`, or nullptr when absent or not a string.
const boost::json::string* string_at(const boost::json::object& o, std::string_view key);
const boost::json::object* object_at(const boost::json::object& o, std::string_view key);
std::string text_at(const boost::json::object& o, std::string_view key);  // empty when absent

UserIdentity slack_user(std::string team_id, std::string user_id, std::string display_name = {});
// slack_user, completed with the user's name, locale and time zone from users.info (cached) when enabled.
UserIdentity identify(Services& s, std::string team_id, std::string user_id, std::string display_name = {});
Conversation slack_conversation(std::string team_id, std::string channel, bool direct);
// The bot's DM with a user is a D... channel; public and private channels are C.../G....
bool is_dm_channel(std::string_view channel);

// A response_url we will post to: https on Slack's hooks hosts, or the configured API base's own origin (fakes,
// GovSlack). Empty when not trusted.
std::string trusted_response_url(std::string_view url, std::string_view api_base_url);

// The language for texts the adapter writes itself (modal labels): the user's Slack locale, else the program's.
std::string language_of(const Services& s, const UserIdentity& who);

// Publishes the user's Home tab (views.publish, queued) from the engine's answer to `me`.
void publish_home(Services& s, const UserIdentity& who, const Conversation& where);

// Queues everything in `reply` for the user's DM (`dm` is the DM channel, or the user id: the Outbox opens it). For
// events that have no conversation to answer in (Home tab, modal, app_home_opened).
void deliver_to_dm(Services& s, const Reply& reply, const std::string& team, const std::string& user,
                   const std::string& dm);

// Calls the engine and queues the reply; exceptions propagate (the caller answers 500).
void handle_and_deliver(Services& s, const Event& event, ReplyOrigin origin);

}  // namespace advocacy::slack::inbound
