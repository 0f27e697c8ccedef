// First contact and reactions.
#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/events/events.hpp"
#include "bot/engine/messages/onboarding_message.hpp"

namespace advocacy::engine {

// engine.cpp already prepends the onboarding message for a user seen for the first time; an explicit
// UserJoined (app home opened, install) from a known user shows it again.
Reply on_event(Request& r, const UserJoined&) {
    Reply reply;
    reply.messages.push_back(onboarding_message(r.lang, r.user.display_name));
    return reply;
}

Reply on_event(Request& r, const SharedByReaction& e) {
    const auto delivery = r.ctx.deliveries.find_by_platform_ref(e.message_ref);
    // Only the person the content was sent to can confirm their own share.
    if (!delivery || delivery->user_id != r.user.id) return {};
    return share_content(r, delivery->content_id, AnswerStyle::new_message);
}

}  // namespace advocacy::engine
