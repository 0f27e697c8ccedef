#pragma once
// Deliveries (content x user) and the tracked-link tokens minted with them.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

struct NewDelivery {
    Id content_id = 0;
    Id user_id = 0;
    Id campaign_id = 0;
    Date local_date{};
    std::vector<LinkToken> tokens;  // delivery_id is filled in by create()
};

class Deliveries {
public:
    explicit Deliveries(Database& db) : db_(db) {}

    // Inserts the delivery and its tokens atomically. Returns nullopt, writing nothing, when the user already has a
    // delivery of this content, or of this campaign on that local day (so a push is never sent twice).
    std::optional<Delivery> create(const NewDelivery& d);

    std::optional<Delivery> find(Id id);
    std::optional<Delivery> find_for(Id user_id, Id content_id);
    std::optional<Delivery> find_by_platform_ref(const std::string& ref);
    // Deliveries of `campaign` to `user` with local_date in [from, to].
    std::vector<Delivery> for_user_between(Id user_id, Id campaign_id, Date from, Date to);
    // Deliveries still pending or failed with attempts < max_attempts (to send or retry).
    std::vector<Delivery> unsent(int max_attempts);

    void mark_sent(Id id, const std::string& platform_ref, Timestamp at);
    void mark_failed(Id id, const std::string& error);  // attempts += 1; retried while attempts < max_attempts
    // A failure that retrying cannot fix (user gone, item expired): failed, never returned by unsent() again.
    void give_up(Id id, const std::string& error);

    std::vector<LinkToken> tokens_for(Id delivery_id);
    std::optional<LinkToken> resolve_token(const std::string& token);

private:
    Database& db_;
};

}  // namespace advocacy::storage
