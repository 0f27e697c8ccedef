#pragma once
// The platform-neutral inbound event. Each adapter turns its wire format into exactly one of these.
#include <optional>
#include <string>
#include <variant>

#include "bot/model/identity.hpp"
#include "commands/markup.hpp"

namespace advocacy {

// `/advocacy <text>` on Slack, or the same words typed to the bot in Teams / the playground.
struct CommandInvoked {
    std::string text;  // everything after the command name, e.g. `campaign list`
    commands::Markup markup = commands::Markup::plain;
};

// An action button from one of our messages.
struct ButtonClicked {
    std::string action_id;  // advocacy_shared, advocacy_why, advocacy_skip, ...
    std::string value;      // usually the content id
    std::optional<std::string> message_ref;  // platform reference of the clicked message, when known
};

// Free text written to the bot ("why?", "pourquoi partager ça ?", "help").
struct TextMessage {
    std::string text;
    commands::Markup markup = commands::Markup::plain;
};

// First contact: the app was installed for the user, the user opened the bot's home, or joined the audience.
struct UserJoined {};

// The configured "I shared it" reaction (Slack emoji, Teams reaction) added to one of our content messages.
// The engine finds the delivery by the platform's reference of that message.
struct SharedByReaction {
    std::string message_ref;
};

using EventKind = std::variant<CommandInvoked, ButtonClicked, TextMessage, UserJoined, SharedByReaction>;

struct Event {
    UserIdentity user;
    Conversation conversation;  // where the event happened; replies go there
    EventKind kind;
};

}  // namespace advocacy
