#pragma once
// The Slack adapter. HTTP mode: one endpoint, POST /slack/events, for the Events API, interactivity and the slash
// command. Every request's signature is checked over the raw body before anything is parsed (401 otherwise); then
// the request is classified and dispatched through one routing table (inbound/routes.cpp) to one handler per kind.
// Socket Mode (socket_mode/) hands each envelope's payload to the same table through handle_envelope().
// Answers come within Slack's 3 s: the engine's work is quick (SQLite), Web API follow-ups are queued.
#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "adapters/slack/event_dedupe.hpp"
#include "adapters/slack/outbox.hpp"
#include "adapters/slack/reply_delivery.hpp"
#include "adapters/slack/signature.hpp"
#include "adapters/slack/user_directory.hpp"
#include "adapters/slack/web_api.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/server/router.hpp"
#include "config/config.hpp"

namespace advocacy::slack {

inline constexpr std::string_view kEventsPath = "/slack/events";

struct AdapterOptions {
    std::size_t body_limit = 512 * 1024;  // interactivity payloads carry the clicked message; 413 above this
    // app_home_opened is first contact only for users this returns true for (e.g. not yet in the database); empty:
    // every app_home_opened is forwarded as UserJoined.
    std::function<bool(const UserIdentity&)> first_contact;
    // Ask users.info (cached, refreshed daily) for each user's name, locale and time zone.
    bool lookup_users = true;
};

class SlackAdapter {
public:
    SlackAdapter(const config::Config& config, Engine& engine, const Clock& clock, WebApi& api, SlackOutbox& outbox,
                 AdapterOptions options = {});
    ~SlackAdapter();
    SlackAdapter(const SlackAdapter&) = delete;
    SlackAdapter& operator=(const SlackAdapter&) = delete;

    // POST /slack/events (runs on the server's worker pool). 401 when no signing secret is configured.
    server::HttpResponse handle(const server::HttpRequest& request);

    // A Socket Mode envelope's payload (type "events_api", "interactive" or "slash_commands"), on a worker thread.
    // The answer is what the HTTP reply would have been; exceptions propagate (the envelope is not acked).
    server::HttpResponse handle_envelope(std::string_view type, boost::json::object payload, int retry_attempt,
                                         std::string_view retry_reason);

    // Waits for queued follow-ups (replies after an ack); false on timeout.
    bool drain(std::chrono::milliseconds timeout) { return delivery_.drain(timeout); }

    const AdapterOptions& options() const { return options_; }

private:
    template <class F>
    server::HttpResponse with_services(F&& f);

    const config::Config& config_;
    Engine& engine_;
    std::optional<SignatureVerifier> verifier_;  // HTTP mode only
    EventDedupe dedupe_;
    WebApi& api_;
    SlackOutbox& outbox_;
    ReplyDelivery delivery_;
    AdapterOptions options_;
    std::unique_ptr<UserDirectory> users_;
};

void add_slack_routes(server::Router& router, const std::shared_ptr<SlackAdapter>& adapter);

}  // namespace advocacy::slack
