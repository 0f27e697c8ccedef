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

// The outcome of one send, for Deliveries::record.
struct SendOutcome {
    enum class Kind { sent, failed, gave_up };
    Id id = 0;
    Kind kind = Kind::sent;
    std::string detail;  // sent: the platform reference; failed, gave_up: the error
};

class Deliveries {
public:
    explicit Deliveries(Database& db) : db_(db) {}

    // Inserts the delivery and its tokens atomically. Returns nullopt, writing nothing, when the user already has a
    // delivery of this content, or of this campaign on that local day (so a push is never sent twice).
    std::optional<Delivery> create(const NewDelivery& d);
    // create() for each, in one write job (one commit for all). If that job fails, each is created on its own,
    // so one failing delivery does not undo the others: its exception is rethrown once the rest are committed.
    std::vector<std::optional<Delivery>> create_many(const std::vector<NewDelivery>& ds);

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
    // Several outcomes in one write job (one commit): as mark_sent (at `at`), mark_failed or give_up for each.
    void record(const std::vector<SendOutcome>& outcomes, Timestamp at);

    std::vector<LinkToken> tokens_for(Id delivery_id);
    std::optional<LinkToken> resolve_token(const std::string& token);

private:
    Database& db_;
};

}  // namespace advocacy::storage
