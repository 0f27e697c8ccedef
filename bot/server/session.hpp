#pragma once
// Private to the server: the interface between the listener (server.cpp) and connection sessions (session.cpp,
// websocket_session.cpp). Only these files include Asio/Beast.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <chrono>
#include <memory>

#include "bot/server/router.hpp"
#include "bot/server/server_options.hpp"

namespace advocacy::server {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using boost::asio::as_tuple;

// A live connection the server can ask to wind down.
class SessionBase {
public:
    virtual ~SessionBase() = default;
    // force=false: finish the request in flight, close if idle. force=true: close now.
    virtual void shutdown(bool force) = 0;
};

// What sessions need from the server.
class SessionHost {
public:
    virtual ~SessionHost() = default;
    virtual const ServerLimits& limits() const = 0;
    virtual const Router& router() const = 0;
    virtual asio::thread_pool& workers() = 0;
    virtual bool stopping() const = 0;
    virtual void add_session(const std::shared_ptr<SessionBase>& s) = 0;
    virtual void session_ended() = 0;  // exactly once per started session
};

void start_plain_session(tcp::socket socket, SessionHost& host);
void start_tls_session(tcp::socket socket, ssl::context& tls, SessionHost& host);
// Over the connection limit: a short 503 and close, without counting as a session.
void spawn_busy_reply(tcp::socket socket, std::chrono::milliseconds write_timeout);

}  // namespace advocacy::server
