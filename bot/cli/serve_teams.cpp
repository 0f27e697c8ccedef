// The Teams platform of `serve`: the outgoing HTTP client, the Bot Framework's signing keys and token validator,
// the bot's own token, the Bot Connector client with Teams' rate limits, the outbox, the adapter on /api/messages,
// and the "teams" readiness check (the bot obtained its token).
#include <atomic>
#include <future>
#include <memory>
#include <string>

#include "adapters/teams/stack.hpp"
#include "bot/work_queue.hpp"
#include "bot/cli/platform_runtime.hpp"
#include "bot/log/log.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::cli {

namespace {

class TeamsRuntime final : public PlatformRuntime {
public:
    explicit TeamsRuntime(ServeContext& ctx) : config_(ctx.config) {
        client_ = std::make_unique<net::HttpClient>();
        teams_ = std::make_unique<teams::TeamsStack>(config_, ctx.engine, ctx.db, ctx.clock, *client_);
        check_token();
        teams::add_teams_routes(ctx.routes, teams_->adapter);
        // The first request should not wait for the signing keys: fetch them now (a failure is retried on demand).
        background_.post([keys = teams_->keys.get()] {
            if (!keys->refresh()) log::warn("serve", "Bot Framework signing keys not fetched yet; retried on demand");
        });
        ctx.readiness.push_back({"teams", [this] { return ready(); }});
    }

    Platform platform() const override { return Platform::teams; }
    Outbox& outbox() override { return *teams_->outbox; }
    std::string describe() const override {
        return "Teams messaging endpoint at " + config_.server.public_base_url + std::string(teams::kMessagesPath);
    }
    void shutdown(std::chrono::milliseconds drain_budget) override {
        if (!teams_->adapter->drain(drain_budget)) log::warn("serve", "Teams follow-ups still queued at exit");
        background_.drain(drain_budget);
    }

private:
    // Wrong credentials are a configuration error; an unreachable token endpoint is not (/readyz says so).
    void check_token() {
        auto answer = std::async(std::launch::async, [tokens = teams_->tokens.get()] { return tokens->token(); });
        if (answer.wait_for(std::chrono::seconds(15)) != std::future_status::ready) {
            log::warn("serve", "the Teams token endpoint did not answer yet; starting anyway");
            pending_start_check_ = std::move(answer);
            return;
        }
        const auto token = answer.get();
        ready_->store(token.token.has_value());
        if (token.permanent) {
            throw StartupError("the token endpoint rejected the Teams app credentials (" + token.error + "), check " +
                               "[teams] app_id, tenant_id and " + config_.teams.app_password.source());
        }
        if (!token.token) log::warn("serve", "Teams bot token not obtained yet", {{"error", token.error}});
    }

    // Not ready yet: each /readyz asks again in the background, one fetch at a time.
    bool ready() {
        if (!ready_->load() && !asking_->exchange(true)) {
            background_.post([tokens = teams_->tokens.get(), ready = ready_, asking = asking_] {
                ready->store(tokens->token().token.has_value());
                asking->store(false);
            });
        }
        return ready_->load();
    }

    const config::Config& config_;
    std::shared_ptr<std::atomic<bool>> ready_ = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> asking_ = std::make_shared<std::atomic<bool>>(false);
    // Declaration order is destruction order in reverse: the Teams parts go before the client they use.
    std::unique_ptr<net::HttpClient> client_;
    std::unique_ptr<teams::TeamsStack> teams_;
    std::future<teams::BotTokenResult> pending_start_check_;
    WorkQueue background_{"teams", 1};
};

}  // namespace

std::unique_ptr<PlatformRuntime> start_teams(ServeContext& ctx) {
    if (!ctx.config.teams.enabled) return nullptr;
    return std::make_unique<TeamsRuntime>(ctx);
}

}  // namespace advocacy::cli
