// `advocacy-bot serve CONFIG`: the bot in production. The HTTP server with the core routes and the enabled adapters
// (Slack in HTTP mode), the engine on the configured SQLite file, and the scheduler loop for daily pushes and the
// weekly leaderboard. SIGINT/SIGTERM stop it gracefully: in-flight requests finish, queued Slack follow-ups drain,
// the database writer drains, exit 0.
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "adapters/slack/adapter.hpp"
#include "adapters/slack/channel_directory.hpp"
#include "adapters/slack/outbox.hpp"
#include "adapters/slack/web_api.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/app/scheduler_loop.hpp"
#include "bot/app/server_options_from_config.hpp"
#include "bot/cli/subcommands.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/log/log.hpp"
#include "bot/net/http_client.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"
#include "storage/users.hpp"

namespace advocacy::cli {

namespace {

// Sends bot-initiated messages to the adapter of the conversation's platform.
class PlatformOutbox final : public Outbox {
public:
    explicit PlatformOutbox(Outbox* slack) : slack_(slack) {}
    SendResult send(const Conversation& to, const Message& message) override {
        if (to.platform == Platform::slack && slack_) return slack_->send(to, message);
        return SendResult{false, {}, "platform not enabled: " + std::string(to_string(to.platform))};
    }
    // The fan-out width of the platforms behind it (one platform today).
    std::size_t max_concurrent_sends() const override { return slack_ ? slack_->max_concurrent_sends() : 1; }

private:
    Outbox* slack_;
};

// app_home_opened is first contact only for someone the bot has not heard from yet.
std::function<bool(const UserIdentity&)> unknown_user(storage::Database& db) {
    return [&db](const UserIdentity& who) {
        storage::Users users(db);
        for (const auto& ws : users.workspaces()) {
            if (ws.platform == to_string(who.platform) && ws.external_id == who.workspace_id) {
                // Known only from a channel's member list: never heard from, so still a first contact.
                const auto user = users.find_by_platform_id(ws.id, who.user_id);
                return !user || !user->contacted;
            }
        }
        return true;
    };
}

}  // namespace

int serve(const Context& ctx) {
    if (ctx.args.size() != 1) {
        ctx.err << "usage: advocacy-bot serve CONFIG_FILE\n";
        return 2;
    }
    auto loaded = config::load_config(std::string(ctx.args[0]), ctx.env);
    for (const auto& d : loaded.diagnostics) ctx.err << d.str() << '\n';
    if (!loaded.config) return 1;
    const config::Config config = std::move(*loaded.config);
    if (config.slack.enabled && config.slack.mode == config::SlackMode::socket) {
        ctx.err << "advocacy-bot serve: [slack] mode = \"socket\" is not available yet; use mode = \"http\"\n";
        return 1;
    }
    if (config.teams.enabled) log::warn("serve", "the Teams adapter is not available yet: [teams] is ignored");

    auto http = std::make_unique<server::HttpServer>(server_options_from(config));
    http->bind();
    const auto db = storage::Database::open(config.storage.database);
    SystemClock clock;
    SecureRandom random;
    Engine engine(config, *db, clock, random);

    std::vector<ReadinessCheck> readiness{database_writable(*db)};
    std::unique_ptr<net::HttpClient> client;
    std::unique_ptr<slack::WebApi> slack_api;
    std::unique_ptr<slack::SlackOutbox> slack_outbox;
    std::shared_ptr<slack::SlackAdapter> slack_adapter;
    std::shared_ptr<slack::SlackChannelDirectory> slack_channels;
    auto slack_ready = std::make_shared<std::atomic<bool>>(false);
    if (config.slack.enabled) {
        client = std::make_unique<net::HttpClient>();
        slack_api = std::make_unique<slack::WebApi>(*client, config.slack.api_base_url, config.slack.bot_token.value());
        // "#channel" audiences: members from conversations.members; auth.test tells the bot's own id to leave out.
        slack_channels = std::make_shared<slack::SlackChannelDirectory>(*slack_api);
        // The token is checked at start: a revoked or mistyped token is a configuration error. Slack being
        // unreachable is not: the check goes on in the background (retried by the client) and /readyz says so.
        auto checked = std::make_shared<std::promise<slack::ApiResult>>();
        auto answer = checked->get_future();
        slack_api->call_async("auth.test", {}, [checked, slack_ready, slack_channels](slack::ApiResult r) {
            slack_ready->store(r.ok);
            slack_channels->identify_from(r);
            if (!r.ok) log::warn("serve", "Slack auth.test failed", {{"error", r.error}});
            checked->set_value(std::move(r));
        });
        if (answer.wait_for(std::chrono::seconds(15)) == std::future_status::ready) {
            const auto auth = answer.get();
            if (auth.permanent()) {
                ctx.err << "advocacy-bot serve: Slack rejected the bot token (" << auth.error << "), check "
                        << config.slack.bot_token.source() << '\n';
                return 1;
            }
        } else {
            log::warn("serve", "Slack did not answer auth.test yet; starting anyway");
        }
        slack_outbox = std::make_unique<slack::SlackOutbox>(*slack_api);
        slack::AdapterOptions options;
        options.first_contact = unknown_user(*db);
        slack_adapter = std::make_shared<slack::SlackAdapter>(config, engine, clock, *slack_api, *slack_outbox,
                                                              std::move(options));
        slack::add_slack_routes(http->routes(), slack_adapter);
        engine.set_channel_directory(Platform::slack, slack_channels.get());
        // Not ready yet (Slack was unreachable at start): each /readyz asks again, one auth.test at a time.
        auto asking = std::make_shared<std::atomic<bool>>(false);
        readiness.push_back({"slack", [slack_ready, asking, slack_channels, api = slack_api.get()] {
                                 if (!slack_ready->load() && !asking->exchange(true)) {
                                     api->call_async("auth.test", {}, [slack_ready, asking, slack_channels](slack::ApiResult r) {
                                         slack_ready->store(r.ok);
                                         slack_channels->identify_from(r);
                                         asking->store(false);
                                     });
                                 }
                                 return slack_ready->load();
                             }});
    }
    add_core_routes(http->routes(), engine, std::move(readiness));

    PlatformOutbox outbox(slack_outbox.get());
    const auto port = http->start();
    http->stop_on_signals();
    SchedulerLoop scheduler(engine, outbox, std::chrono::seconds(30));
    log::info("serve", "listening", {{"address", config.server.listen_address}, {"port", std::to_string(port)},
                                      {"public_url", config.server.public_base_url}});
    ctx.out << "advocacy-bot serve: listening on " << config.server.listen_address << ":" << port
            << (config.slack.enabled ? " (Slack events at " + config.server.public_base_url + "/slack/events)" : "")
            << std::endl;
    http->wait();
    scheduler.stop();
    if (slack_adapter && !slack_adapter->drain(std::chrono::seconds(10))) {
        log::warn("serve", "Slack follow-ups still queued at exit");
    }
    http.reset();  // releases the routes (and the adapter) before the client they use
    slack_adapter.reset();
    ctx.out << "advocacy-bot serve: stopped" << std::endl;
    return 0;
}

}  // namespace advocacy::cli
