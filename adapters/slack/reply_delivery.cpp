#include "adapters/slack/reply_delivery.hpp"

#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "adapters/slack/block_kit.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack {

namespace json = boost::json;

// The remaining steps of one reply; each step calls `next` when its call has completed (whatever the outcome).
struct ReplyDelivery::Chain {
    std::vector<std::function<void(std::function<void()> next)>> steps;
    std::size_t position = 0;
};

namespace {

void log_failure(std::string_view what, const ApiResult& r) {
    if (!r.ok) log::warn("slack", "reply not delivered", {{"call", what}, {"error", r.error}});
}

}  // namespace

ReplyDelivery::~ReplyDelivery() {
    if (!drain(std::chrono::seconds(10))) log::warn("slack", "replies still in flight at shutdown");
}

void ReplyDelivery::deliver(const Reply& reply, ReplyOrigin origin) {
    auto chain = std::make_shared<Chain>();
    const auto o = std::make_shared<const ReplyOrigin>(std::move(origin));
    for (const auto& message : reply.messages) {
        // Rendered once and owned by its step (a card is a few KB of JSON: copying it per step cost more than
        // rendering it); the step adds its addressing fields in place, since it runs once.
        auto rendered = std::make_shared<json::object>(render_message(message));
        if (message.replace_original && o->clicked && !o->clicked_is_ephemeral) {
            chain->steps.push_back([this, o, rendered](std::function<void()> next) {
                (*rendered)["channel"] = o->clicked->channel;
                (*rendered)["ts"] = o->clicked->ts;
                api_.call_async("chat.update", *rendered, [next](ApiResult r) {
                    log_failure("chat.update", r);
                    next();
                });
            });
        } else if ((message.replace_original || message.ephemeral) && !o->response_url.empty()) {
            const bool replace = message.replace_original;
            chain->steps.push_back([this, o, rendered, replace](std::function<void()> next) {
                (*rendered)["replace_original"] = replace;
                if (!replace) (*rendered)["response_type"] = "ephemeral";
                api_.post_response_url(o->response_url, *rendered,
                                       [next](ApiResult r) { log_failure("response_url", r); next(); });
            });
        } else if (message.ephemeral && !o->direct && !o->user.empty()) {
            chain->steps.push_back([this, o, rendered](std::function<void()> next) {
                (*rendered)["channel"] = o->channel;
                (*rendered)["user"] = o->user;
                api_.call_async("chat.postEphemeral", *rendered,
                                [next](ApiResult r) { log_failure("chat.postEphemeral", r); next(); });
            });
        } else {
            chain->steps.push_back([this, o, message](std::function<void()> next) {
                api_.call_async("chat.postMessage", post_args(o->channel, message),
                                [next](ApiResult r) { log_failure("chat.postMessage", r); next(); });
            });
        }
    }
    for (const auto& n : reply.notifications) {
        chain->steps.push_back([this, n](std::function<void()> next) {
            outbox_.send_async(n.to, n.message, [next](const SendResult&) { next(); });
        });
    }
    if (chain->steps.empty()) return;
    {
        const std::lock_guard lock(mutex_);
        ++in_flight_;
    }
    step(chain);
}

void ReplyDelivery::step(const std::shared_ptr<Chain>& chain) {
    if (chain->position == chain->steps.size()) return finished();
    auto& current = chain->steps[chain->position++];
    try {
        current([this, chain] { step(chain); });
    } catch (const std::exception& e) {
        // The task boundary of a follow-up: log it and go on with the next step.
        log::error("slack", "reply step failed", {{"error", e.what()}});
        step(chain);
    }
}

void ReplyDelivery::finished() {
    const std::lock_guard lock(mutex_);
    --in_flight_;
    // Notified under the lock: as soon as drain() sees zero, the destructor may free idle_ (ThreadSanitizer saw
    // notify_all run on a destroyed condition variable when it was called after the unlock).
    idle_.notify_all();
}

bool ReplyDelivery::drain(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, timeout, [this] { return in_flight_ == 0; });
}

std::size_t ReplyDelivery::in_flight() const {
    const std::lock_guard lock(mutex_);
    return in_flight_;
}

}  // namespace advocacy::slack
