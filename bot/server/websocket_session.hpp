#pragma once
// Private to session.cpp: a WebSocket connection after the HTTP upgrade. Reads are handed to the route's WsHandler
// on the worker pool one at a time; sends are queued with one write in flight; close goes through the same queue.
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <deque>
#include <string>

#include "bot/log/log.hpp"
#include "bot/server/session.hpp"
#include "bot/server/websocket.hpp"

namespace advocacy::server {

template <class Stream>
class WsSession final : public WsConnection,
                        public SessionBase,
                        public std::enable_shared_from_this<WsSession<Stream>> {
public:
    WsSession(Stream stream, SessionHost& host, std::shared_ptr<WsHandler> handler)
        : ws_(std::move(stream)), host_(host), handler_(std::move(handler)) {}

    asio::awaitable<void> run(HttpRequest upgrade) {
        namespace websocket = boost::beast::websocket;
        const auto self = this->shared_from_this();
        ws_.set_option(websocket::stream_base::timeout::suggested(boost::beast::role_type::server));
        ws_.read_message_max(host_.limits().websocket_message_bytes);

        boost::beast::http::request<boost::beast::http::string_body> req;
        req.method_string(upgrade.method);
        req.target(upgrade.target);
        for (const auto& [k, v] : upgrade.headers) req.insert(k, v);
        auto [accept_ec] = co_await ws_.async_accept(req, as_tuple(asio::use_awaitable));
        if (accept_ec) co_return;

        co_await on_worker([&] { handler_->on_open(self, upgrade); });
        boost::beast::flat_buffer buffer;
        for (;;) {
            auto [ec, n] = co_await ws_.async_read(buffer, as_tuple(asio::use_awaitable));
            if (ec) {
                if (ec == websocket::error::message_too_big) {
                    log::warn("ws", "message over the size limit, closing");
                }
                break;
            }
            std::string text = boost::beast::buffers_to_string(buffer.data());
            buffer.consume(buffer.size());
            if (!ws_.got_text()) continue;  // the protocol is JSON text frames only
            co_await on_worker([&] { handler_->on_message(self, text); });
        }
        open_ = false;
        co_await on_worker([&] { handler_->on_close(self); });
    }

    void send(std::string text) override {
        asio::post(ws_.get_executor(), [self = this->shared_from_this(), text = std::move(text)]() mutable {
            if (!self->open_) return;
            self->queue_.push_back(std::move(text));
            self->pump();
        });
    }

    void close() override {
        asio::post(ws_.get_executor(), [self = this->shared_from_this()] {
            self->close_requested_ = true;
            self->pump();
        });
    }

    void shutdown(bool force) override {
        if (!force) return close();
        asio::post(ws_.get_executor(), [self = this->shared_from_this()] {
            boost::system::error_code ignored;
            boost::beast::get_lowest_layer(self->ws_).close(ignored);
        });
    }

private:
    template <class F>
    asio::awaitable<void> on_worker(F f) {
        try {
            co_await asio::co_spawn(
                host_.workers(), [&f]() -> asio::awaitable<void> { f(); co_return; }, asio::use_awaitable);
        } catch (const std::exception& e) {
            log::error("ws", "handler failed", {{"error", e.what()}});
        }
    }

    // Starts the writer coroutine unless one is running (one write in flight per socket).
    void pump() {
        if (writing_) return;
        writing_ = true;
        asio::co_spawn(ws_.get_executor(), write_loop(), asio::detached);
    }

    asio::awaitable<void> write_loop() {
        const auto self = this->shared_from_this();
        while (!queue_.empty() && open_) {
            ws_.text(true);
            auto [ec, n] = co_await ws_.async_write(asio::buffer(queue_.front()), as_tuple(asio::use_awaitable));
            queue_.pop_front();
            if (ec) {
                queue_.clear();
                break;
            }
        }
        if (close_requested_ && open_ && !close_sent_) {
            close_sent_ = true;
            co_await ws_.async_close(boost::beast::websocket::close_code::normal, as_tuple(asio::use_awaitable));
        }
        writing_ = false;
    }

    boost::beast::websocket::stream<Stream> ws_;
    SessionHost& host_;
    std::shared_ptr<WsHandler> handler_;
    std::deque<std::string> queue_;
    bool writing_ = false;
    bool open_ = true;
    bool close_requested_ = false;
    bool close_sent_ = false;
};

}  // namespace advocacy::server
