// The Slack platform of `serve`: the Web API client, the outbox, the HTTP-mode adapter on /slack/events, the
// channel directory for "#channel" audiences, and the "slack" readiness check.
#include <atomic>
#include <future>
#include <memory>
#include <string>

#include "adapters/slack/adapter.hpp"
#include "adapters/slack/channel_directory.hpp"
#include "adapters/slack/outbox.hpp"
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
        if (slack.mode == config::SlackMode::socket) {
            throw StartupError("[slack] mode = \"socket\" is not available yet; use mode = \"http\"");
        }
        client_ = std::make_unique<net::HttpClient>();
        api_ = std::make_unique<slack::WebApi>(*client_, slack.api_base_url, slack.bot_token.value());
        // "#channel" audiences: members from conversations.members; auth.test tells the bot's own id to leave out.
        channels_ = std::make_shared<slack::SlackChannelDirectory>(*api_);
        check_token();
        outbox_ = std::make_unique<slack::SlackOutbox>(*api_);
        slack::AdapterOptions options;
        options.first_contact = unknown_user(ctx.db);
        adapter_ = std::make_shared<slack::SlackAdapter>(config_, ctx.engine, ctx.clock, *api_, *outbox_,
                                                         std::move(options));
        slack::add_slack_routes(ctx.routes, adapter_);
        ctx.engine.set_channel_directory(Platform::slack, channels_.get());
        engine_ = &ctx.engine;
        ctx.readiness.push_back({"slack", [this] { return ready(); }});
    }

    ~SlackRuntime() override {
        if (engine_) engine_->set_channel_directory(Platform::slack, nullptr);
    }

    Platform platform() const override { return Platform::slack; }
    Outbox& outbox() override { return *outbox_; }
    std::string describe() const override {
        return "Slack events at " + config_.server.public_base_url + std::string(slack::kEventsPath);
    }
    void shutdown(std::chrono::milliseconds drain_budget) override {
        if (adapter_ && !adapter_->drain(drain_budget)) log::warn("serve", "Slack follow-ups still queued at exit");
    }

private:
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
};

}  // namespace

std::unique_ptr<PlatformRuntime> start_slack(ServeContext& ctx) {
    if (!ctx.config.slack.enabled) return nullptr;
    return std::make_unique<SlackRuntime>(ctx);
}

}  // namespace advocacy::cli
