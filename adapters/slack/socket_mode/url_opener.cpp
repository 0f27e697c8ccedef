#include "adapters/slack/socket_mode/url_opener.hpp"

#include <boost/json.hpp>

namespace advocacy::slack::socket_mode {

void UrlOpener::open(std::function<void(OpenedUrl)> done) {
    api_.call_async("apps.connections.open", {}, [done = std::move(done)](ApiResult r) {
        OpenedUrl out;
        if (!r.ok) {
            out.error = r.error.empty() ? "unknown error" : r.error;
            out.permanent = r.permanent();
            return done(std::move(out));
        }
        const auto* url = r.reply.if_contains("url");
        const std::string text = url && url->is_string() ? std::string(url->as_string()) : std::string{};
        // Only WebSocket URLs: anything else in the reply is not Slack's answer.
        if (!text.starts_with("wss://") && !text.starts_with("ws://")) {
            out.error = "no usable url in the reply";
            return done(std::move(out));
        }
        out.ok = true;
        out.url = text;
        done(std::move(out));
    });
}

}  // namespace advocacy::slack::socket_mode
