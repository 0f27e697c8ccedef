#pragma once
// Slack Socket Mode: `connections` WebSockets kept open to Slack, each on a fresh URL from apps.connections.open.
// Per connection slot, one thread runs the life cycle:
//   open a URL (on failure: capped exponential backoff with full jitter, forever, one log line per step)
//   -> connect -> wait for `hello` -> serve envelopes (EnvelopeHandler) until the link ends:
//      - dropped, or found dead by the keep-alive (no pong, no traffic): replaced at once with a fresh URL;
//      - `disconnect` warning / refresh_requested: a replacement is opened first, and the old link is closed only
//        once the new one said hello and the old one's envelopes are acked (bounded), so nothing is lost between;
//      - `disconnect` link_disabled: every slot stops, and status() says so (Socket Mode is off for the app).
// Beast-free: the WebSockets are net::WebSocketClient's.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/slack/socket_mode/envelope_handler.hpp"
#include "adapters/slack/socket_mode/url_opener.hpp"
#include "bot/net/websocket_client.hpp"

namespace advocacy::slack::socket_mode {

struct SocketModeOptions {
    int connections = 1;  // 1..10 (Slack's limit per app)
    net::WebSocketOptions socket;                       // connect timeout, ping interval, pong and idle timeouts
    std::chrono::milliseconds hello_timeout{10'000};    // after the upgrade, Slack says hello first
    std::chrono::milliseconds backoff_base{1'000};      // first retry after a failure: up to this (jittered)
    std::chrono::milliseconds backoff_max{60'000};      // the cap of the doubling
    std::chrono::milliseconds handover_grace{3'000};    // an old link waits this long for its pending acks
    std::size_t workers = 4;                            // threads running the handlers
};

struct SocketModeStatus {
    int connected = 0;  // links that said hello and are open
    int wanted = 0;
    bool link_disabled = false;
    std::string last_error;  // the latest failure to open or keep a link (empty once connected)
    bool ready() const { return connected > 0 && !link_disabled; }
    std::string describe() const;  // one line for logs and the start-up banner
};

class SocketModeClient {
public:
    SocketModeClient(net::HttpClient& http, std::string api_base_url, std::string app_token, PayloadHandler handler,
                     SocketModeOptions options = {});
    ~SocketModeClient();  // stop()
    SocketModeClient(const SocketModeClient&) = delete;
    SocketModeClient& operator=(const SocketModeClient&) = delete;

    void start();
    // Stops taking envelopes, lets those in hand finish and be acked (bounded by `drain`), closes every link.
    void stop(std::chrono::milliseconds drain = std::chrono::seconds(5));

    SocketModeStatus status() const;
    // Waits until `pred(status())` holds; false on timeout. For tests and start-up.
    bool wait_for(const std::function<bool(const SocketModeStatus&)>& pred, std::chrono::milliseconds timeout) const;
    // Waits until every envelope received so far has been handled; false on timeout.
    bool drain(std::chrono::milliseconds timeout) { return envelopes_.drain(timeout); }

private:
    struct Link;
    struct Sync;

    void run_slot(int slot);
    bool fetch_url(int slot, int& failures, std::string& url);
    std::shared_ptr<Link> connect(int slot, const std::string& url);
    void on_text(const std::shared_ptr<Link>& link, std::string text);
    void retire(const std::shared_ptr<Link>& old);
    bool back_off(int slot, int& failures, std::string_view what, const std::string& error);
    SocketModeStatus status_locked() const;
    bool halted() const { return stopping_ || link_disabled_; }  // under sync_->mutex

    SocketModeOptions options_;
    std::shared_ptr<Sync> sync_;  // shared with HTTP callbacks that may outlive a stop()
    UrlOpener opener_;
    EnvelopeHandler envelopes_;
    std::vector<std::shared_ptr<Link>> links_;  // every link not yet closed (guarded by sync_->mutex)
    bool stopping_ = false;
    bool stopped_ = false;
    bool link_disabled_ = false;
    int serial_ = 0;  // links opened so far, for logs
    std::string last_error_;
    std::vector<std::thread> slots_;
    std::unique_ptr<net::WebSocketClient> sockets_;  // last: destroyed first, so no callback outlives the rest
};

}  // namespace advocacy::slack::socket_mode
