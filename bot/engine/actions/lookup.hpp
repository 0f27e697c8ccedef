#pragma once
// Finding things the requester refers to, limited to the requester's workspace.
#include <optional>

#include "bot/engine/request.hpp"

namespace advocacy::engine {

struct ContentInWorkspace {
    storage::Content content;
    storage::Campaign campaign;
};

std::optional<storage::Campaign> campaign_in_workspace(Request& r, storage::Id campaign_id);
std::optional<ContentInWorkspace> content_in_workspace(Request& r, storage::Id content_id);
// The content most recently delivered to the requester (any campaign of the workspace), if any.
std::optional<storage::Delivery> latest_delivery(Request& r);

// "42" -> 42; nullopt for anything else (the parser validated ids already; buttons carry raw values).
std::optional<storage::Id> parse_id(std::string_view text);

}  // namespace advocacy::engine
