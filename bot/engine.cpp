// The engine's front door: upsert the sender, dispatch the event by kind, and run the scheduled jobs.
#include "bot/engine.hpp"

#include <mutex>

#include "bot/engine/context.hpp"
#include "bot/engine/events/events.hpp"
#include "bot/engine/links.hpp"
#include "bot/engine/messages/onboarding_message.hpp"
#include "bot/engine/messages/text.hpp"
#include "bot/engine/request.hpp"
#include "bot/engine/scheduler/scheduler.hpp"
#include "bot/engine/sighting.hpp"
#include "bot/log/log.hpp"

namespace advocacy {

struct Engine::Impl {
    Impl(const config::Config& config, storage::Database& db, Clock& clock, RandomSource& random)
        : ctx(config, db, clock, random), channels(ctx), planner(ctx), leaderboard(ctx) {}

    engine::Context ctx;
    std::mutex tick_mutex;  // one tick at a time: a delivery is never sent by two ticks
    engine::ChannelSync channels;
    engine::PushPlanner planner;
    engine::LeaderboardPoster leaderboard;
};

Engine::Engine(const config::Config& config, storage::Database& db, Clock& clock, RandomSource& random)
    : impl_(std::make_unique<Impl>(config, db, clock, random)) {}

Engine::~Engine() = default;

Reply Engine::handle(const Event& event) {
    engine::Context& ctx = impl_->ctx;
    storage::UpsertedUser upserted;
    try {
        upserted = ctx.users.upsert(engine::sighting_of(event, ctx.config), ctx.now());
    } catch (const std::exception& e) {
        // Disk full, read-only file...: nothing this event would do can be saved; say so instead of failing blindly.
        log::error("engine", "user not saved", {{"error", e.what()}});
        Reply reply;
        const i18n::Lang lang = i18n::pick_lang(event.user.locale.value_or(""), ctx.config.program.default_locale);
        reply.messages.push_back(engine::private_message(i18n::tr(lang, "error.storage")));
        return reply;
    }
    if (!event.conversation.is_direct && !event.conversation.conversation_id.empty()) {
        ctx.users.note_channel(upserted.user.id, event.conversation.conversation_id);
    }
    engine::Request request{ctx,
                            event,
                            upserted.user,
                            ctx.lang_of(upserted.user),
                            ctx.program(upserted.user.workspace_id),
                            upserted.created};

    Reply reply = std::visit([&](const auto& kind) { return engine::on_event(request, kind); }, event.kind);
    if (upserted.created && !std::holds_alternative<UserJoined>(event.kind)) {
        reply.messages.insert(reply.messages.begin(), engine::onboarding_message(request.lang, upserted.user.display_name));
    }
    return reply;
}

std::optional<LinkRedirect> Engine::follow_link(char kind, std::string_view token, std::string_view user_agent) {
    return engine::follow_link(impl_->ctx, kind, token, user_agent);
}

namespace {

// One failing step (e.g. a busy database while planning) must not keep the others from running.
template <typename Step>
void run_step(std::string_view name, Step&& step) {
    try {
        step();
    } catch (const std::exception& e) {
        log::error("engine", "scheduled step failed", {{"step", name}, {"error", e.what()}});
    }
}

}  // namespace

void Engine::request_stop() { impl_->ctx.stopping = true; }

void Engine::tick(Outbox& outbox) {
    if (impl_->ctx.stopping) return;
    std::lock_guard lock(impl_->tick_mutex);
    run_step("sync channel members", [&] { impl_->channels.run(); });
    {
        // New deliveries go out as soon as each planned batch is committed, then every other unsent one.
        engine::PushSender pushes(impl_->ctx, outbox);
        run_step("plan pushes", [&] { impl_->planner.run(&pushes); });
        run_step("send pushes", [&] {
            pushes.send_unsent();
            pushes.finish();
        });
    }
    run_step("leaderboard", [&] { impl_->leaderboard.run(outbox); });
}

void Engine::set_channel_directory(Platform platform, ChannelDirectory* directory) {
    std::lock_guard lock(impl_->tick_mutex);
    impl_->channels.set_directory(platform, directory);
}

}  // namespace advocacy
