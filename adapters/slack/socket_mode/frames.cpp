#include "adapters/slack/socket_mode/frames.hpp"

#include <boost/json.hpp>

namespace advocacy::slack::socket_mode {

namespace json = boost::json;

namespace {

std::string string_of(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

int int_of(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v) return 0;
    if (v->is_int64()) return static_cast<int>(v->as_int64());
    if (v->is_uint64()) return static_cast<int>(v->as_uint64());
    return 0;
}

}  // namespace

ParsedFrame parse_frame(std::string_view text) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return {std::nullopt, "not a JSON object"};
    auto& o = v.as_object();
    const std::string type = string_of(o, "type");
    if (type == "hello") return {Hello{int_of(o, "num_connections")}, {}};
    if (type == "disconnect") return {Disconnect{string_of(o, "reason")}, {}};
    if (!o.contains("envelope_id")) return {OtherFrame{type}, {}};

    Envelope e;
    e.envelope_id = string_of(o, "envelope_id");
    e.type = type;
    if (e.envelope_id.empty()) return {std::nullopt, "envelope without an envelope_id"};
    auto* payload = o.if_contains("payload");
    if (!payload || !payload->is_object()) return {std::nullopt, "envelope without a payload object"};
    e.payload = std::move(payload->as_object());
    const auto* accepts = o.if_contains("accepts_response_payload");
    e.accepts_response_payload = accepts && accepts->is_bool() && accepts->as_bool();
    e.retry_attempt = int_of(o, "retry_attempt");
    e.retry_reason = string_of(o, "retry_reason");
    return {std::move(e), {}};
}

std::string ack_text(const std::string& envelope_id, const json::object* payload) {
    json::object ack{{"envelope_id", envelope_id}};
    if (payload) ack["payload"] = *payload;
    return json::serialize(ack);
}

std::optional<json::object> response_payload(const Envelope& envelope, const server::HttpResponse& answer) {
    if (!envelope.accepts_response_payload || answer.status != 200 || answer.body.empty()) return std::nullopt;
    boost::system::error_code ec;
    json::value v = json::parse(answer.body, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.as_object());
}

}  // namespace advocacy::slack::socket_mode
