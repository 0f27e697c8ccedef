#pragma once
// apps.connections.open with the app-level token (xapp-...): a fresh wss:// URL for every connection (a URL is
// single-use; reconnecting with an old one is a known failure of other clients). The token is never logged.
#include <functional>
#include <string>

#include "adapters/slack/web_api.hpp"

namespace advocacy::slack::socket_mode {

struct OpenedUrl {
    bool ok = false;
    std::string url;    // when ok
    std::string error;  // Slack's code, "http_<status>", a transport error, or "no usable url"
    bool permanent = false;  // retrying will not help until the token or the app is fixed (still retried)
};

class UrlOpener {
public:
    UrlOpener(net::HttpClient& client, std::string api_base_url, std::string app_token)
        : api_(client, std::move(api_base_url), std::move(app_token)) {}

    // `done` runs once, on the HTTP client's thread.
    void open(std::function<void(OpenedUrl)> done);

private:
    WebApi api_;
};

}  // namespace advocacy::slack::socket_mode
