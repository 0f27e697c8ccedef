#include "adapters/teams/connector_client.hpp"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <random>
#include <thread>

#include "bot/log/log.hpp"
#include "bot/net/retry_schedule.hpp"

namespace advocacy::teams {

namespace json = boost::json;

std::string connector_url(std::string_view service_url, std::string_view conversation_id, std::string_view activity_id) {
    std::string url(service_url);
    while (!url.empty() && url.back() == '/') url.pop_back();
    url += "/v3/conversations";
    if (!conversation_id.empty()) {
        url += "/" + boost::urls::encode(conversation_id, boost::urls::unreserved_chars) + "/activities";
        if (!activity_id.empty()) url += "/" + boost::urls::encode(activity_id, boost::urls::unreserved_chars);
    }
    return url;
}

ConnectorResult interpret_connector(const net::ClientResult& result) {
    ConnectorResult r;
    if (!result.response) {
        r.error = result.error.empty() ? "no response" : result.error;
        return r;
    }
    const auto& response = *result.response;
    r.status = response.status;
    boost::system::error_code ec;
    const json::value parsed = json::parse(response.body, ec);
    const json::object* body = !ec ? parsed.if_object() : nullptr;
    if (response.status >= 200 && response.status <= 299) {
        r.ok = true;
        if (body) {
            if (const auto* id = body->if_contains("id"); id && id->is_string()) r.id = std::string(id->as_string());
        }
        return r;
    }
    r.error = "http_" + std::to_string(response.status);
    // {"error":{"code":"ConversationBlockedByUser","message":"..."}}: the code names the reason.
    if (body) {
        if (const auto* e = body->if_contains("error"); e && e->is_object()) {
            if (const auto* code = e->as_object().if_contains("code"); code && code->is_string())
                r.error += " " + std::string(code->as_string());
        }
    }
    r.gone = response.status == 403;
    r.permanent = response.status == 400 || response.status == 403 || response.status == 404 || response.status == 413;
    return r;
}

ConnectorClient::ConnectorClient(net::HttpClient& client, TokenSource tokens, RateLimiter& limiter,
                                 ConnectorOptions options)
    : client_(client), tokens_(std::move(tokens)), limiter_(limiter), options_(options) {}

ConnectorResult ConnectorClient::call(const std::string& method, const std::string& url, const json::object& body,
                                      const std::string& tenant_id) {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    const net::RetryPolicy backoff{options_.precondition_attempts, options_.precondition_base_delay,
                                   options_.precondition_max_delay};
    bool token_retried = false;
    int preconditions = 0;
    for (;;) {
        const BotTokenResult token = tokens_.token ? tokens_.token() : BotTokenResult{};
        if (!token.token) {
            ConnectorResult r;
            r.error = "no_token: " + token.error;
            r.permanent = token.permanent;
            return r;
        }
        net::ClientRequest req;
        req.method = method;
        req.url = url;
        req.headers = {{"Authorization", "Bearer " + *token.token}};
        req.content_type = "application/json; charset=utf-8";
        req.body = json::serialize(body);
        req.rate_limit_key = "teams:" + tenant_id;
        const net::ClientResult raw = client_.call(std::move(req));
        ConnectorResult r = interpret_connector(raw);
        if (r.ok) return r;
        const std::string operation = raw.response ? raw.response->header("X-Correlating-OperationId") : std::string{};
        log::warn("teams", "connector call failed",
                  {{"method", method}, {"error", r.error}, {"operation_id", operation}});
        if (r.status == 401 && !token_retried) {
            // The token may have been revoked or rotated: fetch a fresh one, once.
            token_retried = true;
            if (tokens_.invalidate) tokens_.invalidate();
            continue;
        }
        if (r.status == 412 && ++preconditions < options_.precondition_attempts) {
            std::this_thread::sleep_for(net::full_jitter(net::backoff_cap(backoff, preconditions), rng));
            continue;
        }
        return r;
    }
}

ConnectorResult ConnectorClient::create_conversation(const std::string& service_url, const std::string& bot_id,
                                                     const std::string& user_id, const std::string& tenant_id) {
    const json::object body{{"bot", {{"id", bot_id}}},
                            {"members", json::array{json::object{{"id", user_id}}}},
                            {"isGroup", false},
                            {"tenantId", tenant_id},
                            {"channelData", {{"tenant", {{"id", tenant_id}}}}}};
    limiter_.acquire("create:" + user_id, tenant_id);
    return call("POST", connector_url(service_url), body, tenant_id);
}

ConnectorResult ConnectorClient::send(const std::string& service_url, const std::string& conversation_id,
                                      const std::string& tenant_id, const json::object& activity) {
    limiter_.acquire(conversation_id, tenant_id);
    return call("POST", connector_url(service_url, conversation_id), activity, tenant_id);
}

ConnectorResult ConnectorClient::update(const std::string& service_url, const std::string& conversation_id,
                                        const std::string& activity_id, const std::string& tenant_id,
                                        const json::object& activity) {
    limiter_.acquire(conversation_id, tenant_id);
    json::object body = activity;
    body["id"] = activity_id;
    return call("PUT", connector_url(service_url, conversation_id, activity_id), body, tenant_id);
}

}  // namespace advocacy::teams
