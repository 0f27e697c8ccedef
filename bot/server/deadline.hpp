#pragma once
// A per-phase deadline for one connection: when it fires it cancels the socket's pending operations, so the
// awaiting read/write completes with operation_aborted and the session can tell a timeout from other errors.
#include <boost/asio.hpp>

#include <chrono>
#include <memory>

namespace advocacy::server {

class Deadline {
public:
    explicit Deadline(const boost::asio::any_io_executor& ex) : state_(std::make_shared<State>(ex)) {}
    ~Deadline() { disarm(); }

    // Must be called on the socket's strand; the timer shares it, so firing and completion never race.
    void arm(boost::asio::ip::tcp::socket& socket, std::chrono::milliseconds after) {
        state_->expired = false;
        state_->timer.expires_after(after);
        state_->timer.async_wait([weak = std::weak_ptr<State>(state_), &socket](boost::system::error_code ec) {
            if (ec) return;
            const auto state = weak.lock();
            if (!state) return;
            state->expired = true;
            socket.cancel(ec);
        });
    }
    void disarm() { state_->timer.cancel(); }
    bool expired() const { return state_->expired; }

private:
    struct State {
        explicit State(const boost::asio::any_io_executor& ex) : timer(ex) {}
        boost::asio::steady_timer timer;
        bool expired = false;
    };
    std::shared_ptr<State> state_;  // outlives the session if the handler is already queued
};

}  // namespace advocacy::server
