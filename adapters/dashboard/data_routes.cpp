#include "adapters/dashboard/data_routes.hpp"

#include <boost/json.hpp>

#include <sstream>

#include "adapters/dashboard/http_helpers.hpp"
#include "adapters/dashboard/period.hpp"
#include "adapters/dashboard/summary.hpp"
#include "bot/calendar.hpp"
#include "config/values.hpp"
#include "storage/export.hpp"

namespace advocacy::dashboard {

namespace {

server::HttpResponse json_error(int status, std::string_view message) {
    return secured(server::HttpResponse::json(status, boost::json::serialize(boost::json::object{{"error", message}})));
}

server::HttpResponse text_error(int status, std::string message) {
    return secured(server::HttpResponse::text(status, std::move(message) + "\n"));
}

// The period of the request in the workspace's program time zone, or the reason it is not one.
struct ResolvedPeriod {
    std::optional<LocalPeriod> period;
    std::string error;
    const date::time_zone* zone = nullptr;
    engine::ProgramSettings program;
};

ResolvedPeriod resolve(State& s, storage::Id workspace_id, const std::optional<std::map<std::string, std::string>>& query) {
    ResolvedPeriod out;
    out.program = s.ctx.program(workspace_id);
    out.zone = out.program.zone();
    if (!query) {
        out.error = "malformed query string";
        return out;
    }
    auto parsed = period_from_query(*query, local_date(s.clock.now(), out.zone));
    if (auto* e = std::get_if<PeriodError>(&parsed))
        out.error = e->message;
    else
        out.period = std::get<LocalPeriod>(parsed);
    return out;
}

server::HttpResponse summary(State& s, const server::HttpRequest& request) {
    const auto session = s.session_of(request);
    if (!session) return json_error(401, "unauthorized");
    const auto resolved = resolve(s, session->workspace_id, query_parameters(request.query));
    if (!resolved.period) return json_error(400, resolved.error);
    SummaryScope scope;
    scope.workspace_id = session->workspace_id;
    scope.period = *resolved.period;
    scope.zone = resolved.zone;
    scope.time_zone = std::string(resolved.zone->name());
    scope.current_week = iso_week_key(s.clock.now(), resolved.zone);
    scope.leaderboard_size = resolved.program.leaderboard_size;
    return secured(server::HttpResponse::json(200, summary_json(s.db, s.config.dashboard, scope)));
}

server::HttpResponse export_csv(State& s, const server::HttpRequest& request) {
    const auto session = s.session_of(request);
    if (!session) return text_error(401, "unauthorized: type /advocacy dashboard in chat to sign in again");
    const auto query = query_parameters(request.query);
    const auto resolved = resolve(s, session->workspace_id, query);
    if (!resolved.period) return text_error(400, resolved.error);
    const auto kind_param = query->find("kind");
    const auto kind = kind_param == query->end() ? std::nullopt : storage::export_kind_from_string(kind_param->second);
    if (!kind) return text_error(400, "kind must be shares, deliveries or interactions");

    std::ostringstream csv;
    storage::export_csv(s.db, *kind, session->workspace_id, resolved.period->instants(resolved.zone), csv);
    server::HttpResponse r{200, "text/csv; charset=utf-8", std::move(csv).str(), {}};
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"advocacy-" +
                                                      std::string(storage::to_string(*kind)) + "-" +
                                                      config::format_date(resolved.period->from) + "-" +
                                                      config::format_date(resolved.period->to) + ".csv\"");
    return secured(std::move(r));
}

}  // namespace

void add_data_routes(server::Router& router, const std::shared_ptr<State>& state) {
    router.add("GET", "/admin/api/summary", [state](const server::HttpRequest& r) { return summary(*state, r); });
    router.add("GET", "/admin/export.csv", [state](const server::HttpRequest& r) { return export_csv(*state, r); });
}

}  // namespace advocacy::dashboard
