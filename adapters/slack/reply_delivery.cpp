#include "adapters/slack/reply_delivery.hpp"

#include <boost/json.hpp>

#include <functional>
#include <list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "adapters/slack/block_kit.hpp"
#include "adapters/slack/packed_message.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack {

// The remaining steps of one reply; each step calls `next` when its call has completed (whatever the outcome).
struct ReplyDelivery::Chain {
    std::vector<std::function<void(std::function<void()> next)>> steps;
    std::size_t position = 0;
};

// One follow-up call waiting for (or holding) a slot of its lane.
struct ReplyDelivery::Followup {
    std::string target;                          // "<channel>:<ts>" (chat.update) or the response_url
    std::string packed;                          // pack_message(); emptied once the call has started
    std::vector<std::function<void()>> waiters;  // the chains this call carries on (several once replaced)
};

struct ReplyDelivery::Lane {
    Lane(std::string name, bool replaces) : name(std::move(name)), replaces(replaces) {}
    std::string name;  // the call, for logs
    bool replaces;     // chat.update: a newer update of a waiting target replaces it; one call per target at a time
    std::list<std::shared_ptr<Followup>> waiting;  // in arrival order
    std::unordered_map<std::string_view, Followup*> waiting_by_target;  // views of Followup::target
    std::unordered_set<std::string> busy;           // targets with a call in flight
    std::size_t sending = 0;                        // calls handed to the HTTP client, not completed
};

namespace {

void log_failure(std::string_view what, const ApiResult& r) {
    if (!r.ok) log::warn("slack", "reply not delivered", {{"call", what}, {"error", r.error}});
}

}  // namespace

ReplyDelivery::ReplyDelivery(WebApi& api, SlackOutbox& outbox, ReplyDeliveryOptions options)
    : api_(api),
      outbox_(outbox),
      options_(options),
      updates_(std::make_unique<Lane>("chat.update", true)),
      responses_(std::make_unique<Lane>("response_url", false)) {
    if (options_.max_in_flight_per_lane == 0) options_.max_in_flight_per_lane = 1;
}

ReplyDelivery::~ReplyDelivery() {
    if (!drain(std::chrono::seconds(10))) log::warn("slack", "replies still in flight at shutdown");
}

void ReplyDelivery::deliver(Reply reply, ReplyOrigin origin) {
    auto chain = std::make_shared<Chain>();
    const auto o = std::make_shared<const ReplyOrigin>(std::move(origin));
    // Each step owns its Message and renders it when its call starts (a queued follow-up holds it packed, not a
    // rendered card: a few KB of JSON values and its serialized request).
    for (auto& message : reply.messages) {
        if (message.replace_original && o->clicked && !o->clicked_is_ephemeral) {
            chain->steps.push_back([this, o, m = std::move(message)](std::function<void()> next) {
                enqueue(*updates_, o->clicked->str(), m, std::move(next));
            });
        } else if ((message.replace_original || message.ephemeral) && !o->response_url.empty()) {
            chain->steps.push_back([this, o, m = std::move(message)](std::function<void()> next) {
                enqueue(*responses_, o->response_url, m, std::move(next));
            });
        } else if (message.ephemeral && !o->direct && !o->user.empty()) {
            chain->steps.push_back([this, o, m = std::move(message)](std::function<void()> next) {
                auto args = render_message(m);
                args["channel"] = o->channel;
                args["user"] = o->user;
                api_.call_async("chat.postEphemeral", args,
                                [next](ApiResult r) { log_failure("chat.postEphemeral", r); next(); });
            });
        } else {
            chain->steps.push_back([this, o, m = std::move(message)](std::function<void()> next) {
                api_.call_async("chat.postMessage", post_args(o->channel, m),
                                [next](ApiResult r) { log_failure("chat.postMessage", r); next(); });
            });
        }
    }
    for (auto& n : reply.notifications) {
        chain->steps.push_back([this, n = std::move(n)](std::function<void()> next) {
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
    // Moved out: what the step holds (its Message) is freed once its call has been queued, not with the chain.
    const auto current = std::move(chain->steps[chain->position++]);
    try {
        current([this, chain] { step(chain); });
    } catch (const std::exception& e) {
        // The task boundary of a follow-up: log it and go on with the next step.
        log::error("slack", "reply step failed", {{"error", e.what()}});
        step(chain);
    }
}

void ReplyDelivery::enqueue(Lane& lane, std::string target, const Message& message, std::function<void()> next) {
    std::string packed = pack_message(message);
    std::unique_lock lock(mutex_);
    if (lane.replaces) {
        if (const auto it = lane.waiting_by_target.find(target); it != lane.waiting_by_target.end()) {
            // Not sent yet: the newer state of the same message replaces it; both chains go on after this call.
            it->second->packed.swap(packed);
            it->second->waiters.push_back(std::move(next));
            ++coalesced_;
            lock.unlock();  // the replaced packing is freed outside the lock
            return;
        }
    }
    auto followup = std::make_shared<Followup>();
    followup->target = std::move(target);
    followup->packed = std::move(packed);
    followup->waiters.push_back(std::move(next));
    if (lane.replaces) lane.waiting_by_target.emplace(followup->target, followup.get());
    lane.waiting.push_back(std::move(followup));
    start_ready(lane, lock);
}

// Hands the HTTP client what fits in the lane's slots, oldest first, skipping a message whose previous update is
// still in flight (at most one waiting follow-up per such message, so at most max_in_flight_per_lane are skipped).
// Called locked; returns unlocked.
void ReplyDelivery::start_ready(Lane& lane, std::unique_lock<std::mutex>& lock) {
    std::vector<std::shared_ptr<Followup>> ready;
    for (auto it = lane.waiting.begin(); it != lane.waiting.end() && lane.sending < options_.max_in_flight_per_lane;) {
        const auto& f = *it;
        if (lane.replaces && lane.busy.contains(f->target)) {
            ++it;
            continue;
        }
        if (lane.replaces) {
            lane.waiting_by_target.erase(f->target);
            lane.busy.insert(f->target);
        }
        ++lane.sending;
        ready.push_back(f);
        it = lane.waiting.erase(it);
    }
    lock.unlock();
    for (auto& f : ready) {
        auto complete = [this, &lane, f](const ApiResult& r) {
            log_failure(lane.name, r);
            std::unique_lock relock(mutex_);
            --lane.sending;
            if (lane.replaces) lane.busy.erase(f->target);
            const auto waiters = std::move(f->waiters);
            start_ready(lane, relock);
            for (const auto& next : waiters) next();
        };
        try {
            send(lane, *f, [complete](ApiResult r) { complete(r); });
        } catch (const std::exception& e) {
            ApiResult failed;
            failed.error = e.what();
            complete(failed);
        }
    }
}

void ReplyDelivery::send(const Lane& lane, Followup& followup, std::function<void(ApiResult)> done) {
    const Message m = unpack_message(std::exchange(followup.packed, {}));  // the packing is freed here
    auto body = render_message(m);
    if (lane.replaces) {
        const auto ref = parse_message_ref(followup.target);
        if (!ref) throw std::runtime_error("not a message reference: " + followup.target);
        body["channel"] = ref->channel;
        body["ts"] = ref->ts;
        api_.call_async("chat.update", body, std::move(done));
    } else {
        body["replace_original"] = m.replace_original;
        if (!m.replace_original) body["response_type"] = "ephemeral";
        api_.post_response_url(followup.target, body, std::move(done));
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

std::size_t ReplyDelivery::waiting() const {
    const std::lock_guard lock(mutex_);
    return updates_->waiting.size() + responses_->waiting.size();
}

std::size_t ReplyDelivery::coalesced() const {
    const std::lock_guard lock(mutex_);
    return coalesced_;
}

}  // namespace advocacy::slack
