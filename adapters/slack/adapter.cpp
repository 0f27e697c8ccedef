#include "adapters/slack/adapter.hpp"

#include "adapters/slack/inbound/inbound.hpp"
#include "bot/log/log.hpp"

namespace advocacy::slack {

SlackAdapter::SlackAdapter(const config::Config& config, Engine& engine, const Clock& clock, WebApi& api,
                           SlackOutbox& outbox, AdapterOptions options)
    : config_(config),
      engine_(engine),
      verifier_(config.slack.signing_secret.empty()
                    ? std::nullopt
                    : std::optional<SignatureVerifier>(std::in_place, config.slack.signing_secret.value(), clock)),
      dedupe_(clock),
      api_(api),
      outbox_(outbox),
      delivery_(api, outbox),
      options_(std::move(options)),
      users_(options_.lookup_users ? std::make_unique<UserDirectory>(api, clock) : nullptr) {}

SlackAdapter::~SlackAdapter() = default;

template <class F>
server::HttpResponse SlackAdapter::with_services(F&& f) {
    inbound::Services services{config_, engine_, dedupe_, delivery_, outbox_, options_, api_.base_url(), users_.get(), &api_};
    return f(services);
}

server::HttpResponse SlackAdapter::handle(const server::HttpRequest& request) {
    // Nothing is parsed before the signature is known to be Slack's (no secret: nothing is ever accepted).
    const auto check = !verifier_ ? SignatureCheck::mismatch
                                  : verifier_->verify(request.header("X-Slack-Request-Timestamp"),
                                                      request.header("X-Slack-Signature"), request.body);
    if (check != SignatureCheck::ok) {
        log::warn("slack", "request rejected", {{"reason", to_string(check)}, {"remote", request.remote_address}});
        auto r = server::HttpResponse::text(401, "invalid request signature\n");
        r.headers.emplace_back("X-Slack-No-Retry", "1");
        return r;
    }
    return with_services([&](inbound::Services& s) { return inbound::dispatch(s, request); });
}

server::HttpResponse SlackAdapter::handle_envelope(std::string_view type, boost::json::object payload,
                                                   int retry_attempt, std::string_view retry_reason) {
    return with_services([&](inbound::Services& s) {
        return inbound::dispatch_envelope(s, type, std::move(payload), retry_attempt, retry_reason);
    });
}

void add_slack_routes(server::Router& router, const std::shared_ptr<SlackAdapter>& adapter) {
    router.add("POST", std::string(kEventsPath),
               [adapter](const server::HttpRequest& request) { return adapter->handle(request); },
               server::RouteOptions{adapter->options().body_limit});
}

}  // namespace advocacy::slack
