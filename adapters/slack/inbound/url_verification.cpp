// {"type":"url_verification","challenge":"..."}: Slack checking the endpoint when the URL is saved. Echo it.
#include <boost/json.hpp>

#include "adapters/slack/inbound/inbound.hpp"

namespace advocacy::slack::inbound {

server::HttpResponse url_verification(Services&, const Request& r) {
    const auto* challenge = string_at(r.body, "challenge");
    if (!challenge || challenge->empty() || challenge->size() > 1024) return malformed("missing challenge");
    return server::HttpResponse::json(200, boost::json::serialize(boost::json::object{{"challenge", *challenge}}));
}

}  // namespace advocacy::slack::inbound
