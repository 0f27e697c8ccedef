#include "adapters/slack/web_api.hpp"

#include <boost/json.hpp>
#include <boost/url.hpp>

#include <algorithm>
#include <array>

namespace advocacy::slack {

namespace json = boost::json;

bool is_permanent_error(std::string_view code) {
    static constexpr std::array<std::string_view, 24> kPermanent{
        "channel_not_found", "user_not_found",   "account_inactive", "not_in_channel",   "is_archived",
        "cannot_dm_bot",     "user_disabled",    "users_not_found",  "invalid_auth",     "not_authed",
        "token_revoked",     "token_expired",    "missing_scope",    "no_permission",    "restricted_action",
        "msg_too_long",      "invalid_blocks",   "no_text",          "invalid_arguments", "message_not_found",
        "cant_update_message", "edit_window_closed", "team_access_not_granted", "ekm_access_denied"};
    for (auto c : kPermanent)
        if (c == code) return true;
    return false;
}

bool ApiResult::permanent() const { return !ok && is_permanent_error(error); }

ApiResult interpret(const net::ClientResult& result) {
    ApiResult r;
    if (!result.response) {
        r.error = result.error.empty() ? "no response" : result.error;
        return r;
    }
    const auto& response = *result.response;
    boost::system::error_code ec;
    const json::value parsed = json::parse(response.body, ec);
    if (!ec && parsed.is_object()) r.reply = parsed.as_object();
    if (response.status < 200 || response.status > 299) {
        r.error = "http_" + std::to_string(response.status);
        if (const auto* e = r.reply.if_contains("error"); e && e->is_string()) r.error = std::string(e->as_string());
        return r;
    }
    // response_url answers a bare "ok"; the Web API always answers JSON.
    if (ec || !parsed.is_object()) {
        r.ok = response.body == "ok";
        if (!r.ok) r.error = "invalid_reply";
        return r;
    }
    const auto* ok = r.reply.if_contains("ok");
    r.ok = ok && ok->is_bool() && ok->as_bool();
    if (!r.ok) {
        const auto* e = r.reply.if_contains("error");
        r.error = e && e->is_string() ? std::string(e->as_string()) : "unknown_error";
    }
    return r;
}

net::ClientOptions client_options(std::size_t max_in_flight_per_method) {
    net::ClientOptions options;
    options.max_in_flight_per_key = std::max<std::size_t>(1, max_in_flight_per_method);
    options.max_connections_per_host = 2 * options.max_in_flight_per_key + 16;
    return options;
}

WebApi::WebApi(net::HttpClient& client, std::string base_url, std::string bot_token)
    : client_(client), base_url_(std::move(base_url)), bearer_("Bearer " + std::move(bot_token)) {
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

net::ClientRequest WebApi::json_request(std::string_view method, const json::object& args) const {
    net::ClientRequest req;
    req.method = "POST";
    req.url = base_url_ + "/" + std::string(method);
    req.headers = {{"Authorization", bearer_}};
    req.content_type = "application/json; charset=utf-8";
    req.body = json::serialize(args);
    req.rate_limit_key = "slack:" + std::string(method);
    return req;
}

ApiResult WebApi::call(std::string_view method, const json::object& args) {
    return interpret(client_.call(json_request(method, args)));
}

net::ClientRequest WebApi::form_request(std::string_view method,
                                        const std::vector<std::pair<std::string, std::string>>& fields) const {
    boost::urls::url u("http://x/");
    for (const auto& [k, v] : fields) u.params().append({k, v});
    net::ClientRequest req;
    req.method = "POST";
    req.url = base_url_ + "/" + std::string(method);
    req.headers = {{"Authorization", bearer_}};
    req.content_type = "application/x-www-form-urlencoded";
    req.body = std::string(u.encoded_query());
    req.rate_limit_key = "slack:" + std::string(method);
    return req;
}

ApiResult WebApi::call_form(std::string_view method, const std::vector<std::pair<std::string, std::string>>& fields) {
    return interpret(client_.call(form_request(method, fields)));
}

void WebApi::call_form_async(std::string_view method, const std::vector<std::pair<std::string, std::string>>& fields,
                             std::function<void(ApiResult)> done) {
    client_.send(form_request(method, fields), [done = std::move(done)](net::ClientResult result) {
        if (done) done(interpret(result));
    });
}

WebApi::Paged WebApi::call_paged(std::string_view method, std::vector<std::pair<std::string, std::string>> fields,
                                 std::string_view list_key, int limit, int max_pages) {
    Paged out;
    fields.emplace_back("limit", std::to_string(limit));
    std::string cursor;
    for (int page = 0; page < max_pages; ++page) {
        auto page_fields = fields;
        if (!cursor.empty()) page_fields.emplace_back("cursor", cursor);
        out.last = call_form(method, page_fields);
        if (!out.last.ok) return out;
        if (const auto* list = out.last.reply.if_contains(list_key); list && list->is_array()) {
            for (const auto& item : list->as_array()) out.items.push_back(item);
        }
        cursor.clear();
        if (const auto* meta = out.last.reply.if_contains("response_metadata"); meta && meta->is_object()) {
            if (const auto* next = meta->as_object().if_contains("next_cursor"); next && next->is_string()) {
                cursor = std::string(next->as_string());
            }
        }
        if (cursor.empty()) return out;
    }
    out.last.ok = false;
    out.last.error = "too_many_pages";
    return out;
}

void WebApi::call_async(std::string_view method, const json::object& args, std::function<void(ApiResult)> done) {
    client_.send(json_request(method, args), [done = std::move(done)](net::ClientResult result) {
        if (done) done(interpret(result));
    });
}

void WebApi::post_response_url(const std::string& url, const json::object& body, std::function<void(ApiResult)> done) {
    net::ClientRequest req;
    req.method = "POST";
    req.url = url;
    req.content_type = "application/json; charset=utf-8";
    req.body = json::serialize(body);
    req.rate_limit_key = "slack:response_url";
    client_.send(std::move(req), [done = std::move(done)](net::ClientResult result) {
        if (done) done(interpret(result));
    });
}

}  // namespace advocacy::slack
