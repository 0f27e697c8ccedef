// The Beast side of outgoing WebSockets: connect (resolve, TCP, TLS with SNI and host-name verification, upgrade)
// under one deadline, then one read loop, one write loop fed by a queue, and a keep-alive loop that pings and cuts
// a link that stopped answering. Everything of a connection runs on its strand; callbacks run there too.
#include "bot/net/websocket_client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <thread>

#include "bot/log/log.hpp"
#include "bot/net/connection.hpp"
#include "bot/net/request_target.hpp"

namespace advocacy::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace ssl = boost::asio::ssl;
using asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string ms(milliseconds d) { return std::to_string(d.count()) + " ms"; }

// What every connection of one client shares; outlives the connections (they hold it).
struct Shared {
    WebSocketOptions options;
    std::shared_ptr<ssl::context> tls;
    std::atomic<bool> silenced{false};  // the client is going away: no more callbacks
};

// ws:// and wss:// parse like http:// and https:// (same authority and target rules).
std::optional<RequestTarget> parse_ws_url(const std::string& url, std::string& why) {
    const auto colon = url.find("://");
    std::string scheme = url.substr(0, colon == std::string::npos ? 0 : colon);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (scheme != "ws" && scheme != "wss") {
        why = "only ws and wss URLs are supported";
        return std::nullopt;
    }
    return parse_request_target((scheme == "wss" ? "https" : "http") + url.substr(colon), why);
}

class SessionBase : public WebSocketConnection {
public:
    virtual void start() = 0;
    virtual void cut(std::string why) = 0;
};

template <class Next>  // beast::tcp_stream, or beast::ssl_stream<beast::tcp_stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Next>> {
public:
    static constexpr bool kTls = !std::is_same_v<Next, beast::tcp_stream>;

    Session(const asio::any_io_executor& strand, std::shared_ptr<Shared> shared, RequestTarget target,
            WebSocketHandlers handlers)
        : strand_(strand), shared_(std::move(shared)), options_(shared_->options), target_(std::move(target)),
          handlers_(std::move(handlers)), ws_(make_next(strand, shared_->tls.get())), resolver_(strand),
          keepalive_timer_(strand) {}

    void start() override { asio::co_spawn(strand_, run(this->shared_from_this()), asio::detached); }

    void send(std::string text) override {
        asio::post(strand_, [self = this->shared_from_this(), text = std::move(text)]() mutable {
            if (self->open_) self->enqueue({Out::Kind::text, std::move(text)});
        });
    }

    void close() override {
        asio::post(strand_, [self = this->shared_from_this()] {
            if (self->finished_ || self->closing_) return;
            self->closing_ = true;
            self->by_us_ = true;
            if (!self->open_) return self->cut("closed before it opened");
            self->close_deadline_ = Clock::now() + self->options_.close_timeout;
            self->enqueue({Out::Kind::close, {}});
        });
    }

    bool is_open() const override { return open_; }

    // From the strand: ends the connection now, without a close handshake (a dead link would not answer it).
    void cut(std::string why) override {
        if (finished_) return;
        if (abort_reason_.empty()) abort_reason_ = std::move(why);
        resolver_.cancel();
        error_code ignored;
        auto& socket = beast::get_lowest_layer(ws_).socket();
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
    }

private:
    struct Out {
        enum class Kind { text, ping, close } kind;
        std::string body;
    };

    static websocket::stream<Next> make_next(const asio::any_io_executor& strand, ssl::context* tls) {
        if constexpr (kTls) {
            return websocket::stream<Next>(strand, *tls);
        } else {
            (void)tls;
            return websocket::stream<Next>(strand);
        }
    }

    beast::tcp_stream& tcp() { return beast::get_lowest_layer(ws_); }

    template <class F, class... Args>
    void call(F& f, Args&&... args) {
        if (!f || shared_->silenced) return;
        try {
            f(std::forward<Args>(args)...);
        } catch (const std::exception& e) {
            log::error("websocket", "callback failed", {{"error", e.what()}});
        }
    }

    asio::awaitable<void> run(std::shared_ptr<Session> self) {
        std::string why;
        if (!co_await open(why)) {
            finish(abort_reason_.empty() ? why : abort_reason_);
            co_return;
        }
        open_ = true;
        last_heard_ = last_ping_ = Clock::now();
        call(handlers_.on_open);
        asio::co_spawn(strand_, keepalive(self), asio::detached);
        beast::flat_buffer buffer;
        for (;;) {
            auto [ec, n] = co_await ws_.async_read(buffer, use_tuple);
            (void)n;
            if (ec) {
                why = ec == websocket::error::closed
                          ? (by_us_ ? "closed by us"
                                    : "server closed: " + std::to_string(ws_.reason().code) + " " +
                                          std::string(ws_.reason().reason.c_str()))
                          : "connection lost: " + ec.message();
                break;
            }
            last_heard_ = Clock::now();
            if (ws_.got_text()) call(handlers_.on_message, beast::buffers_to_string(buffer.data()));
            buffer.consume(buffer.size());
        }
        finish(abort_reason_.empty() ? why : abort_reason_);
    }

    void finish(const std::string& why) {
        if (finished_) return;
        const bool opened = open_;
        finished_ = true;
        open_ = false;
        queue_.clear();
        keepalive_timer_.cancel();
        error_code ignored;
        tcp().socket().close(ignored);
        call(handlers_.on_close, WebSocketClosed{why, opened, by_us_});
    }

    asio::awaitable<bool> open(std::string& why) {
        const auto deadline = Clock::now() + options_.connect_timeout;
        // The resolver has no deadline of its own: a timer on the strand cancels it.
        asio::steady_timer resolve_deadline(strand_, deadline);
        resolve_deadline.async_wait([self = this->shared_from_this()](error_code ec) {
            if (!ec) self->cut("timed out resolving the host");
        });
        auto [resolve_ec, endpoints] =
            co_await resolver_.async_resolve(target_.host, std::to_string(target_.port), use_tuple);
        resolve_deadline.cancel();
        if (resolve_ec || closing_) {
            why = "cannot resolve the host: " + resolve_ec.message();
            co_return false;
        }
        tcp().expires_at(deadline);
        auto [connect_ec, endpoint] = co_await tcp().async_connect(endpoints, use_tuple);
        (void)endpoint;
        if (connect_ec) {
            why = connect_ec == beast::error::timeout ? "timed out connecting" : "cannot connect: " + connect_ec.message();
            co_return false;
        }
        if constexpr (kTls) {
            if (!co_await tls_handshake(why)) co_return false;
        }
        // From here the WebSocket stream keeps its own time (Beast: never both).
        tcp().expires_never();
        const auto left = std::max<Clock::duration>(deadline - Clock::now(), milliseconds(1));
        ws_.set_option(websocket::stream_base::timeout{left, websocket::stream_base::none(), false});
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::request_type& req) { req.set(beast::http::field::user_agent, "advocacy-bot"); }));
        ws_.read_message_max(options_.max_message_bytes);
        auto [ws_ec] = co_await ws_.async_handshake(target_.host_header, target_.target, use_tuple);
        if (ws_ec) {
            why = ws_ec == beast::error::timeout ? "timed out in the WebSocket upgrade"
                                                 : "WebSocket upgrade failed: " + ws_ec.message();
            co_return false;
        }
        // The close handshake is bounded by the same setting; reading is bounded by keepalive().
        ws_.set_option(websocket::stream_base::timeout{options_.close_timeout, websocket::stream_base::none(), false});
        ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
            last_heard_ = Clock::now();
            if (kind == websocket::frame_type::pong) ping_sent_.reset();
        });
        co_return !closing_;
    }

    // SNI (never for IP literals) and OpenSSL's host/IP check: a certificate valid for another name fails.
    asio::awaitable<bool> tls_handshake(std::string& why) {
        if constexpr (kTls) {
            SSL* native = ws_.next_layer().native_handle();
            if (why = expect_peer(native, target_.host, target_.host_is_ip); !why.empty()) co_return false;
            ws_.next_layer().set_verify_mode(ssl::verify_peer);
            ws_.next_layer().set_verify_callback(ssl::host_name_verification(target_.host));
            auto [ec] = co_await ws_.next_layer().async_handshake(ssl::stream_base::client, use_tuple);
            if (!ec) co_return true;
            const long verify = SSL_get_verify_result(native);
            why = verify != X509_V_OK ? std::string("TLS certificate verification failed: ") +
                                            X509_verify_cert_error_string(verify)
                                      : "TLS handshake failed: " + ec.message();
        }
        co_return false;
    }

    void enqueue(Out out) {
        queue_.push_back(std::move(out));
        if (!writing_) asio::co_spawn(strand_, write_loop(this->shared_from_this()), asio::detached);
    }

    // One write in flight: text frames, pings and our close frame leave in queue order.
    asio::awaitable<void> write_loop([[maybe_unused]] std::shared_ptr<Session> self) {
        writing_ = true;
        while (!queue_.empty() && !finished_) {
            Out out = std::move(queue_.front());
            queue_.pop_front();
            error_code ec;
            if (out.kind == Out::Kind::text) {
                auto [e, n] = co_await ws_.async_write(asio::buffer(out.body), use_tuple);
                (void)n;
                ec = e;
            } else if (out.kind == Out::Kind::ping) {
                auto [e] = co_await ws_.async_ping({}, use_tuple);
                ec = e;
            } else {
                auto [e] = co_await ws_.async_close(websocket::close_code::normal, use_tuple);
                if (e) cut("close handshake failed: " + e.message());
                break;  // the read loop ends with websocket::error::closed
            }
            if (ec) {
                cut("send failed: " + ec.message());
                break;
            }
        }
        writing_ = false;
    }

    milliseconds tick() const {
        milliseconds t = std::min({options_.pong_timeout, options_.idle_timeout, options_.close_timeout});
        if (options_.ping_interval.count() > 0) t = std::min(t, options_.ping_interval);
        return std::max(milliseconds(5), t / 4);
    }

    // Pings on schedule; cuts a link whose pong is late or that has been silent too long, and a close that hangs.
    asio::awaitable<void> keepalive([[maybe_unused]] std::shared_ptr<Session> self) {
        while (!finished_) {
            keepalive_timer_.expires_after(tick());
            co_await keepalive_timer_.async_wait(use_tuple);
            if (finished_) break;
            const auto now = Clock::now();
            if (close_deadline_ && now >= *close_deadline_) {
                cut("close handshake timed out");
            } else if (ping_sent_ && now - *ping_sent_ >= options_.pong_timeout) {
                cut("no pong within " + ms(options_.pong_timeout));
            } else if (now - last_heard_ >= options_.idle_timeout) {
                cut("nothing from the server for " + ms(options_.idle_timeout));
            } else if (options_.ping_interval.count() > 0 && !ping_sent_ && !closing_ &&
                       now - last_ping_ >= options_.ping_interval) {
                ping_sent_ = last_ping_ = now;
                enqueue({Out::Kind::ping, {}});
            }
        }
    }

    asio::any_io_executor strand_;
    std::shared_ptr<Shared> shared_;
    const WebSocketOptions& options_;
    RequestTarget target_;
    WebSocketHandlers handlers_;
    websocket::stream<Next> ws_;
    tcp::resolver resolver_;
    asio::steady_timer keepalive_timer_;
    std::deque<Out> queue_;
    bool writing_ = false;
    std::atomic<bool> open_{false};
    bool finished_ = false;
    bool closing_ = false;
    bool by_us_ = false;
    std::string abort_reason_;
    Clock::time_point last_heard_{};
    Clock::time_point last_ping_{};
    std::optional<Clock::time_point> ping_sent_;
    std::optional<Clock::time_point> close_deadline_;
};

// What callers hold: a weak reference, so a finished connection is freed by its own coroutines.
class Handle final : public WebSocketConnection {
public:
    explicit Handle(std::weak_ptr<SessionBase> session) : session_(std::move(session)) {}
    void send(std::string text) override {
        if (auto s = session_.lock()) s->send(std::move(text));
    }
    void close() override {
        if (auto s = session_.lock()) s->close();
    }
    bool is_open() const override {
        const auto s = session_.lock();
        return s && s->is_open();
    }

private:
    std::weak_ptr<SessionBase> session_;
};

}  // namespace

struct WebSocketClient::Impl {
    explicit Impl(WebSocketOptions options) : shared(std::make_shared<Shared>()) {
        shared->options = std::move(options);
        shared->tls = make_tls_client_context(shared->options.extra_ca_file);
        thread = std::thread([this] { io.run(); });
    }
    ~Impl() {
        shared->silenced = true;
        guard.reset();
        io.stop();
        thread.join();
    }

    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> guard{io.get_executor()};
    std::shared_ptr<Shared> shared;
    std::thread thread;
};

WebSocketClient::WebSocketClient(WebSocketOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

WebSocketClient::~WebSocketClient() = default;

const WebSocketOptions& WebSocketClient::options() const { return impl_->shared->options; }

std::shared_ptr<WebSocketConnection> WebSocketClient::connect(const std::string& url, WebSocketHandlers handlers) {
    const auto strand = asio::make_strand(impl_->io);
    std::string why;
    const auto target = parse_ws_url(url, why);
    std::shared_ptr<SessionBase> session;
    if (!target) {
        // Reported like any failure, from the client's thread.
        asio::post(strand, [shared = impl_->shared, handlers = std::move(handlers), why] {
            if (handlers.on_close && !shared->silenced) handlers.on_close(WebSocketClosed{"bad URL: " + why, false, false});
        });
        return std::make_shared<Handle>(std::weak_ptr<SessionBase>{});
    }
    if (target->tls) {
        session = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(strand, impl_->shared, *target,
                                                                                   std::move(handlers));
    } else {
        session = std::make_shared<Session<beast::tcp_stream>>(strand, impl_->shared, *target, std::move(handlers));
    }
    session->start();
    return std::make_shared<Handle>(session);
}

}  // namespace advocacy::net
