#pragma once
// Outgoing WebSocket connections (ws:// and wss://), e.g. Slack's Socket Mode. Beast stays in websocket_client.cpp.
//  - TLS with SNI, certificate and host-name verification against the system CA store (+ extra_ca_file), as
//    HttpClient does; ws:// is for loopback fakes in tests.
//  - One strand per connection, one write in flight with a queue, a deadline on connect + TLS + upgrade.
//  - Keep-alive: a ping every ping_interval, and the connection is given up when no pong comes within pong_timeout
//    or nothing at all (message, ping, pong) comes from the server for idle_timeout: a dead link ("zombie") is
//    reported as closed instead of hanging forever.
//  - Never logs URLs (Socket Mode URLs carry a ticket) nor message contents.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace advocacy::net {

struct WebSocketOptions {
    std::chrono::milliseconds connect_timeout{10'000};  // resolve + TCP + TLS handshake + WebSocket upgrade
    std::chrono::milliseconds ping_interval{10'000};    // zero: no pings
    std::chrono::milliseconds pong_timeout{5'000};      // a ping unanswered this long: the link is dead
    std::chrono::milliseconds idle_timeout{40'000};     // no frame at all from the server this long: dead
    std::chrono::milliseconds close_timeout{2'000};     // our close handshake; then the socket is cut
    std::size_t max_message_bytes = 4 * 1024 * 1024;
    std::optional<std::filesystem::path> extra_ca_file;  // trusted in addition to the system store (tests)
};

struct WebSocketClosed {
    std::string reason;   // why, in words ("server closed: 1000 bye", "no pong within 5000 ms", "cannot connect: ...")
    bool opened = false;  // false: the connection never opened (connect, TLS or upgrade failed)
    bool by_us = false;   // close() was called
};

// Callbacks run on the client's thread, one at a time per connection: they must not block.
struct WebSocketHandlers {
    std::function<void()> on_open;
    std::function<void(std::string text)> on_message;  // text frames only
    std::function<void(const WebSocketClosed&)> on_close;  // exactly once, last
};

// A handle on one connection; safe from any thread, and harmless after the connection ended.
class WebSocketConnection {
public:
    virtual ~WebSocketConnection() = default;
    // Queues a text frame; frames go out in order. Dropped when the connection is not open.
    virtual void send(std::string text) = 0;
    // Starts a clean close (close frame, bounded by close_timeout).
    virtual void close() = 0;
    virtual bool is_open() const = 0;
};

class WebSocketClient {
public:
    explicit WebSocketClient(WebSocketOptions options = {});
    ~WebSocketClient();  // cuts every connection still open (no callback runs after it returns)
    WebSocketClient(const WebSocketClient&) = delete;
    WebSocketClient& operator=(const WebSocketClient&) = delete;

    // Starts connecting; every outcome, including a bad URL, ends in handlers.on_close.
    std::shared_ptr<WebSocketConnection> connect(const std::string& url, WebSocketHandlers handlers);

    const WebSocketOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace advocacy::net
