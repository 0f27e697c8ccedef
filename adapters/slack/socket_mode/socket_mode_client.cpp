#include "adapters/slack/socket_mode/socket_mode_client.hpp"

#include <algorithm>
#include <random>

#include "bot/log/log.hpp"
#include "bot/metrics/metrics.hpp"
#include "bot/net/retry_schedule.hpp"

namespace advocacy::slack::socket_mode {

using std::chrono::milliseconds;

struct SocketModeClient::Sync {
    std::mutex mutex;
    std::condition_variable changed;
};

// One WebSocket to Slack. Fields are guarded by Sync::mutex; `ws` is set before any of its callbacks proceed.
struct SocketModeClient::Link {
    int slot = 0;
    int serial = 0;
    std::shared_ptr<net::WebSocketConnection> ws;
    bool hello = false;
    bool closed = false;
    std::string disconnect;    // the reason of Slack's `disconnect` frame
    std::string close_reason;  // why it ended
    int in_flight = 0;         // envelopes received and not yet acked
};

namespace {
std::string ms(milliseconds d) { return std::to_string(d.count()); }
}  // namespace

std::string SocketModeStatus::describe() const {
    if (link_disabled) return "Slack disabled the Socket Mode link (link_disabled)";
    std::string out = std::to_string(connected) + " of " + std::to_string(wanted) + " Socket Mode connections open";
    if (connected < wanted && !last_error.empty()) out += " (last error: " + last_error + ")";
    return out;
}

SocketModeClient::SocketModeClient(net::HttpClient& http, std::string api_base_url, std::string app_token,
                                   PayloadHandler handler, SocketModeOptions options)
    : options_(std::move(options)),
      sync_(std::make_shared<Sync>()),
      opener_(http, std::move(api_base_url), std::move(app_token)),
      envelopes_(std::move(handler), options_.workers),
      sockets_(std::make_unique<net::WebSocketClient>(options_.socket)) {
    options_.connections = std::clamp(options_.connections, 1, 10);
}

SocketModeClient::~SocketModeClient() { stop(); }

void SocketModeClient::start() {
    for (int i = 0; i < options_.connections; ++i) slots_.emplace_back([this, i] { run_slot(i); });
}

void SocketModeClient::stop(milliseconds drain) {
    {
        const std::lock_guard lock(sync_->mutex);
        if (stopped_) return;
        stopped_ = stopping_ = true;
    }
    sync_->changed.notify_all();
    for (auto& t : slots_) t.join();
    // Envelopes in hand are answered on their links before the links go.
    if (!envelopes_.drain(drain)) log::warn("slack", "Socket Mode envelopes still being handled at exit");
    std::unique_lock lock(sync_->mutex);
    for (const auto& link : links_) link->ws->close();
    sync_->changed.wait_for(lock, options_.socket.close_timeout + milliseconds(500), [this] { return links_.empty(); });
}

SocketModeStatus SocketModeClient::status_locked() const {
    SocketModeStatus s;
    s.wanted = options_.connections;
    s.link_disabled = link_disabled_;
    s.last_error = last_error_;
    for (const auto& link : links_) s.connected += link->hello && !link->closed;
    return s;
}

SocketModeStatus SocketModeClient::status() const {
    const std::lock_guard lock(sync_->mutex);
    return status_locked();
}

bool SocketModeClient::wait_for(const std::function<bool(const SocketModeStatus&)>& pred,
                                milliseconds timeout) const {
    std::unique_lock lock(sync_->mutex);
    return sync_->changed.wait_for(lock, timeout, [&] { return pred(status_locked()); });
}

void SocketModeClient::run_slot(int slot) {
    int failures = 0;
    std::shared_ptr<Link> retiring;  // the link being replaced, closed once its successor said hello
    for (;;) {
        std::string url;
        if (!fetch_url(slot, failures, url)) return;
        const auto link = connect(slot, url);
        std::unique_lock lock(sync_->mutex);
        sync_->changed.wait_for(lock, options_.hello_timeout, [&] { return halted() || link->hello || link->closed; });
        if (halted()) return;
        if (!link->hello) {
            const std::string why = link->closed ? link->close_reason : "no hello within " + ms(options_.hello_timeout) + " ms";
            lock.unlock();
            link->ws->close();
            if (!back_off(slot, failures, "Socket Mode connection failed", why)) return;
            continue;
        }
        failures = 0;
        if (retiring) {
            lock.unlock();
            retire(retiring);
            retiring.reset();
            lock.lock();
        }
        sync_->changed.wait(lock, [&] { return halted() || link->closed || !link->disconnect.empty(); });
        if (stopping_) return;
        if (link->disconnect == "link_disabled" || link_disabled_) {
            if (!link_disabled_) {
                link_disabled_ = true;
                log::error("slack",
                           "Slack disabled Socket Mode for this app (link_disabled): turn Socket Mode on in the app "
                           "settings (or use mode = \"http\"), then restart advocacy-bot");
                for (const auto& l : links_) l->ws->close();
                sync_->changed.notify_all();
            }
            return;
        }
        if (!link->closed) {
            // warning / refresh_requested: the next turn opens the replacement, then closes this one.
            log::info("slack", "Socket Mode link to be replaced", {{"slot", std::to_string(slot)}, {"reason", link->disconnect}});
            retiring = link;
            continue;
        }
        last_error_ = link->close_reason;
        log::warn("slack", "Socket Mode link lost, reconnecting",
                  {{"slot", std::to_string(slot)}, {"reason", link->close_reason}});
    }
}

bool SocketModeClient::fetch_url(int slot, int& failures, std::string& url) {
    for (;;) {
        auto answer = std::make_shared<std::optional<OpenedUrl>>();
        opener_.open([sync = sync_, answer](OpenedUrl r) {
            {
                const std::lock_guard lock(sync->mutex);
                *answer = std::move(r);
            }
            sync->changed.notify_all();
        });
        std::unique_lock lock(sync_->mutex);
        sync_->changed.wait(lock, [&] { return halted() || answer->has_value(); });
        if (halted()) return false;
        if ((*answer)->ok) {
            url = (*answer)->url;
            return true;
        }
        std::string error = (*answer)->error;
        if ((*answer)->permanent) error += " (check the app-level token and its connections:write scope)";
        lock.unlock();
        if (!back_off(slot, failures, "apps.connections.open failed", error)) return false;
    }
}

bool SocketModeClient::back_off(int slot, int& failures, std::string_view what, const std::string& error) {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    ++failures;
    net::RetryPolicy policy;
    policy.base_delay = options_.backoff_base;
    policy.max_delay = options_.backoff_max;
    const milliseconds delay = net::full_jitter(net::backoff_cap(policy, failures), rng);
    log::warn("slack", what,
              {{"slot", std::to_string(slot)}, {"error", error}, {"failures", std::to_string(failures)},
               {"retry_in_ms", ms(delay)}});
    std::unique_lock lock(sync_->mutex);
    last_error_ = error;
    sync_->changed.notify_all();
    return !sync_->changed.wait_for(lock, delay, [this] { return halted(); });
}

std::shared_ptr<SocketModeClient::Link> SocketModeClient::connect(int slot, const std::string& url) {
    auto link = std::make_shared<Link>();
    link->slot = slot;
    net::WebSocketHandlers handlers;
    handlers.on_message = [this, link](std::string text) { on_text(link, std::move(text)); };
    handlers.on_close = [this, link](const net::WebSocketClosed& closed) {
        {
            const std::lock_guard lock(sync_->mutex);
            link->closed = true;
            link->close_reason = closed.reason;
            links_.erase(std::remove(links_.begin(), links_.end(), link), links_.end());
            metrics::set_slack_socket_connections(status_locked().connected);
        }
        sync_->changed.notify_all();
        log::info("slack", "Socket Mode link closed",
                  {{"link", std::to_string(link->serial)}, {"reason", closed.reason}});
    };
    // Held while connecting: the callbacks wait for `ws` to be set.
    const std::lock_guard lock(sync_->mutex);
    link->serial = ++serial_;
    links_.push_back(link);
    link->ws = sockets_->connect(url, std::move(handlers));
    return link;
}

void SocketModeClient::on_text(const std::shared_ptr<Link>& link, std::string text) {
    auto parsed = parse_frame(text);
    if (!parsed.frame) {
        log::warn("slack", "unreadable Socket Mode frame", {{"error", parsed.error}});
        return;
    }
    if (auto* hello = std::get_if<Hello>(&*parsed.frame)) {
        {
            const std::lock_guard lock(sync_->mutex);
            link->hello = true;
            last_error_.clear();
            metrics::set_slack_socket_connections(status_locked().connected);
        }
        sync_->changed.notify_all();
        log::info("slack", "Socket Mode link open",
                  {{"link", std::to_string(link->serial)}, {"num_connections", std::to_string(hello->num_connections)}});
    } else if (auto* bye = std::get_if<Disconnect>(&*parsed.frame)) {
        {
            const std::lock_guard lock(sync_->mutex);
            link->disconnect = bye->reason.empty() ? "unspecified" : bye->reason;
        }
        sync_->changed.notify_all();
        log::info("slack", "Socket Mode disconnect", {{"link", std::to_string(link->serial)}, {"reason", bye->reason}});
    } else if (auto* envelope = std::get_if<Envelope>(&*parsed.frame)) {
        {
            const std::lock_guard lock(sync_->mutex);
            if (halted()) return;  // not acked: Slack delivers it again elsewhere
            ++link->in_flight;
        }
        envelopes_.on_envelope(std::move(*envelope), [sync = sync_, link](std::optional<std::string> ack) {
            if (ack) link->ws->send(std::move(*ack));
            {
                const std::lock_guard lock(sync->mutex);
                --link->in_flight;
            }
            sync->changed.notify_all();
        });
    } else {
        log::debug("slack", "Socket Mode frame ignored", {{"type", std::get<OtherFrame>(*parsed.frame).type}});
    }
}

void SocketModeClient::retire(const std::shared_ptr<Link>& old) {
    std::unique_lock lock(sync_->mutex);
    sync_->changed.wait_for(lock, options_.handover_grace, [&] { return old->in_flight == 0 || old->closed; });
    lock.unlock();
    old->ws->close();
    log::info("slack", "Socket Mode link handed over", {{"link", std::to_string(old->serial)}});
}

}  // namespace advocacy::slack::socket_mode
