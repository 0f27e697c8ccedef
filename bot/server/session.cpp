// One HTTP/1.1 connection (plain or TLS): read a request within limits and deadlines, route it, run the handler on
// the worker pool, write the response, keep alive or close; hand over to a WebSocket session on upgrade.
#include "bot/server/session.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/log/log.hpp"
#include "bot/metrics/metrics.hpp"
#include "bot/server/deadline.hpp"
#include "bot/server/request_head.hpp"
#include "bot/server/websocket_session.hpp"

namespace advocacy::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using boost::system::error_code;

namespace {

using Parser = http::request_parser<http::string_body>;

HttpRequest to_request(http::request<http::string_body>&& req, const std::string& remote) {
    HttpRequest out;
    out.method = std::string(req.method_string());
    out.target = std::string(req.target());
    const auto q = out.target.find('?');
    out.path = out.target.substr(0, q);
    if (q != std::string::npos) out.query = out.target.substr(q + 1);
    for (const auto& field : req) out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    out.body = std::move(req.body());
    out.remote_address = remote;
    return out;
}

// A malformed request (as opposed to a network failure): answer 400.
bool is_http_error(const error_code& ec) {
    return ec.category() == make_error_code(http::error::bad_target).category();
}

HttpResponse error_response(int status, std::string_view detail = {}) {
    std::string body = std::to_string(status) + " " + std::string(status_text(status));
    if (!detail.empty()) body += ": " + std::string(detail);
    return HttpResponse::text(status, body + "\n");
}

// Runs the route handler on the worker pool; a throwing handler is a 500 with nothing leaked to the client.
HttpResponse invoke_handler(const Handler& handler, const HttpRequest& request) {
    try {
        return handler(request);
    } catch (const std::exception& e) {
        log::error("http", "handler failed", {{"path", request.path}, {"error", e.what()}});
    } catch (...) {
        log::error("http", "handler failed", {{"path", request.path}});
    }
    return error_response(500);
}

template <class Stream>
class HttpSession final : public SessionBase, public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    static constexpr bool kTls = !std::is_same_v<Stream, tcp::socket>;

    HttpSession(Stream stream, SessionHost& host)
        : stream_(std::move(stream)), host_(host), deadline_(stream_.get_executor()) {}

    asio::awaitable<void> run() {
        const auto self = this->shared_from_this();
        struct EndGuard {
            SessionHost& host;
            ~EndGuard() { host.session_ended(); }
        } end_guard{host_};
        error_code ec;
        remote_ = lowest().remote_endpoint(ec).address().to_string();
        const auto& limits = host_.limits();

        if constexpr (kTls) {
            deadline_.arm(lowest(), limits.header_timeout);
            auto [hs_ec] = co_await stream_.async_handshake(ssl::stream_base::server, as_tuple(asio::use_awaitable));
            deadline_.disarm();
            if (hs_ec) co_return close_now();
        }

        for (bool first = true; !host_.stopping() || first; first = false) {
            Parser parser;
            parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
            // No body limit while reading the head: Beast would refuse a large Content-Length there as a parse error
            // (a 400); the route's limit is applied below, with a 413.
            parser.body_limit(boost::none);

            idle_ = true;
            deadline_.arm(lowest(), first ? limits.header_timeout : limits.idle_timeout);
            const HeadRead head = co_await read_head(parser, !first);
            deadline_.disarm();
            idle_ = false;
            if (head.ec) {
                if (deadline_.expired()) {
                    // A client that started a request (or never sent one) and stalled: tell it, then cut it off.
                    if (!kTls && (first || head.got_bytes)) co_await reply_and_close(408);
                } else if (head.ec == http::error::header_limit) {
                    co_await reply_and_close(431);
                } else if (is_http_error(head.ec)) {
                    co_await reply_and_close(400, head.problem);
                }
                co_return close_now();
            }

            auto& header = parser.get();
            std::vector<std::string_view> transfer_encodings;
            for (auto it = header.find(http::field::transfer_encoding);
                 it != header.end() && it->name() == http::field::transfer_encoding; ++it) {
                transfer_encodings.push_back(it->value());
            }
            if (const auto problem = transfer_encoding_problem(transfer_encodings); !problem.empty()) {
                co_await reply_and_close(400, problem);
                co_return close_now();
            }
            const std::string target(header.target());
            const std::string path = target.substr(0, target.find('?'));
            const auto match = host_.router().match(std::string(header.method_string()), path);
            if (!match.route) {
                auto response = error_response(match.status);
                if (match.status == 405) response.headers.emplace_back("Allow", match.allow);
                // Without reading an unexpected body we cannot reuse the connection.
                const bool keep = header.keep_alive() && parser.is_done() && !host_.stopping();
                co_await write(response, keep, header.version(), header.method_string(), path, "unmatched");
                if (!keep) co_return close_now();
                continue;
            }

            if (match.route->websocket) {
                if (!boost::beast::websocket::is_upgrade(header)) {
                    co_await reply_and_close(400, "this endpoint speaks WebSocket");
                    co_return close_now();
                }
                HttpRequest upgrade = to_request(parser.release(), remote_);
                auto ws = std::make_shared<WsSession<Stream>>(std::move(stream_), host_, match.route->websocket);
                host_.add_session(ws);
                log::info("http", "websocket open", {{"path", path}});
                co_await ws->run(std::move(upgrade));
                co_return;
            }

            const std::size_t limit = match.route->options.body_limit.value_or(limits.body_bytes);
            if (parser.content_length() && *parser.content_length() > limit) {
                co_await reply_and_close(413);
                co_return close_now();
            }
            parser.body_limit(limit);
            if (!parser.is_done()) {
                deadline_.arm(lowest(), limits.body_timeout);
                auto [body_ec, body_n] = co_await http::async_read(stream_, buffer_, parser, as_tuple(asio::use_awaitable));
                deadline_.disarm();
                if (body_ec) {
                    if (deadline_.expired()) {
                        if (!kTls) co_await reply_and_close(408);
                    } else if (body_ec == http::error::body_limit) {
                        co_await reply_and_close(413);
                    } else if (is_http_error(body_ec) &&
                               body_ec != http::error::end_of_stream && body_ec != http::error::partial_message) {
                        co_await reply_and_close(400);
                    }
                    co_return close_now();
                }
            }

            const unsigned version = parser.get().version();
            const bool client_keep_alive = parser.get().keep_alive();
            const std::string method(parser.get().method_string());
            HttpRequest request = to_request(parser.release(), remote_);
            const Handler& handler = match.route->handler;
            const auto started = std::chrono::steady_clock::now();
            HttpResponse response = co_await asio::co_spawn(
                host_.workers(),
                [&handler, &request]() -> asio::awaitable<HttpResponse> { co_return invoke_handler(handler, request); },
                asio::use_awaitable);
            const bool keep = client_keep_alive && !host_.stopping();
            const bool written = co_await write(response, keep, version, method, path, match.route->pattern, started);
            if (!written || !keep) co_return co_await graceful_close();
        }
        co_return co_await graceful_close();
    }

    void shutdown(bool force) override {
        asio::post(stream_.get_executor(), [self = this->shared_from_this(), force] {
            // Idle keep-alive connections close now; a request in flight finishes first (the loop sees stopping()).
            if (force || self->idle_) self->close_now();
        });
    }

private:
    struct HeadRead {
        error_code ec;
        bool got_bytes = false;  // something of a request arrived (a stalled client then gets a 408)
        std::string_view problem;
    };

    // http::async_read_header, plus the strict framing checks of request_head.hpp on the raw bytes before Beast
    // parses them (Beast folds obs-fold lines silently). Beast consumes nothing until the head is complete, so the
    // head is always at the start of buffer_.
    // idle: a keep-alive connection between requests; once its next request starts, the header timeout applies
    // (a client cannot trickle a second head for the whole idle timeout).
    asio::awaitable<HeadRead> read_head(Parser& parser, bool idle) {
        HeadRead result;
        HeadScan scan;
        const std::size_t limit = host_.limits().header_bytes;
        for (;;) {
            if (buffer_.size() > 0) {
                result.got_bytes = true;
                const auto data = buffer_.cdata();
                scan_head(std::string_view(static_cast<const char*>(data.data()), data.size()), scan);
                if (!scan.problem.empty()) {
                    result.ec = http::error::bad_line_ending;
                    result.problem = scan.problem;
                    co_return result;
                }
                error_code ec;
                buffer_.consume(parser.put(buffer_.data(), ec));
                if (ec && ec != http::error::need_more) {
                    result.ec = ec;
                    co_return result;
                }
                if (parser.is_header_done()) co_return result;
                if (buffer_.size() > limit) {
                    result.ec = http::error::header_limit;
                    co_return result;
                }
            }
            if constexpr (!kTls) {
                if (buffer_.size() == 0) {
                    // An idle connection holds no read buffer: wait for bytes first, allocate after.
                    buffer_.shrink_to_fit();
                    auto [wait_ec] = co_await lowest().async_wait(tcp::socket::wait_read, as_tuple(asio::use_awaitable));
                    if (wait_ec) {
                        result.ec = wait_ec;
                        co_return result;
                    }
                    if (std::exchange(idle, false)) deadline_.arm(lowest(), host_.limits().header_timeout);
                }
            }
            auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(4096), as_tuple(asio::use_awaitable));
            if (ec) {
                result.ec = ec;  // eof, reset or the deadline's cancel: the caller closes without a reply
                co_return result;
            }
            buffer_.commit(n);
        }
    }

    tcp::socket& lowest() { return beast::get_lowest_layer(stream_); }

    void close_now() {
        error_code ignored;
        lowest().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close(ignored);
    }

    asio::awaitable<void> graceful_close() {
        if constexpr (kTls) {
            deadline_.arm(lowest(), std::chrono::seconds(2));
            co_await stream_.async_shutdown(as_tuple(asio::use_awaitable));
            deadline_.disarm();
        }
        close_now();
    }

    asio::awaitable<bool> write(const HttpResponse& response, bool keep_alive, unsigned version,
                                std::string_view method, std::string_view path, std::string_view route,
                                std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now()) {
        http::response<http::string_body> res{static_cast<http::status>(response.status), version};
        res.set(http::field::server, "advocacy-bot");
        res.set(http::field::content_type, response.content_type);
        for (const auto& [name, value] : response.headers) res.insert(name, value);
        res.keep_alive(keep_alive);
        res.body() = response.body;
        res.prepare_payload();
        deadline_.arm(lowest(), host_.limits().write_timeout);
        auto [ec, n] = co_await http::async_write(stream_, res, as_tuple(asio::use_awaitable));
        deadline_.disarm();
        const auto ms = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        // The route pattern, not the path: a label per distinct URL would grow without bound.
        metrics::http_request(route, method, response.status, ms);
        // The access log: never bodies, never query strings (they may carry tokens).
        log::info("http", "access",
                  {{"method", method},
                   {"path", path},
                   {"status", std::to_string(response.status)},
                   {"duration_ms", std::to_string(static_cast<double>(ms.count()) / 1000.0)},
                   {"remote", remote_}});
        co_return !ec;
    }

    asio::awaitable<void> reply_and_close(int status, std::string_view detail = {}) {
        const bool written = co_await write(error_response(status, detail), false, 11, "-", "-", "-");
        if constexpr (!kTls) {
            if (written) co_await linger();
        }
    }

    // Closing with unread request bytes makes the kernel send a reset, which can destroy the reply before the client
    // reads it (a client still uploading a 100 MB body would never see its 413). So: half-close, then read and
    // discard for a short while, bounded in time and bytes (never the whole upload), before the caller closes.
    asio::awaitable<void> linger() {
        constexpr std::chrono::milliseconds kLingerTime{1000};
        constexpr std::size_t kLingerBytes = 1024 * 1024;
        error_code ec;
        lowest().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) co_return;
        std::vector<char> discard(16 * 1024);  // in the coroutine's frame only while lingering
        deadline_.arm(lowest(), kLingerTime);
        for (std::size_t drained = 0; drained < kLingerBytes;) {
            auto [read_ec, n] = co_await lowest().async_read_some(asio::buffer(discard), as_tuple(asio::use_awaitable));
            if (read_ec) break;
            drained += n;
        }
        deadline_.disarm();
    }

    Stream stream_;
    SessionHost& host_;
    Deadline deadline_;
    beast::flat_buffer buffer_;
    std::string remote_;
    bool idle_ = true;
};

template <class Stream>
void spawn_session(std::shared_ptr<HttpSession<Stream>> session, SessionHost& host, const asio::any_io_executor& ex) {
    host.add_session(session);
    asio::co_spawn(ex, session->run(), [](const std::exception_ptr& e) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            log::error("http", "session failed", {{"error", ex.what()}});
        }
    });
}

}  // namespace

void start_plain_session(tcp::socket socket, SessionHost& host) {
    const auto ex = socket.get_executor();
    spawn_session(std::make_shared<HttpSession<tcp::socket>>(std::move(socket), host), host, ex);
}

void start_tls_session(tcp::socket socket, ssl::context& tls, SessionHost& host) {
    const auto ex = socket.get_executor();
    using TlsStream = ssl::stream<tcp::socket>;
    spawn_session(std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(socket), tls), host), host, ex);
}

void spawn_busy_reply(tcp::socket socket, std::chrono::milliseconds write_timeout) {
    metrics::http_request("-", "-", 503, metrics::Seconds(0));  // over max_connections: worth an alert
    auto s = std::make_shared<tcp::socket>(std::move(socket));
    auto timer = std::make_shared<asio::steady_timer>(s->get_executor(), write_timeout);
    timer->async_wait([s](error_code ec) {
        if (!ec) s->close(ec);
    });
    static const std::string kBusy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 24\r\n"
        "Retry-After: 1\r\nConnection: close\r\n\r\n503 Service Unavailable\n";
    asio::async_write(*s, asio::buffer(kBusy), [s, timer](error_code, std::size_t) {
        error_code ignored;
        timer->cancel();
        s->shutdown(tcp::socket::shutdown_both, ignored);
        s->close(ignored);
    });
}

}  // namespace advocacy::server
