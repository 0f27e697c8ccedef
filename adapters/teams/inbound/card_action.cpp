// invoke "adaptiveCard/action": an Action.Execute button of our cards. Teams waits for the answer in the HTTP
// response (an unanswered invoke shows the user an error): the updated card when the engine replaces the clicked
// one ("I shared it", "Skip"), else a short text, with the full answer ("Why share this?") posted after it.
#include <boost/json.hpp>

#include "adapters/teams/adaptive_card.hpp"
#include "adapters/teams/inbound/inbound.hpp"

namespace advocacy::teams::inbound {

namespace json = boost::json;

namespace {

server::HttpResponse invoke_response(json::object body) {
    body["statusCode"] = 200;
    return server::HttpResponse::json(200, json::serialize(body));
}

}  // namespace

server::HttpResponse card_action(Services& s, const Activity& a) {
    if (a.from.id.empty() || a.tenant_id.empty() || a.conversation_id.empty())
        return malformed("invoke needs from.id, a tenant and conversation.id");
    const json::object* action = nullptr;
    if (a.value) {
        if (const auto* v = a.value->if_contains("action")) action = v->if_object();
    }
    const json::object* data = nullptr;
    if (action) {
        if (const auto* d = action->if_contains("data")) data = d->if_object();
    }
    auto click = data ? button_of(*data, a) : std::nullopt;
    if (!click) {
        return server::HttpResponse::json(
            400, json::serialize(json::object{{"statusCode", 400},
                                              {"type", "application/vnd.microsoft.error"},
                                              {"value", {{"code", "BadRequest"}, {"message", "not one of our actions"}}}}));
    }
    Reply reply = s.engine.handle(Event{teams_user(a), teams_conversation(a), std::move(*click)});
    std::optional<json::object> card;
    std::string text;
    Reply rest;
    rest.notifications = std::move(reply.notifications);
    for (auto& m : reply.messages) {
        if (m.replace_original && !card) {
            card = fitted_card(m);
        } else {
            if (text.empty()) text = cut_text(m.fallback_text, 200);
            m.ephemeral = true;  // an answer to a click is the clicker's
            rest.messages.push_back(std::move(m));
        }
    }
    deliver(s, a, std::move(rest));
    if (card) return invoke_response({{"type", kCardContentType}, {"value", std::move(*card)}});
    return invoke_response({{"type", "application/vnd.microsoft.activity.message"}, {"value", text.empty() ? "OK" : text}});
}

}  // namespace advocacy::teams::inbound
