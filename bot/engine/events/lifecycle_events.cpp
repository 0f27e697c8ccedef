// First contact and reactions.
#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/events/events.hpp"
#include "bot/engine/messages/onboarding_message.hpp"

namespace advocacy::engine {

// First contact (install, first DM, App Home opened) gets the onboarding message once; platforms report these
// events again and again (every App Home visit), and a known user is not onboarded twice.
Reply on_event(Request& r, const UserJoined&) {
    Reply reply;
    if (r.first_contact) reply.messages.push_back(onboarding_message(r.lang, r.user.display_name));
    return reply;
}

Reply on_event(Request& r, const SharedByReaction& e) {
    const auto delivery = r.ctx.deliveries.find_by_platform_ref(e.message_ref);
    // Only the person the content was sent to can confirm their own share.
    if (!delivery || delivery->user_id != r.user.id) return {};
    return share_content(r, delivery->content_id, AnswerStyle::new_message);
}

}  // namespace advocacy::engine
