// The listener, connection bookkeeping and graceful shutdown. Per-connection protocol work is in session.hpp.
#include "bot/server/server.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bot/log/log.hpp"
#include "bot/server/session.hpp"

namespace advocacy::server {

struct HttpServer::Impl final : SessionHost {
    Impl(ServerOptions o, Router r) : options_(std::move(o)), router_(std::move(r)), workers_(options_.worker_threads) {}

    ServerOptions options_;
    Router router_;
    asio::io_context ioc_;
    // The listener, the connection count, shutdown and signals run here: with io_threads > 1 the I/O context has
    // several threads, and the acceptor, timers and work guard must not be touched from two of them at once.
    asio::strand<asio::io_context::executor_type> control_{asio::make_strand(ioc_)};
    asio::thread_pool workers_;
    std::optional<ssl::context> tls_;
    std::optional<tcp::acceptor> acceptor_;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_;
    std::optional<asio::signal_set> signals_;
    std::optional<asio::steady_timer> grace_timer_;
    std::vector<std::thread> threads_;

    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> connections_{0};
    mutable std::mutex sessions_mutex_;
    std::vector<std::weak_ptr<SessionBase>> sessions_;
    bool started_ = false;
    bool joined_ = false;

    // SessionHost
    const ServerLimits& limits() const override { return options_.limits; }
    const Router& router() const override { return router_; }
    asio::thread_pool& workers() override { return workers_; }
    bool stopping() const override { return stopping_.load(); }

    void add_session(const std::shared_ptr<SessionBase>& s) override {
        const std::lock_guard lock(sessions_mutex_);
        sessions_.push_back(s);
    }

    void session_ended() override {
        // Post so the count and the shutdown check happen on the control strand, never inside a session's frame.
        asio::post(control_, [this] {
            connections_.fetch_sub(1);
            maybe_finish_shutdown();
        });
    }

    void load_tls() {
        if (!options_.tls_certificate && !options_.tls_private_key) return;
        if (!options_.tls_certificate || !options_.tls_private_key) {
            throw std::runtime_error("TLS needs both a certificate and a private key");
        }
        tls_.emplace(ssl::context::tls_server);
        tls_->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                          ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        boost::system::error_code ec;
        tls_->use_certificate_chain_file(options_.tls_certificate->string(), ec);
        if (ec) throw std::runtime_error("cannot load TLS certificate " + options_.tls_certificate->string() + ": " +
                                         ec.message());
        tls_->use_private_key_file(options_.tls_private_key->string(), ssl::context::pem, ec);
        if (ec) throw std::runtime_error("cannot load TLS private key " + options_.tls_private_key->string() + ": " +
                                         ec.message());
    }

    std::uint16_t bind() {
        boost::system::error_code ec;
        const auto address = asio::ip::make_address(options_.address, ec);
        if (ec) throw std::runtime_error("invalid listen address '" + options_.address + "'");
        const tcp::endpoint endpoint{address, options_.port};
        acceptor_.emplace(control_);
        acceptor_->open(endpoint.protocol(), ec);
        if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec) acceptor_->bind(endpoint, ec);
        if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
        if (ec) {
            throw std::runtime_error("cannot listen on " + options_.address + ":" + std::to_string(options_.port) +
                                     ": " + ec.message());
        }
        return acceptor_->local_endpoint().port();
    }

    asio::awaitable<void> accept_loop() {
        for (;;) {
            auto [ec, socket] = co_await acceptor_->async_accept(asio::make_strand(ioc_), as_tuple(asio::use_awaitable));
            if (ec) {
                if (stopping_ || ec == asio::error::operation_aborted) co_return;
                log::warn("server", "accept failed", {{"error", ec.message()}});
                continue;
            }
            if (stopping_) co_return;
            if (connections_.load() >= options_.limits.max_connections) {
                log::warn("server", "connection limit reached, answering 503");
                spawn_busy_reply(std::move(socket), options_.limits.write_timeout);
                continue;
            }
            connections_.fetch_add(1);
            if (tls_) {
                start_tls_session(std::move(socket), *tls_, *this);
            } else {
                start_plain_session(std::move(socket), *this);
            }
        }
    }

    void begin_shutdown() {
        if (stopping_.exchange(true)) return;
        log::info("server", "shutting down", {{"grace_ms", std::to_string(options_.shutdown_grace.count())}});
        boost::system::error_code ignored;
        if (acceptor_) acceptor_->close(ignored);
        if (signals_) signals_->cancel(ignored);
        for (const auto& s : live_sessions()) s->shutdown(false);
        grace_timer_.emplace(control_, options_.shutdown_grace);
        grace_timer_->async_wait([this](boost::system::error_code ec) {
            if (ec) return;
            log::warn("server", "grace period over, closing remaining connections",
                      {{"connections", std::to_string(connections_.load())}});
            for (const auto& s : live_sessions()) s->shutdown(true);
        });
        maybe_finish_shutdown();
    }

    void maybe_finish_shutdown() {
        if (!stopping_ || connections_.load() != 0) return;
        if (grace_timer_) grace_timer_->cancel();
        work_.reset();  // run() returns once the remaining handlers are done
    }

    std::vector<std::shared_ptr<SessionBase>> live_sessions() {
        const std::lock_guard lock(sessions_mutex_);
        std::vector<std::shared_ptr<SessionBase>> live;
        std::erase_if(sessions_, [&](const std::weak_ptr<SessionBase>& w) {
            auto s = w.lock();
            if (s) live.push_back(std::move(s));
            return !s;
        });
        return live;
    }
};

HttpServer::HttpServer(ServerOptions options, Router router)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router))) {}

HttpServer::~HttpServer() {
    stop();
    wait();
}

std::uint16_t HttpServer::bind() {
    if (!impl_->acceptor_) {
        impl_->load_tls();
        impl_->bind();
    }
    return impl_->acceptor_->local_endpoint().port();
}

Router& HttpServer::routes() { return impl_->router_; }

std::uint16_t HttpServer::start() {
    if (impl_->started_) throw std::logic_error("server already started");
    const auto port = bind();
    impl_->started_ = true;
    impl_->work_.emplace(impl_->ioc_.get_executor());
    asio::co_spawn(impl_->control_, impl_->accept_loop(), [](const std::exception_ptr& e) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            log::error("server", "accept loop failed", {{"error", ex.what()}});
        }
    });
    for (int i = 0; i < std::max(1, impl_->options_.io_threads); ++i) {
        impl_->threads_.emplace_back([this] { impl_->ioc_.run(); });
    }
    log::info("server", "listening",
              {{"address", impl_->options_.address}, {"port", std::to_string(port)}, {"tls", impl_->tls_ ? "on" : "off"}});
    return port;
}

void HttpServer::stop() {
    if (!impl_->started_) return;
    asio::post(impl_->control_, [impl = impl_.get()] { impl->begin_shutdown(); });
}

void HttpServer::wait() {
    if (!impl_->started_ || impl_->joined_) return;
    for (auto& t : impl_->threads_) t.join();
    impl_->workers_.join();
    impl_->joined_ = true;
    log::info("server", "stopped");
}

void HttpServer::stop_on_signals() {
    asio::post(impl_->control_, [impl = impl_.get()] {
        impl->signals_.emplace(impl->control_, SIGINT, SIGTERM);
        impl->signals_->async_wait([impl](boost::system::error_code ec, int signal) {
            if (ec) return;
            log::info("server", "signal received", {{"signal", std::to_string(signal)}});
            impl->begin_shutdown();
        });
    });
}

std::size_t HttpServer::active_connections() const { return impl_->connections_.load(); }

}  // namespace advocacy::server
