#include "adapters/teams/adapter.hpp"

#include "adapters/teams/activity.hpp"
#include "adapters/teams/inbound/inbound.hpp"
#include "bot/log/log.hpp"

namespace advocacy::teams {

Authenticate authenticate_with(const TokenValidator& validator) {
    return [&validator](std::string_view authorization, std::string_view channel_id, std::string_view service_url) {
        return validator.validate(authorization, channel_id, service_url);
    };
}

TeamsAdapter::TeamsAdapter(const config::Config& config, Engine& engine, storage::Database& db, const Clock& clock,
                           Authenticate authenticate, TeamsOutbox& outbox, AdapterOptions options)
    : config_(config),
      engine_(engine),
      refs_(db),
      clock_(clock),
      authenticate_(std::move(authenticate)),
      outbox_(outbox),
      options_(options),
      follow_ups_("teams", options.follow_up_threads) {}

TeamsAdapter::~TeamsAdapter() = default;

server::HttpResponse TeamsAdapter::handle(const server::HttpRequest& request) {
    const ParsedActivity parsed = parse_activity(request.body);
    // Nothing is acted on before the token is known to be the Bot Framework's, for this channel and serviceUrl
    // (empty when the body is not JSON: the check then fails, and an authentic unreadable body gets 400 after it).
    if (const auto failure = authenticate_(request.header("Authorization"), parsed.channel_id, parsed.service_url)) {
        log::warn("teams", "request rejected",
                  {{"reason", to_string(failure->reason)}, {"detail", failure->detail}, {"remote", request.remote_address}});
        auto r = server::HttpResponse::text(failure->http_status(),
                                            failure->http_status() == 403 ? "forbidden\n" : "unauthorized\n");
        if (failure->http_status() == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
        return r;
    }
    if (!parsed.activity) {
        log::warn("teams", "malformed activity", {{"error", parsed.error}});
        return inbound::malformed(parsed.error);
    }
    inbound::Services services{config_, engine_, refs_, outbox_, follow_ups_, clock_};
    return inbound::dispatch(services, *parsed.activity);
}

void add_teams_routes(server::Router& router, const std::shared_ptr<TeamsAdapter>& adapter) {
    router.add("POST", std::string(kMessagesPath),
               [adapter](const server::HttpRequest& request) { return adapter->handle(request); },
               server::RouteOptions{adapter->options().body_limit});
}

}  // namespace advocacy::teams
