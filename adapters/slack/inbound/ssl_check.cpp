// ssl_check=1: Slack verifying the certificate of a slash command URL. 200, nothing else.
#include "adapters/slack/inbound/inbound.hpp"

namespace advocacy::slack::inbound {

server::HttpResponse ssl_check(Services&, const Request&) { return ack(); }

}  // namespace advocacy::slack::inbound
