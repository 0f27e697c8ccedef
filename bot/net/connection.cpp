// The Beast side of the client: connect (resolve, TCP, TLS handshake with SNI and host-name verification), write one
// request, read one response within limits, and tell the caller precisely how it went so it can decide on retries.
#include "bot/net/connection.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <cerrno>
#include <stdexcept>
#include <sys/socket.h>

namespace advocacy::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace ssl = boost::asio::ssl;
using asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint32_t kHeaderLimit = 64 * 1024;

bool is_certificate_rejection(const error_code& ec) {
    return ec.category() == asio::error::get_ssl_category() &&
           ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_CERTIFICATE_VERIFY_FAILED;
}

template <class Stream>
class StreamConnection final : public Connection, public std::enable_shared_from_this<StreamConnection<Stream>> {
public:
    static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

    StreamConnection(const asio::any_io_executor& strand, const RequestTarget& origin, ssl::context* tls,
                     std::size_t max_response_bytes)
        : strand_(strand), origin_(origin), stream_(make_stream(strand, tls)), resolver_(strand),
          max_response_bytes_(max_response_bytes) {}

    asio::awaitable<ExchangeResult> exchange(const PreparedRequest& request, PhaseTimeouts timeouts) override {
        ExchangeResult out;
        if (closed_) {
            out.error = "connection closed";
            co_return out;
        }
        if (!connected_ && !co_await connect(timeouts.connect, out)) {
            shut();
            co_return out;
        }
        co_await round_trip(request, timeouts.request, out);
        ++served_;
        if (!out.reusable) shut();
        co_return out;
    }

    void close() override {
        asio::post(strand_, [self = this->shared_from_this()] { self->shut(); });
    }

    bool idle_and_healthy() override {
        if (closed_ || !connected_ || buffer_.size() > 0) return false;
        auto& socket = beast::get_lowest_layer(stream_).socket();
        if (!socket.is_open()) return false;
        // A peer that closed an idle keep-alive connection left an EOF (or a TLS close_notify) to read.
        // Unread bytes on a plain connection are garbage; on TLS they may be a late session ticket, so only EOF
        // counts there (a close_notify waiting behind it is caught by the stale-connection resend).
        char probe = 0;
        const auto n = ::recv(socket.native_handle(), &probe, 1, MSG_PEEK | MSG_DONTWAIT);
        if (n == 0) return false;
        if (n > 0) return kTls;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }

    const asio::any_io_executor& strand() const override { return strand_; }
    int requests_served() const override { return served_; }

private:
    static Stream make_stream(const asio::any_io_executor& strand, ssl::context* tls) {
        if constexpr (kTls) {
            return Stream(strand, *tls);
        } else {
            (void)tls;
            return Stream(strand);
        }
    }

    beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }

    void shut() {
        closed_ = true;
        connected_ = false;
        resolver_.cancel();
        error_code ignored;
        auto& socket = tcp().socket();
        if (socket.is_open()) {
            socket.shutdown(tcp::socket::shutdown_both, ignored);
            socket.close(ignored);
        }
    }

    asio::awaitable<bool> connect(std::chrono::milliseconds timeout, ExchangeResult& out) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        // The resolver has no deadline of its own: a timer on the same strand cancels it.
        asio::steady_timer resolve_deadline(strand_, deadline);
        const auto resolve_expired = std::make_shared<bool>(false);
        resolve_deadline.async_wait([self = this->shared_from_this(), resolve_expired](error_code ec) {
            if (ec) return;
            *resolve_expired = true;
            self->resolver_.cancel();
        });
        auto [resolve_ec, endpoints] =
            co_await resolver_.async_resolve(origin_.host, std::to_string(origin_.port), use_tuple);
        resolve_deadline.cancel();
        if (resolve_ec) {
            out.timed_out = *resolve_expired;
            out.error = *resolve_expired ? "timed out resolving the host" : "cannot resolve the host: " + resolve_ec.message();
            co_return false;
        }
        if (closed_) {
            out.error = "connection closed";
            co_return false;
        }
        tcp().expires_at(deadline);
        auto [connect_ec, endpoint] = co_await tcp().async_connect(endpoints, use_tuple);
        (void)endpoint;
        if (connect_ec) {
            out.timed_out = connect_ec == beast::error::timeout;
            out.error = out.timed_out ? "timed out connecting" : "cannot connect: " + connect_ec.message();
            co_return false;
        }
        if constexpr (kTls) {
            if (!co_await handshake(out)) co_return false;
        }
        tcp().expires_never();
        connected_ = true;
        co_return true;
    }

    asio::awaitable<bool> handshake(ExchangeResult& out) {
        SSL* native = stream_.native_handle();
        if (auto why = expect_peer(native, origin_.host, origin_.host_is_ip); !why.empty()) {
            out.error = std::move(why);
            out.permanent = true;
            co_return false;
        }
        stream_.set_verify_mode(ssl::verify_peer);
        stream_.set_verify_callback(ssl::host_name_verification(origin_.host));
        auto [ec] = co_await stream_.async_handshake(ssl::stream_base::client, use_tuple);
        if (!ec) co_return true;
        const long verify = SSL_get_verify_result(native);
        if (verify != X509_V_OK || is_certificate_rejection(ec)) {
            out.permanent = true;
            out.error = std::string("TLS certificate verification failed: ") +
                        (verify != X509_V_OK ? X509_verify_cert_error_string(verify) : "rejected");
        } else {
            out.timed_out = ec == beast::error::timeout;
            out.error = out.timed_out ? "timed out in the TLS handshake" : "TLS handshake failed: " + ec.message();
        }
        co_return false;
    }

    asio::awaitable<void> round_trip(const PreparedRequest& request, std::chrono::milliseconds timeout,
                                     ExchangeResult& out) {
        http::request<http::string_body> req;
        const auto verb = http::string_to_verb(request.method);
        if (verb == http::verb::unknown) {
            req.method_string(request.method);
        } else {
            req.method(verb);
        }
        req.target(request.target.target);
        req.version(11);
        req.set(http::field::host, request.target.host_header);
        req.set(http::field::user_agent, "advocacy-bot");
        for (const auto& [name, value] : request.headers) req.insert(name, value);
        if (!request.content_type.empty()) req.set(http::field::content_type, request.content_type);
        req.body() = request.body;
        req.keep_alive(true);
        req.prepare_payload();

        tcp().expires_after(timeout);  // one deadline for the write and the read
        auto [write_ec, written] = co_await http::async_write(stream_, req, use_tuple);
        (void)written;
        if (write_ec) {
            out.timed_out = write_ec == beast::error::timeout;
            out.error = out.timed_out ? "timed out sending the request" : "send failed: " + write_ec.message();
            co_return;
        }
        out.wrote_request = true;

        http::response_parser<http::string_body> parser;
        parser.header_limit(kHeaderLimit);
        parser.body_limit(max_response_bytes_);
        if (verb == http::verb::head) parser.skip(true);
        auto [read_ec, read] = co_await http::async_read(stream_, buffer_, parser, use_tuple);
        (void)read;
        out.got_response_bytes = parser.got_some() || buffer_.size() > 0;
        tcp().expires_never();
        if (read_ec) {
            buffer_.clear();
            if (read_ec == http::error::body_limit) {
                out.permanent = true;
                out.error = "response larger than " + std::to_string(max_response_bytes_) + " bytes";
            } else if (read_ec == http::error::header_limit) {
                out.permanent = true;
                out.error = "response headers too large";
            } else if (read_ec == beast::error::timeout) {
                out.timed_out = true;
                out.error = "timed out waiting for the response";
            } else if (!out.got_response_bytes) {
                out.error = "connection closed before a response: " + read_ec.message();
            } else {
                out.error = "bad or truncated response: " + read_ec.message();
            }
            co_return;
        }
        auto& res = parser.get();
        ClientResponse response;
        response.status = static_cast<int>(res.result_int());
        for (const auto& field : res) response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        response.body = std::move(res.body());
        out.reusable = res.keep_alive() && buffer_.size() == 0;
        out.response = std::move(response);
    }

    asio::any_io_executor strand_;
    RequestTarget origin_;
    Stream stream_;
    tcp::resolver resolver_;
    beast::flat_buffer buffer_;
    std::size_t max_response_bytes_;
    bool connected_ = false;
    bool closed_ = false;
    int served_ = 0;
};

}  // namespace

std::shared_ptr<Connection> Connection::create(const asio::any_io_executor& strand, const RequestTarget& origin,
                                               ssl::context* tls, std::size_t max_response_bytes) {
    if (origin.tls) {
        return std::make_shared<StreamConnection<beast::ssl_stream<beast::tcp_stream>>>(strand, origin, tls,
                                                                                       max_response_bytes);
    }
    return std::make_shared<StreamConnection<beast::tcp_stream>>(strand, origin, nullptr, max_response_bytes);
}

std::string expect_peer(SSL* native, const std::string& host, bool host_is_ip) {
    if (!host_is_ip && SSL_set_tlsext_host_name(native, host.c_str()) != 1) return "cannot set TLS SNI";
    X509_VERIFY_PARAM* param = SSL_get0_param(native);
    const int set = host_is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str())
                               : X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
    return set == 1 ? std::string() : "cannot set TLS host-name verification";
}

std::shared_ptr<ssl::context> make_tls_client_context(const std::optional<std::filesystem::path>& extra_ca_file) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    // TLS 1.2 is the floor: older versions are broken and no platform API still needs them.
    if (SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION) != 1)
        throw std::runtime_error("cannot require TLS 1.2 or newer");
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_compression);
    error_code ec;
    ctx->set_default_verify_paths(ec);
    if (ec) throw std::runtime_error("cannot load the system CA store: " + ec.message());
    if (extra_ca_file) {
        ctx->load_verify_file(extra_ca_file->string(), ec);
        if (ec) throw std::runtime_error("cannot load extra_ca_file " + extra_ca_file->string() + ": " + ec.message());
    }
    ctx->set_verify_mode(ssl::verify_peer);
    return ctx;
}

}  // namespace advocacy::net
