#pragma once
// The Bot Connector REST API v3 under an activity's serviceUrl, over net::HttpClient (TLS verified; 429 Retry-After
// and 5xx backoff are the client's). Here: the bot's Bearer token on every call (a 401 drops the cached token and
// retries once), 412 retried with capped backoff and jitter (the client does not retry it), Teams' rate limits per
// conversation and per tenant (RateLimiter) before each send, and the X-Correlating-OperationId logged on failures.
// Blocking: worker, follow-up and scheduler threads only. Tokens never reach a log line or an error.
#include <boost/json/object.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "adapters/teams/auth/bot_token.hpp"
#include "adapters/teams/rate_limiter.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::teams {

// Where the bot's token comes from (BotTokenProvider in production).
struct TokenSource {
    std::function<BotTokenResult()> token;
    std::function<void()> invalidate;  // after a 401
};

struct ConnectorResult {
    bool ok = false;
    int status = 0;           // last HTTP status (0: no response)
    std::string id;           // the activity or conversation id Teams returned
    std::string error;        // "http_403 ConversationBlockedByUser", a transport error, "no_token: ..."
    // Retrying will not help: the bot is not (or no longer) allowed there, the conversation is gone, too big...
    bool permanent = false;
    // The user or channel no longer accepts the bot (403): stop sending there.
    bool gone = false;
};

struct ConnectorOptions {
    int precondition_attempts = 3;  // 412s retried at most this many times in all
    std::chrono::milliseconds precondition_base_delay{200};
    std::chrono::milliseconds precondition_max_delay{2000};
};

class ConnectorClient {
public:
    ConnectorClient(net::HttpClient& client, TokenSource tokens, RateLimiter& limiter, ConnectorOptions options = {});

    // POST /v3/conversations: opens (or returns) the 1:1 chat of `user_id` with the bot; `id` is its conversation id.
    ConnectorResult create_conversation(const std::string& service_url, const std::string& bot_id,
                                        const std::string& user_id, const std::string& tenant_id);
    // POST /v3/conversations/{id}/activities; `id` is the new activity's id.
    ConnectorResult send(const std::string& service_url, const std::string& conversation_id,
                         const std::string& tenant_id, const boost::json::object& activity);
    // PUT /v3/conversations/{id}/activities/{activityId}: replaces a message (a card after "I shared it").
    ConnectorResult update(const std::string& service_url, const std::string& conversation_id,
                           const std::string& activity_id, const std::string& tenant_id,
                           const boost::json::object& activity);

private:
    ConnectorResult call(const std::string& method, const std::string& url, const boost::json::object& body,
                         const std::string& tenant_id);

    net::HttpClient& client_;
    TokenSource tokens_;
    RateLimiter& limiter_;
    ConnectorOptions options_;
};

// "{serviceUrl}/v3/conversations[/{id}/activities[/{activityId}]]", ids percent-encoded as one path segment each.
std::string connector_url(std::string_view service_url, std::string_view conversation_id = {},
                          std::string_view activity_id = {});

// Reads a connector reply: 2xx -> ok with the reply's `id`; 403/404/413/400 permanent; 403 also `gone`.
ConnectorResult interpret_connector(const net::ClientResult& result);

}  // namespace advocacy::teams
