#include "adapters/slack/outbox.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "adapters/slack/block_kit.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack {

namespace json = boost::json;

namespace {

std::string string_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

std::string dm_channel_of(const ApiResult& r) {
    const auto* channel = r.reply.if_contains("channel");
    if (!channel || !channel->is_object()) return {};
    return string_at(channel->as_object(), "id");
}

SendResult failure(std::string error, bool permanent = false) {
    return SendResult{false, {}, std::move(error), permanent};
}

}  // namespace

std::optional<MessageRef> parse_message_ref(std::string_view ref) {
    const auto colon = ref.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == ref.size()) return std::nullopt;
    return MessageRef{std::string(ref.substr(0, colon)), std::string(ref.substr(colon + 1))};
}

bool is_user_id(std::string_view id) { return !id.empty() && (id.front() == 'U' || id.front() == 'W'); }

json::object post_args(const std::string& channel, const Message& message) {
    json::object args = render_message(message);
    args["channel"] = channel;
    // A content push is the card itself: no link previews under it.
    args["unfurl_links"] = false;
    args["unfurl_media"] = false;
    return args;
}

SlackOutbox::SlackOutbox(WebApi& api, std::size_t max_concurrent_sends, std::size_t dm_cache_capacity)
    : api_(api), max_concurrent_sends_(std::max<std::size_t>(1, max_concurrent_sends)), dm_cache_capacity_(dm_cache_capacity) {}

std::optional<std::string> SlackOutbox::cached_dm(const std::string& user) {
    const std::lock_guard lock(mutex_);
    const auto it = dm_channels_.find(user);
    if (it == dm_channels_.end()) return std::nullopt;
    return it->second;
}

void SlackOutbox::remember_dm(const std::string& user, const std::string& channel) {
    const std::lock_guard lock(mutex_);
    if (dm_channels_.size() >= dm_cache_capacity_) dm_channels_.clear();  // rare; conversations.open is idempotent
    dm_channels_[user] = channel;
}

SendResult SlackOutbox::posted(const ApiResult& r) {
    if (!r.ok) return failure(r.error, r.permanent());
    const std::string channel = string_at(r.reply, "channel");
    const std::string ts = string_at(r.reply, "ts");
    if (channel.empty() || ts.empty()) return failure("invalid_reply");
    return SendResult{true, MessageRef{channel, ts}.str(), {}};
}

SendResult SlackOutbox::send(const Conversation& to, const Message& message) {
    if (to.platform != Platform::slack) return failure("not a Slack conversation");
    if (to.conversation_id.empty()) return failure("no conversation");
    std::string channel = to.conversation_id;
    if (is_user_id(channel)) {
        if (auto cached = cached_dm(channel)) {
            channel = *cached;
        } else {
            const ApiResult opened = api_.call("conversations.open", json::object{{"users", channel}});
            const std::string dm = opened.ok ? dm_channel_of(opened) : std::string{};
            if (dm.empty()) {
                log::warn("slack", "conversations.open failed", {{"error", opened.error}});
                return failure(opened.error.empty() ? "invalid_reply" : opened.error, opened.permanent());
            }
            remember_dm(channel, dm);
            channel = dm;
        }
    }
    const SendResult result = posted(api_.call("chat.postMessage", post_args(channel, message)));
    if (!result.ok) log::warn("slack", "chat.postMessage failed", {{"error", result.error}});
    return result;
}

SendResult SlackOutbox::update(const MessageRef& ref, const Message& message) {
    json::object args = render_message(message);
    args["channel"] = ref.channel;
    args["ts"] = ref.ts;
    const ApiResult r = api_.call("chat.update", args);
    if (!r.ok) return failure(r.error);
    return SendResult{true, ref.str(), {}};
}

void SlackOutbox::send_async(const Conversation& to, const Message& message, std::function<void(SendResult)> done) {
    const auto finish = [done = std::move(done)](SendResult r) {
        if (!r.ok) log::warn("slack", "message not delivered", {{"error", r.error}});
        if (done) done(std::move(r));
    };
    if (to.platform != Platform::slack || to.conversation_id.empty()) return finish(failure("not a Slack conversation"));
    const std::string& target = to.conversation_id;
    // Rendered here, on the caller's thread: the callbacks below run on the HTTP client's only thread.
    json::object args = post_args(target, message);
    const auto post = [this, finish](json::object args) {
        api_.call_async("chat.postMessage", args, [finish](ApiResult r) { finish(posted(r)); });
    };
    if (!is_user_id(target)) return post(std::move(args));
    if (auto cached = cached_dm(target)) {
        args["channel"] = *cached;
        return post(std::move(args));
    }
    api_.call_async("conversations.open", json::object{{"users", target}},
                    [this, target, args = std::move(args), post, finish](ApiResult opened) mutable {
                        const std::string dm = opened.ok ? dm_channel_of(opened) : std::string{};
                        if (dm.empty()) {
                            return finish(failure(opened.error.empty() ? "invalid_reply" : opened.error,
                                                  opened.permanent()));
                        }
                        remember_dm(target, dm);
                        args["channel"] = dm;
                        post(std::move(args));
                    });
}

}  // namespace advocacy::slack
