#pragma once
// Slack's Web API over net::HttpClient: `POST <api_base_url>/<method>` with `Authorization: Bearer <bot token>`
// and a JSON body (users.info: form-encoded, as Slack requires). One rate-limit queue per method
// ("slack:<method>"), so a 429 on chat.postMessage pauses only chat.postMessage. HTTP 200 with `ok:false` is an
// error carrying Slack's code. The token never appears in a log line or an error.
#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/net/http_client.hpp"

namespace advocacy::slack {

struct ApiResult {
    bool ok = false;
    std::string error;          // Slack's code ("channel_not_found"), or "http_<status>", or a transport error
    boost::json::object reply;  // the parsed reply when there was one
    // An error that retrying will not fix (the user is gone, the bot is not in the channel, the token is bad...).
    bool permanent() const;
};

bool is_permanent_error(std::string_view code);

class WebApi {
public:
    WebApi(net::HttpClient& client, std::string base_url, std::string bot_token);

    // Blocking: for worker and scheduler threads (never from an HttpClient callback).
    ApiResult call(std::string_view method, const boost::json::object& args);
    ApiResult call_form(std::string_view method, const std::vector<std::pair<std::string, std::string>>& fields);
    void call_form_async(std::string_view method, const std::vector<std::pair<std::string, std::string>>& fields,
                         std::function<void(ApiResult)> done);
    // A cursor-paged read method (conversations.members, users.list), form-encoded, every page until
    // response_metadata.next_cursor is empty: the items of `list_key` from all pages, in order. Stops at the first
    // error (returned) and after `max_pages` (a runaway cursor).
    struct Paged {
        ApiResult last;                     // the last page's result (ok, or the error)
        std::vector<boost::json::value> items;
    };
    Paged call_paged(std::string_view method, std::vector<std::pair<std::string, std::string>> fields,
                     std::string_view list_key, int limit = 200, int max_pages = 1000);

    // Queued: `done` runs on the client's thread with the outcome (it may be empty).
    void call_async(std::string_view method, const boost::json::object& args, std::function<void(ApiResult)> done);
    // A response_url post (interactivity follow-up): no token, same JSON reply shape ({"ok":...} or "ok").
    void post_response_url(const std::string& url, const boost::json::object& body, std::function<void(ApiResult)> done);

    const std::string& base_url() const { return base_url_; }

private:
    net::ClientRequest json_request(std::string_view method, const boost::json::object& args) const;
    net::ClientRequest form_request(std::string_view method,
                                    const std::vector<std::pair<std::string, std::string>>& fields) const;

    net::HttpClient& client_;
    std::string base_url_;  // without trailing slash
    std::string bearer_;
};

// Options of the HttpClient behind a WebApi: `max_in_flight_per_method` calls of each method on the wire at once
// ([slack] max_in_flight_per_method), and connections to the API host for two methods at that limit (the daily
// fan-out: conversations.open and chat.postMessage) plus the others (chat.update follow-ups, users.info...).
net::ClientOptions client_options(std::size_t max_in_flight_per_method);

// Reads an HttpClient result as Slack's {"ok":...} reply.
ApiResult interpret(const net::ClientResult& result);

}  // namespace advocacy::slack
