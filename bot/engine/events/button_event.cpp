// The one routing table for button action ids.
#include <map>
#include <string_view>

#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/events/events.hpp"
#include "bot/engine/messages/content_message.hpp"

namespace advocacy::engine {

namespace {

using ButtonHandler = Reply (*)(Request&, const ButtonClicked&);

Reply on_shared(Request& r, const ButtonClicked& e) {
    const auto id = parse_id(e.value);
    return id ? share_content(r, *id, AnswerStyle::update_card) : Reply{};
}

Reply on_why(Request& r, const ButtonClicked& e) {
    const auto id = parse_id(e.value);
    return id ? explain_content(r, *id) : Reply{};
}

Reply on_skip(Request& r, const ButtonClicked& e) {
    const auto id = parse_id(e.value);
    return id ? skip_content(r, *id, AnswerStyle::update_card) : Reply{};
}

// A share URL button: the platform reports the click, but the /s/<token> redirect it opens is what counts (one
// intent per click), so this is acknowledged without a reply and without a record.
Reply on_share_link(Request&, const ButtonClicked&) { return {}; }

const std::map<std::string_view, ButtonHandler>& button_routes() {
    static const std::map<std::string_view, ButtonHandler> routes{
        {action_ids::shared, on_shared},
        {action_ids::why, on_why},
        {action_ids::skip, on_skip},
        {"advocacy_share_linkedin", on_share_link},
        {"advocacy_share_x", on_share_link},
        {"advocacy_share_facebook", on_share_link},
    };
    return routes;
}

}  // namespace

Reply on_event(Request& r, const ButtonClicked& e) {
    const auto& routes = button_routes();
    const auto it = routes.find(e.action_id);
    if (it == routes.end()) return {};  // a button of an older version: nothing to do
    return it->second(r, e);
}

}  // namespace advocacy::engine
