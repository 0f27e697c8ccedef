#pragma once
// One persistent HTTP/1.1 connection to one origin (plain TCP or TLS), used by one call at a time. Its I/O runs on
// its own strand; every phase (resolve + connect + handshake, then write + read) has a deadline. Beast stays in
// connection.cpp: this header only needs Asio's coroutine and executor types.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "bot/net/http_client.hpp"
#include "bot/net/request_target.hpp"

namespace boost::asio::ssl {
class context;
}

struct ssl_st;  // OpenSSL's SSL

namespace advocacy::net {

// What goes on the wire, prepared once per call.
struct PreparedRequest {
    RequestTarget target;
    std::string method;
    HeaderList headers;
    std::string content_type;
    std::string body;
};

struct PhaseTimeouts {
    std::chrono::milliseconds connect;  // resolve + TCP connect + TLS handshake
    std::chrono::milliseconds request;  // write the request + read the whole response
};

struct ExchangeResult {
    std::optional<ClientResponse> response;  // set on success
    std::string error;                       // otherwise: what failed (no URL, header or body in it)
    bool wrote_request = false;              // the whole request went out
    bool got_response_bytes = false;         // some of a response came back (a resend could duplicate nothing)
    bool timed_out = false;
    bool permanent = false;                  // retrying cannot help (certificate rejected, response too large)
    bool reusable = false;                   // the connection may serve another request
};

class Connection {
public:
    virtual ~Connection() = default;

    // `tls` is null for http:// origins. `max_response_bytes` bounds the response body.
    static std::shared_ptr<Connection> create(const boost::asio::any_io_executor& strand, const RequestTarget& origin,
                                              boost::asio::ssl::context* tls, std::size_t max_response_bytes);

    // Connects first when needed. Must run on strand(): co_spawn it there. Never throws.
    virtual boost::asio::awaitable<ExchangeResult> exchange(const PreparedRequest& request, PhaseTimeouts timeouts) = 0;

    // From any thread: aborts what is in progress and makes the connection unusable.
    virtual void close() = 0;

    // For an idle connection (nothing in progress): still open, nothing unexpected to read, not closed by the peer.
    virtual bool idle_and_healthy() = 0;

    virtual const boost::asio::any_io_executor& strand() const = 0;
    virtual int requests_served() const = 0;  // > 0: a reused keep-alive connection
};

// Before a client TLS handshake: SNI (never for IP literals) and OpenSSL's own host/IP check, so a certificate valid
// for another name fails the handshake. Empty on success, else what could not be set (a permanent failure).
std::string expect_peer(ssl_st* native, const std::string& host, bool host_is_ip);

// The client side of TLS: system CA store (+ extra_ca_file), peer verification, TLS 1.2 or newer.
// Throws std::runtime_error with a readable reason when the trust store cannot be loaded.
std::shared_ptr<boost::asio::ssl::context> make_tls_client_context(
    const std::optional<std::filesystem::path>& extra_ca_file);

}  // namespace advocacy::net
