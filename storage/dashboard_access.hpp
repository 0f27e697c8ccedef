#pragma once
// The admin dashboard's sign-in links and sessions (schema v8). A sign-in link carries a random nonce that is
// recorded when the link is issued and spent when it is followed: a link works once, until it expires. A session is
// kept as the SHA-256 of its cookie value (the value itself is never stored), bound to one admin of one workspace.
#include <optional>
#include <string>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

struct DashboardSession {
    Id user_id = 0;
    Id workspace_id = 0;
    Timestamp expires_at{};
};

class DashboardAccess {
public:
    explicit DashboardAccess(Database& db) : db_(db) {}

    // Records an issued link's nonce (durable when this returns). Also deletes links and sessions that expired
    // more than a day ago, so the tables stay small.
    void record_link(const std::string& nonce, Id user_id, Timestamp expires_at, Timestamp now);
    // Spends the nonce: true exactly once per recorded, unexpired nonce (`now` < expires_at); false when unknown,
    // expired or already spent.
    bool spend_link(const std::string& nonce, Timestamp now);

    // Stores a session under `token_hash` (hex SHA-256 of the cookie value).
    void create_session(const std::string& token_hash, Id user_id, Id workspace_id, Timestamp expires_at);
    // The session when it exists, has not expired and its user still exists and is still an admin.
    std::optional<DashboardSession> find_session(const std::string& token_hash, Timestamp now);
    void delete_session(const std::string& token_hash);

private:
    Database& db_;
};

}  // namespace advocacy::storage
