#pragma once
// What users did with content, and the points ledger. Each record is one write transaction (group-committed).
#include <optional>
#include <string>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

// Everything a recording call needs besides the interaction itself.
struct PointsContext {
    Id workspace_id = 0;
    std::string week;  // ISO week key in the program time zone, e.g. "2026-W48"
    int points = 0;
};

enum class RecordOutcome { recorded, already_recorded };

class Interactions {
public:
    explicit Interactions(Database& db) : db_(db) {}

    // Unique per (user, content): a repeat writes nothing and answers already_recorded.
    // On `recorded` the share and its points are durably committed when this returns.
    RecordOutcome record_share(Id user_id, Id content_id, std::optional<Id> delivery_id, const PointsContext& points,
                               Timestamp at);
    // Unique per (user, content) too; no points.
    RecordOutcome record_skip(Id user_id, Id content_id, std::optional<Id> delivery_id, Timestamp at);
    void record_why(Id user_id, Id content_id, std::optional<Id> delivery_id, Timestamp at);

    // A click through a tracked link (already resolved; crawlers are filtered out by the caller). The user and
    // content come from the token's delivery. Intent clicks never earn points; post clicks earn `points.points`
    // each until the delivery's owner has `cap` points from clicks on that content.
    void record_click(const LinkToken& token, const PointsContext& points, int cap, Timestamp at);

    bool has_shared(Id user_id, Id content_id);
    bool has_skipped(Id user_id, Id content_id);

private:
    Database& db_;
};

}  // namespace advocacy::storage
