// The fake's io_context runs on one thread; each link runs on its own strand. Test threads only post to it and wait
// on the fake's condition variable.
#include "tests/slack_socket/fake_socket_server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/json.hpp>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace advocacy::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using boost::system::error_code;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

namespace {

// What links and the server share for waiting.
struct Board {
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
};

template <class Next>
class Link final : public FakeLink, public std::enable_shared_from_this<Link<Next>> {
public:
    // `upgraded` registers the link with the server once the WebSocket upgrade is done.
    Link(std::shared_ptr<Board> board, websocket::stream<Next> ws, bool auto_hello,
         std::function<void(std::shared_ptr<FakeLink>)> upgraded)
        : board_(std::move(board)), ws_(std::move(ws)), auto_hello_(auto_hello), upgraded_(std::move(upgraded)) {}

    auto executor() { return ws_.get_executor(); }

    asio::awaitable<void> run(std::shared_ptr<Link> self) {
        beast::flat_buffer buffer;
        if constexpr (!std::is_same_v<Next, beast::tcp_stream>) {
            auto [ec] = co_await ws_.next_layer().async_handshake(ssl::stream_base::server, use_tuple);
            if (ec) co_return finish(false);
        }
        beast::http::request<beast::http::string_body> req;
        auto [read_ec, n] = co_await beast::http::async_read(ws_.next_layer(), buffer, req, use_tuple);
        (void)n;
        if (read_ec) co_return finish(false);
        set([&] { target_ = std::string(req.target()); });
        ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
            if (kind == websocket::frame_type::ping) set([&] { ++pings_; });
        });
        auto [accept_ec] = co_await ws_.async_accept(req, use_tuple);
        if (accept_ec) co_return finish(false);
        buffer.clear();
        upgraded_(self);
        if (auto_hello_) send(hello_frame());
        for (;;) {
            auto [ec, bytes] = co_await ws_.async_read(buffer, use_tuple);
            (void)bytes;
            if (ec) co_return finish(ec == websocket::error::closed);
            set([&] { messages_.push_back(beast::buffers_to_string(buffer.data())); });
            buffer.consume(buffer.size());
            if (zombie_) co_return;  // never reads again; the socket stays open until drop() or the client cuts it
        }
    }

    std::string target() const override { return get([&] { return target_; }); }
    void send(std::string text) override {
        asio::post(ws_.get_executor(), [self = this->shared_from_this(), text = std::move(text)]() mutable {
            self->out_.push_back(std::move(text));
            if (self->out_.size() == 1) asio::co_spawn(self->ws_.get_executor(), self->write_loop(self), asio::detached);
        });
    }
    void hello() override { send(hello_frame()); }
    void stop_answering() override {
        asio::post(ws_.get_executor(), [self = this->shared_from_this()] { self->zombie_ = true; });
    }
    void drop() override {
        asio::post(ws_.get_executor(), [self = this->shared_from_this()] {
            error_code ignored;
            beast::get_lowest_layer(self->ws_).socket().close(ignored);
            self->finish(false);
        });
    }
    void close() override {
        asio::post(ws_.get_executor(), [self = this->shared_from_this()] {
            asio::co_spawn(self->ws_.get_executor(), self->close_once(self), asio::detached);
        });
    }
    std::vector<std::string> messages() const override { return get([&] { return messages_; }); }
    std::optional<std::string> wait_message(const std::function<bool(const std::string&)>& pred,
                                            milliseconds timeout) override {
        std::unique_lock lock(board_->mutex);
        std::optional<std::string> found;
        board_->changed.wait_for(lock, timeout, [&] {
            for (const auto& m : messages_)
                if (pred(m)) found = m;
            return found.has_value();
        });
        return found;
    }
    bool wait_messages(const std::function<bool(const std::vector<std::string>&)>& pred,
                       milliseconds timeout) override {
        std::unique_lock lock(board_->mutex);
        return board_->changed.wait_for(lock, timeout, [&] { return pred(messages_); });
    }
    bool wait_closed(milliseconds timeout) override {
        std::unique_lock lock(board_->mutex);
        return board_->changed.wait_for(lock, timeout, [&] { return closed_; });
    }
    bool closed() const override { return get([&] { return closed_; }); }
    bool closed_by_client() const override { return get([&] { return by_client_; }); }
    int pings() const override { return get([&] { return pings_; }); }
    bool wait_pings(int n, milliseconds timeout) override {
        std::unique_lock lock(board_->mutex);
        return board_->changed.wait_for(lock, timeout, [&] { return pings_ >= n; });
    }

private:
    template <class F>
    void set(F f) {
        {
            const std::lock_guard lock(board_->mutex);
            f();
        }
        board_->changed.notify_all();
    }
    template <class F>
    auto get(F f) const {
        const std::lock_guard lock(board_->mutex);
        return f();
    }

    void finish(bool by_client) {
        set([&] {
            if (closed_) return;
            closed_ = true;
            by_client_ = by_client;
        });
    }

    asio::awaitable<void> write_loop([[maybe_unused]] std::shared_ptr<Link> self) {
        while (!out_.empty()) {
            auto [ec, n] = co_await ws_.async_write(asio::buffer(out_.front()), use_tuple);
            (void)n;
            if (ec) out_.clear();
            else out_.pop_front();
        }
    }

    asio::awaitable<void> close_once([[maybe_unused]] std::shared_ptr<Link> self) {
        co_await ws_.async_close(websocket::close_code::going_away, use_tuple);
    }

    std::shared_ptr<Board> board_;
    websocket::stream<Next> ws_;
    bool auto_hello_;
    std::function<void(std::shared_ptr<FakeLink>)> upgraded_;
    bool zombie_ = false;
    std::deque<std::string> out_;
    std::string target_;
    std::vector<std::string> messages_;
    bool closed_ = false;
    bool by_client_ = false;
    int pings_ = 0;
};

}  // namespace

struct FakeSocketServer::Impl {
    std::optional<ssl::context> tls;  // first: outlives the links the io_context still holds
    asio::io_context io;
    tcp::acceptor acceptor{io};
    std::shared_ptr<Board> board = std::make_shared<Board>();
    std::vector<std::shared_ptr<FakeLink>> links;  // guarded by board->mutex
    bool auto_hello = true;
    std::thread thread;

    asio::awaitable<void> accept_loop() {
        for (;;) {
            const asio::any_io_executor strand = asio::make_strand(io);
            auto [ec, socket] = co_await acceptor.async_accept(strand, use_tuple);
            if (ec) co_return;
            bool hello;
            {
                const std::lock_guard lock(board->mutex);
                hello = auto_hello;
            }
            auto upgraded = [this](std::shared_ptr<FakeLink> link) {
                {
                    const std::lock_guard lock(board->mutex);
                    links.push_back(std::move(link));
                }
                board->changed.notify_all();
            };
            if (tls) {
                using Tls = beast::ssl_stream<beast::tcp_stream>;
                auto l = std::make_shared<Link<Tls>>(board, websocket::stream<Tls>(std::move(socket), *tls), hello,
                                                     upgraded);
                asio::co_spawn(l->executor(), l->run(l), asio::detached);
            } else {
                auto l = std::make_shared<Link<beast::tcp_stream>>(
                    board, websocket::stream<beast::tcp_stream>(std::move(socket)), hello, upgraded);
                asio::co_spawn(l->executor(), l->run(l), asio::detached);
            }
        }
    }
};

FakeSocketServer::FakeSocketServer(std::optional<FakeTls> tls) : impl_(std::make_unique<Impl>()) {
    if (tls) {
        impl_->tls.emplace(ssl::context::tls_server);
        impl_->tls->use_certificate_chain(asio::buffer(tls->certificate_pem));
        impl_->tls->use_private_key(asio::buffer(tls->private_key_pem), ssl::context::pem);
    }
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
    asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
    impl_->thread = std::thread([this] { impl_->io.run(); });
}

FakeSocketServer::~FakeSocketServer() {
    asio::post(impl_->io, [this] {
        error_code ignored;
        impl_->acceptor.close(ignored);
    });
    impl_->io.stop();
    impl_->thread.join();
    const std::lock_guard lock(impl_->board->mutex);
    impl_->links.clear();
}

std::uint16_t FakeSocketServer::port() const { return impl_->acceptor.local_endpoint().port(); }

std::string FakeSocketServer::url(const std::string& ticket, const std::string& host) const {
    return std::string(impl_->tls ? "wss://" : "ws://") + host + ":" + std::to_string(port()) +
           "/link/?ticket=" + ticket;
}

void FakeSocketServer::set_auto_hello(bool on) {
    const std::lock_guard lock(impl_->board->mutex);
    impl_->auto_hello = on;
}

std::shared_ptr<FakeLink> FakeSocketServer::link(std::size_t n, milliseconds timeout) const {
    std::unique_lock lock(impl_->board->mutex);
    impl_->board->changed.wait_for(lock, timeout, [&] { return impl_->links.size() > n; });
    return impl_->links.size() > n ? impl_->links[n] : nullptr;
}

std::size_t FakeSocketServer::links() const {
    const std::lock_guard lock(impl_->board->mutex);
    return impl_->links.size();
}

std::string hello_frame(int num_connections) {
    return boost::json::serialize(boost::json::object{
        {"type", "hello"},
        {"num_connections", num_connections},
        {"debug_info", {{"host", "fake"}, {"approximate_connection_time", 18060}}},
        {"connection_info", {{"app_id", "A1"}}}});
}

std::string disconnect_frame(const std::string& reason) {
    return boost::json::serialize(
        boost::json::object{{"type", "disconnect"}, {"reason", reason}, {"debug_info", {{"host", "fake"}}}});
}

std::string envelope_frame(const std::string& envelope_id, const std::string& type, const std::string& payload_json,
                           bool accepts_response_payload, int retry_attempt) {
    boost::json::object o{{"envelope_id", envelope_id},
                          {"type", type},
                          {"payload", boost::json::parse(payload_json)},
                          {"accepts_response_payload", accepts_response_payload},
                          {"retry_attempt", retry_attempt},
                          {"retry_reason", retry_attempt > 0 ? "timeout" : ""}};
    return boost::json::serialize(o);
}

}  // namespace advocacy::testing
