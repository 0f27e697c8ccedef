// The Slack platform of `serve`: the Web API client, the outbox, the adapter (HTTP mode: on /slack/events; Socket
// Mode: fed by the Socket Mode client, no route and no signing secret), the channel directory for "#channel"
// audiences, and the readiness checks "slack" (auth.test) and, in Socket Mode, "slack_socket" (a link is open).
#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <string>

#include "adapters/slack/adapter.hpp"
#include "adapters/slack/channel_directory.hpp"
#include "adapters/slack/outbox.hpp"
#include "adapters/slack/socket_mode/socket_mode_client.hpp"
#include "adapters/slack/web_api.hpp"
#include "bot/cli/platform_runtime.hpp"
#include "bot/log/log.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::cli {

namespace {

class SlackRuntime final : public PlatformRuntime {
public:
    explicit SlackRuntime(ServeContext& ctx) : config_(ctx.config) {
        const auto& slack = config_.slack;
        const auto per_method = static_cast<std::size_t>(slack.max_in_flight_per_method);
        client_ = std::make_unique<net::HttpClient>(slack::client_options(per_method));
        api_ = std::make_unique<slack::WebApi>(*client_, slack.api_base_url, slack.bot_token.value());
        // "#channel" audiences: members from conversations.members; auth.test tells the bot's own id to leave out.
        channels_ = std::make_shared<slack::SlackChannelDirectory>(*api_);
        check_token();
        outbox_ = std::make_unique<slack::SlackOutbox>(*api_, slack::fan_out_window(per_method));
        slack::AdapterOptions options;
        options.first_contact = unknown_user(ctx.db);
        adapter_ = std::make_shared<slack::SlackAdapter>(config_, ctx.engine, ctx.clock, *api_, *outbox_,
                                                         std::move(options));
        ctx.engine.set_channel_directory(Platform::slack, channels_.get());
        engine_ = &ctx.engine;
        ctx.readiness.push_back({"slack", [this] { return ready(); }});
        if (slack.mode == config::SlackMode::socket) {
            start_socket_mode(ctx);
        } else {
            slack::add_slack_routes(ctx.routes, adapter_);
        }
    }

    ~SlackRuntime() override {
        if (engine_) engine_->set_channel_directory(Platform::slack, nullptr);
    }

    Platform platform() const override { return Platform::slack; }
    Outbox& outbox() override { return *outbox_; }
    std::string describe() const override {
        if (socket_) {
            return "Slack Socket Mode, " + std::to_string(config_.slack.socket_connections) +
                   " connection(s) (GET /readyz: slack_socket)";
        }
        return "Slack events at " + config_.server.public_base_url + std::string(slack::kEventsPath);
    }
    void shutdown(std::chrono::milliseconds drain_budget) override {
        // Envelopes in hand are answered first; then the follow-ups they queued go out.
        if (socket_) socket_->stop(drain_budget);
        if (adapter_ && !adapter_->drain(drain_budget)) log::warn("serve", "Slack follow-ups still queued at exit");
    }

private:
    // Socket Mode: the same adapter, fed by envelopes instead of requests.
    void start_socket_mode(ServeContext& ctx) {
        slack::socket_mode::SocketModeOptions options;
        options.connections = config_.slack.socket_connections;
        options.workers = std::max<std::size_t>(1, config_.server.worker_threads);
        socket_ = std::make_unique<slack::socket_mode::SocketModeClient>(
            *client_, config_.slack.api_base_url, config_.slack.app_token.value(),
            [adapter = adapter_](std::string_view type, boost::json::object payload, int retry, std::string_view why) {
                return adapter->handle_envelope(type, std::move(payload), retry, why);
            },
            options);
        ctx.readiness.push_back({"slack_socket", [this] { return socket_->status().ready(); }});
        socket_->start();
    }

    // The token is checked at start: a revoked or mistyped token is a configuration error. Slack being unreachable
    // is not: the check goes on in the background (retried by the client) and /readyz says so.
    void check_token() {
        auto checked = std::make_shared<std::promise<slack::ApiResult>>();
        auto answer = checked->get_future();
        api_->call_async("auth.test", {}, [checked, ready = ready_, channels = channels_](slack::ApiResult r) {
            ready->store(r.ok);
            channels->identify_from(r);
            if (!r.ok) log::warn("serve", "Slack auth.test failed", {{"error", r.error}});
            checked->set_value(std::move(r));
        });
        if (answer.wait_for(std::chrono::seconds(15)) != std::future_status::ready) {
            log::warn("serve", "Slack did not answer auth.test yet; starting anyway");
            return;
        }
        const auto auth = answer.get();
        if (auth.permanent()) {
            throw StartupError("Slack rejected the bot token (" + auth.error + "), check " +
                               config_.slack.bot_token.source());
        }
    }

    // Not ready yet (Slack was unreachable at start): each /readyz asks again, one auth.test at a time.
    bool ready() {
        if (!ready_->load() && !asking_->exchange(true)) {
            api_->call_async("auth.test", {},
                             [ready = ready_, asking = asking_, channels = channels_](slack::ApiResult r) {
                                 ready->store(r.ok);
                                 channels->identify_from(r);
                                 asking->store(false);
                             });
        }
        return ready_->load();
    }

    const config::Config& config_;
    Engine* engine_ = nullptr;
    std::shared_ptr<std::atomic<bool>> ready_ = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> asking_ = std::make_shared<std::atomic<bool>>(false);
    // Declaration order is destruction order in reverse: the adapter and outbox go before the API and its client.
    std::unique_ptr<net::HttpClient> client_;
    std::unique_ptr<slack::WebApi> api_;
    std::shared_ptr<slack::SlackChannelDirectory> channels_;
    std::unique_ptr<slack::SlackOutbox> outbox_;
    std::shared_ptr<slack::SlackAdapter> adapter_;
    std::unique_ptr<slack::socket_mode::SocketModeClient> socket_;  // stopped before the adapter goes
};

}  // namespace

std::unique_ptr<PlatformRuntime> start_slack(ServeContext& ctx) {
    if (!ctx.config.slack.enabled) return nullptr;
    return std::make_unique<SlackRuntime>(ctx);
}

}  // namespace advocacy::cli
