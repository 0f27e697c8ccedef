// The one routing table of the Slack endpoint: what kind of request this is, and who handles it.
// Kinds: "url_verification", "event_callback/<event type>", "<interactivity type>" (block_actions,
// view_submission), "slash_command", "ssl_check". HTTP requests and Socket Mode envelopes meet in route(). Well-formed requests of a kind we do not handle are acked and
// ignored (Slack disables endpoints that keep failing); malformed ones get 400.
#include <boost/json.hpp>

#include <charconv>
#include <map>

#include "adapters/slack/inbound/inbound.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack::inbound {

namespace json = boost::json;

namespace {

const std::map<std::string, Handler, std::less<>>& routes() {
    static const std::map<std::string, Handler, std::less<>> table{
        {"url_verification", url_verification},
        {"event_callback/message", message_event},
        {"event_callback/reaction_added", reaction_added},
        {"event_callback/app_home_opened", app_home_opened},
        {"block_actions", block_actions},
        {"view_submission", view_submission},
        {"slash_command", slash_command},
        {"ssl_check", ssl_check},
    };
    return table;
}

bool has_media_type(std::string_view content_type, std::string_view media) {
    if (content_type.size() < media.size()) return false;
    for (std::size_t i = 0; i < media.size(); ++i) {
        char c = content_type[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != media[i]) return false;
    }
    return content_type.size() == media.size() || content_type[media.size()] == ';' || content_type[media.size()] == ' ';
}

std::optional<json::object> parse_object(std::string_view text, json::storage_ptr sp = {}) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec, std::move(sp));
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.as_object());
}

int retry_number(std::string_view header) {
    int n = 0;
    const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), n);
    return ec == std::errc{} && end == header.data() + header.size() && n > 0 ? n : 0;
}

struct Classified {
    std::string kind;
    std::string error;  // set: malformed
};

// Events API: the JSON body over HTTP, or an events_api envelope's payload.
Classified classify_event(const Request& r) {
    const auto* type = string_at(r.body, "type");
    if (!type) return {{}, "missing \"type\""};
    if (*type == "url_verification") return {"url_verification", {}};
    if (*type != "event_callback") return {std::string(*type), {}};
    const auto* event = object_at(r.body, "event");
    const auto* event_type = event ? string_at(*event, "type") : nullptr;
    const auto* event_id = string_at(r.body, "event_id");
    const auto* team = string_at(r.body, "team_id");
    if (!event_type || !event_id || event_id->empty() || !team || team->empty()) {
        return {{}, "event_callback needs event_id, team_id and event.type"};
    }
    return {"event_callback/" + std::string(*event_type), {}};
}

// Interactivity: the form's `payload` over HTTP, or an interactive envelope's payload.
Classified classify_interaction(const Request& r) {
    const auto* type = string_at(r.body, "type");
    if (!type || type->empty()) return {{}, "payload without \"type\""};
    return {std::string(*type), {}};
}

// Slash commands, interactivity and ssl_check (form body).
Classified classify_form(Request& r, std::string_view body) {
    // An interaction (every button click) is the one field `payload`: decoded without the full form parse.
    if (auto payload_text = sole_field(body, "payload")) {
        auto payload = parse_object(*payload_text, r.body.storage());
        r.form.emplace("payload", std::move(*payload_text));
        if (!payload) return {{}, "payload is not a JSON object"};
        r.body = std::move(*payload);
        return classify_interaction(r);
    }
    auto form = parse_form(body);
    if (!form) return {{}, "body is not a valid form"};
    r.form = std::move(*form);
    if (field(r.form, "ssl_check") == "1") return {"ssl_check", {}};
    if (r.form.contains("payload")) {
        auto payload = parse_object(field(r.form, "payload"), r.body.storage());
        if (!payload) return {{}, "payload is not a JSON object"};
        r.body = std::move(*payload);
        return classify_interaction(r);
    }
    if (r.form.contains("command")) return {"slash_command", {}};
    return {{}, "form is neither a command nor an interaction"};
}

// The one path every request and envelope takes once classified: the table, event dedupe, the handler.
server::HttpResponse route(Services& services, const Classified& c, const Request& request,
                           std::string_view retry_reason) {
    if (!c.error.empty()) {
        log::warn("slack", "malformed request", {{"error", c.error}});
        return malformed(c.error);
    }
    const auto& table = routes();
    const auto it = table.find(c.kind);
    if (it == table.end()) {
        log::debug("slack", "ignored", {{"kind", c.kind}});
        return ack();
    }

    // Events: Slack retries (X-Slack-Retry-Num) until acked; an event_id already seen is acked and not redone.
    std::string event_id;
    if (c.kind.starts_with("event_callback/")) {
        event_id = text_at(request.body, "event_id");
        if (!services.dedupe.first_time(event_id)) {
            log::info("slack", "duplicate event acked",
                      {{"retry", std::to_string(request.retry_num)}, {"reason", retry_reason}});
            return ack();
        }
    }
    try {
        return it->second(services, request);
    } catch (...) {
        if (!event_id.empty()) services.dedupe.forget(event_id);  // let Slack's retry try again
        throw;
    }
}

}  // namespace

server::HttpResponse dispatch(Services& services, const server::HttpRequest& http) {
    // The request's JSON lives in one arena for the request (a share's payload is a few hundred values: one
    // allocation instead of one each). Shared, so a value copied out of it keeps the arena alive.
    Request request{{}, json::object(json::make_shared_resource<json::monotonic_resource>(2 * http.body.size() + 1024)),
                    retry_number(http.header("X-Slack-Retry-Num"))};
    const std::string_view content_type = http.header("Content-Type");
    Classified c;
    if (has_media_type(content_type, "application/json")) {
        if (auto body = parse_object(http.body, request.body.storage())) {
            request.body = std::move(*body);
            c = classify_event(request);
        } else {
            c = {{}, "body is not a JSON object"};
        }
    } else if (has_media_type(content_type, "application/x-www-form-urlencoded")) {
        c = classify_form(request, http.body);
    } else {
        auto r = server::HttpResponse::text(415, "expected application/json or application/x-www-form-urlencoded\n");
        r.headers.emplace_back("X-Slack-No-Retry", "1");
        return r;
    }
    return route(services, c, request, http.header("X-Slack-Retry-Reason"));
}

server::HttpResponse dispatch_envelope(Services& services, std::string_view type, json::object payload,
                                       int retry_attempt, std::string_view retry_reason) {
    Request request{{}, {}, retry_attempt};
    Classified c;
    if (type == "events_api") {
        request.body = std::move(payload);
        c = classify_event(request);
    } else if (type == "interactive") {
        request.body = std::move(payload);
        c = classify_interaction(request);
    } else if (type == "slash_commands") {
        // The command's form fields, as JSON strings.
        for (const auto& [key, value] : payload)
            if (value.is_string()) request.form.emplace(std::string(key), std::string(value.as_string()));
        c = {"slash_command", {}};
    } else {
        log::debug("slack", "ignored envelope", {{"type", type}});
        return ack();
    }
    return route(services, c, request, retry_reason);
}

}  // namespace advocacy::slack::inbound
