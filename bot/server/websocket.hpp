#pragma once
// WebSocket endpoints as handlers see them: text messages in, thread-safe send out. No Beast types here.
#include <memory>
#include <string>

#include "bot/server/http_message.hpp"

namespace advocacy::server {

class WsConnection {
public:
    virtual ~WsConnection() = default;
    // Queues a text frame; safe from any thread. Frames go out in order, one write in flight at a time.
    virtual void send(std::string text) = 0;
    // Starts a clean close; safe from any thread.
    virtual void close() = 0;
};

// Called on the worker pool; messages of one connection are delivered one at a time, in order.
class WsHandler {
public:
    virtual ~WsHandler() = default;
    virtual void on_open(const std::shared_ptr<WsConnection>& connection, const HttpRequest& upgrade) = 0;
    virtual void on_message(const std::shared_ptr<WsConnection>& connection, const std::string& text) = 0;
    virtual void on_close(const std::shared_ptr<WsConnection>& connection) = 0;
};

}  // namespace advocacy::server
