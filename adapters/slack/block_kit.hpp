#pragma once
// Renders the engine's neutral Message as a Slack Block Kit payload: {"text": fallback, "blocks": [...]}, always
// within Slack's limits (see text_limits.hpp): long texts are cut with an ellipsis on code-point boundaries, long
// lists are split over several blocks, and what cannot be shown safely (a button whose value or URL is too long or
// not http(s)) is left out rather than sent broken. Action ids and values are passed through unchanged.
#include <boost/json/object.hpp>

#include "bot/model/message.hpp"

namespace advocacy::slack {

// The message body for chat.postMessage / chat.update / chat.postEphemeral / response_url: "text" and "blocks".
boost::json::object render_message(const Message& message);

// mrkdwn for one paragraph of spans, at most `budget` units (used by render_message; exposed for tests).
std::string render_spans(const std::vector<TextSpan>& spans, std::size_t budget);

}  // namespace advocacy::slack
