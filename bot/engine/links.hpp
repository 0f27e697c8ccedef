#pragma once
// /r/<token> and /s/<token>: record the click, answer where to redirect.
#include <optional>
#include <string_view>

#include "bot/engine.hpp"
#include "bot/engine/context.hpp"

namespace advocacy::engine {

std::optional<LinkRedirect> follow_link(Context& ctx, char kind, std::string_view token, std::string_view user_agent);

}  // namespace advocacy::engine
