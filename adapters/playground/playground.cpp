#include "adapters/playground/playground.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "adapters/playground/demo_users.hpp"
#include "adapters/playground/message_json.hpp"
#include "bot/log/log.hpp"

namespace advocacy::playground {

namespace json = boost::json;

struct Playground::Entry {
    std::string id;
    std::string conversation;
    std::string visible_to;  // the only user who sees it (DMs, ephemeral notes); empty: everyone in the channel
    json::object frame;      // the "message" object sent to browsers
};

struct Playground::Session {
    std::string user;  // empty until hello
    std::weak_ptr<server::WsConnection> connection;
};

namespace {

std::string dm_of(std::string_view user) { return "dm:" + std::string(user); }

// "dm:amelie" -> "amelie"; the channel has no owner.
std::string owner_of(const std::string& conversation) {
    return conversation.rfind("dm:", 0) == 0 ? conversation.substr(3) : std::string{};
}

std::string error_frame(std::string_view message) {
    return json::serialize(json::object{{"type", "error"}, {"error", message}});
}

const json::string* string_field(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v ? v->if_string() : nullptr;
}

UserIdentity identity_of(const DemoUser& u) {
    return UserIdentity{Platform::playground,    std::string(kWorkspace), std::string(u.id), std::string(u.name),
                        std::string(u.locale), std::string(u.time_zone)};
}

// Text typed in the playground: "/advocacy ..." is the slash command, anything else is a message to the bot.
EventKind event_for_text(std::string_view text) {
    constexpr std::string_view kSlash = "/advocacy";
    if (text.rfind(kSlash, 0) == 0 && (text.size() == kSlash.size() || text[kSlash.size()] == ' ')) {
        auto rest = text.substr(kSlash.size());
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        return CommandInvoked{std::string(rest)};
    }
    return TextMessage{std::string(text)};
}

}  // namespace

Playground::Playground(Engine& engine, std::size_t history_limit) : engine_(engine), history_limit_(history_limit) {}

Playground::~Playground() = default;

void Playground::on_open(const std::shared_ptr<server::WsConnection>& c, const server::HttpRequest&) {
    {
        const std::lock_guard lock(mutex_);
        sessions_[c.get()] = Session{{}, c};
    }
    json::array users;
    for (const auto& u : demo_users()) {
        users.push_back(json::object{{"id", u.id},           {"name", u.name}, {"locale", u.locale},
                                     {"time_zone", u.time_zone}, {"group", u.group}, {"admin", u.admin}});
    }
    c->send(json::serialize(json::object{{"type", "identities"}, {"users", std::move(users)}}));
}

void Playground::on_close(const std::shared_ptr<server::WsConnection>& c) {
    const std::lock_guard lock(mutex_);
    sessions_.erase(c.get());
}

void Playground::on_message(const std::shared_ptr<server::WsConnection>& c, const std::string& text) {
    try {
        handle_frame(c, text);
    } catch (const std::exception& e) {
        // The task boundary for one browser frame: log, tell the page, keep the connection.
        log::error("playground", "frame failed", {{"error", e.what()}});
        c->send(error_frame("internal error"));
    }
}

void Playground::handle_frame(const std::shared_ptr<server::WsConnection>& c, const std::string& text) {
    boost::system::error_code ec;
    const json::value parsed = json::parse(text, ec);
    if (ec || !parsed.is_object()) return c->send(error_frame("expected a JSON object"));
    const auto& frame = parsed.as_object();
    const auto* type = string_field(frame, "type");
    if (!type) return c->send(error_frame("missing \"type\""));

    if (*type == "hello") {
        const auto* user = string_field(frame, "user");
        const DemoUser* demo = user ? find_demo_user(*user) : nullptr;
        if (!demo) return c->send(error_frame("unknown user"));
        {
            const std::lock_guard lock(mutex_);
            sessions_[c.get()].user = std::string(demo->id);
        }
        send_history(c, std::string(demo->id));
        return;
    }

    std::string user;
    {
        const std::lock_guard lock(mutex_);
        user = sessions_[c.get()].user;
    }
    const DemoUser* demo = find_demo_user(user);
    if (!demo) return c->send(error_frame("say hello with a user first"));

    Event event{identity_of(*demo), {}, TextMessage{}};
    std::string conversation = dm_of(user);
    std::string clicked;
    if (*type == "text") {
        const auto* body = string_field(frame, "text");
        const auto* where = string_field(frame, "conversation");
        if (!body || body->empty()) return c->send(error_frame("missing \"text\""));
        if (where && *where == kChannel) conversation = std::string(kChannel);
        post(conversation, user, nullptr, std::string(*body), owner_of(conversation), {});
        event.kind = event_for_text(*body);
    } else if (*type == "action" || *type == "reaction") {
        const auto* message_id = string_field(frame, "message_id");
        if (!message_id) return c->send(error_frame("missing \"message_id\""));
        clicked = std::string(*message_id);
        {
            const std::lock_guard lock(mutex_);
            for (const auto& [conv, entries] : history_) {
                if (std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == clicked; })) {
                    conversation = conv;
                }
            }
        }
        if (*type == "reaction") {
            event.kind = SharedByReaction{clicked};
        } else {
            const auto* action_id = string_field(frame, "action_id");
            const auto* value = string_field(frame, "value");
            if (!action_id) return c->send(error_frame("missing \"action_id\""));
            event.kind = ButtonClicked{std::string(*action_id), value ? std::string(*value) : std::string{}, clicked};
        }
    } else {
        return c->send(error_frame("unknown frame type"));
    }
    event.conversation = Conversation{Platform::playground, std::string(kWorkspace), conversation,
                                      conversation != kChannel};
    const Reply reply = engine_.handle(event);
    deliver_reply(user, conversation, reply, clicked);
}

void Playground::deliver_reply(const std::string& viewer, const std::string& conversation, const Reply& reply,
                               const std::string& clicked_message_id) {
    for (const auto& message : reply.messages) {
        const bool private_note = message.ephemeral || conversation != kChannel;
        const std::string replaces = message.replace_original ? clicked_message_id : std::string{};
        post(conversation, "bot", &message, {}, private_note ? viewer : std::string{}, replaces);
    }
    for (const auto& n : reply.notifications) send(n.to, n.message);
}

SendResult Playground::send(const Conversation& to, const Message& message) {
    std::string conversation = to.conversation_id;
    if (conversation != kChannel && conversation.rfind("dm:", 0) != 0) conversation = dm_of(conversation);
    const std::string id = post(conversation, "bot", &message, {}, owner_of(conversation), {});
    return SendResult{true, id, {}};
}

std::string Playground::post(const std::string& conversation, std::string from, const Message* message,
                             std::string text, const std::string& visible_to, const std::string& replaces) {
    Entry entry;
    entry.conversation = conversation;
    entry.visible_to = visible_to;
    {
        const std::lock_guard lock(mutex_);
        auto& entries = history_[conversation];
        const auto existing = replaces.empty() ? entries.end()
                                               : std::find_if(entries.begin(), entries.end(),
                                                              [&](const Entry& e) { return e.id == replaces; });
        entry.id = existing != entries.end() ? replaces : "m" + std::to_string(next_id_++);
        entry.frame = json::object{{"id", entry.id}, {"from", from}, {"conversation", conversation}};
        if (message) {
            entry.frame["body"] = message_to_json(*message);
        } else {
            entry.frame["text"] = std::move(text);
        }
        if (existing != entries.end()) {
            entry.frame["replaces"] = replaces;
            existing->frame = entry.frame;
        } else {
            entries.push_back(entry);
            if (entries.size() > history_limit_) entries.erase(entries.begin());
        }
    }
    broadcast(entry);
    return entry.id;
}

void Playground::broadcast(const Entry& entry) {
    const std::string frame = json::serialize(json::object{{"type", "message"}, {"message", entry.frame}});
    std::vector<std::shared_ptr<server::WsConnection>> targets;
    {
        const std::lock_guard lock(mutex_);
        for (const auto& [ptr, session] : sessions_) {
            if (session.user.empty()) continue;
            if (!entry.visible_to.empty() && entry.visible_to != session.user) continue;
            if (auto c = session.connection.lock()) targets.push_back(std::move(c));
        }
    }
    for (const auto& c : targets) c->send(frame);
}

void Playground::send_history(const std::shared_ptr<server::WsConnection>& c, const std::string& user) {
    json::array dm, channel;
    {
        const std::lock_guard lock(mutex_);
        for (const auto& e : history_[dm_of(user)]) dm.push_back(e.frame);
        for (const auto& e : history_[std::string(kChannel)]) {
            if (e.visible_to.empty() || e.visible_to == user) channel.push_back(e.frame);
        }
    }
    c->send(json::serialize(json::object{{"type", "history"}, {"user", user}, {"dm", std::move(dm)},
                                         {"channel", std::move(channel)}}));
}

}  // namespace advocacy::playground
