#pragma once
// Socket Mode's wire format: what Slack sends on the socket (hello, disconnect, envelopes) and the ack we send back.
// Pure functions over text, so the protocol is tested without a network.
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "bot/server/http_message.hpp"

namespace advocacy::slack::socket_mode {

struct Hello {
    int num_connections = 0;
};

struct Disconnect {
    std::string reason;  // "warning", "refresh_requested", "link_disabled", ...
};

// {"envelope_id","type":"events_api"|"interactive"|"slash_commands","payload",...}
struct Envelope {
    std::string envelope_id;
    std::string type;
    boost::json::object payload;
    bool accepts_response_payload = false;
    int retry_attempt = 0;
    std::string retry_reason;
};

struct OtherFrame {
    std::string type;  // a frame we have no use for
};

using Frame = std::variant<Hello, Disconnect, Envelope, OtherFrame>;

struct ParsedFrame {
    std::optional<Frame> frame;
    std::string error;  // set when the text is not a frame we can read
};

ParsedFrame parse_frame(std::string_view text);

// {"envelope_id":"..."} or {"envelope_id":"...","payload":{...}}.
std::string ack_text(const std::string& envelope_id, const boost::json::object* payload = nullptr);

// What goes in the ack's payload for this envelope, from the handler's HTTP-style answer: the JSON object body of a
// 200 when Slack accepts a response payload (slash command replies, view_submission response_action); else none.
std::optional<boost::json::object> response_payload(const Envelope& envelope, const server::HttpResponse& answer);

}  // namespace advocacy::slack::socket_mode
