#include "bot/engine/request.hpp"

namespace advocacy::engine {

LocalDate Request::today() const { return local_date(ctx.now(), zone()); }

std::string Request::week() const { return iso_week_key(ctx.now(), program.zone()); }

void Request::audit(const std::string& action, const std::string& detail) const {
    ctx.audit.append(user.workspace_id, user.id, action, detail, ctx.now());
}

}  // namespace advocacy::engine
