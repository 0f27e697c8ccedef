// Deliveries: one push of a content item to a user, and the tracked-link tokens minted with it.
#include "storage/deliveries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <exception>

#include "bot/metrics/metrics.hpp"
#include "storage/enum_text.hpp"
#include "storage/indexed_queries.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

constexpr std::string_view delivery_columns =
    "id, content_id, user_id, campaign_id, local_date, state, platform_ref, attempts, last_error, sent_at";

std::string select_deliveries(std::string_view where) {
    return "SELECT " + std::string(delivery_columns) + " FROM deliveries WHERE " + std::string(where);
}

Delivery delivery_from_row(const SQLite::Statement& st) {
    Delivery d;
    d.id = sql::column_int(st, 0);
    d.content_id = sql::column_int(st, 1);
    d.user_id = sql::column_int(st, 2);
    d.campaign_id = sql::column_int(st, 3);
    d.local_date = sql::parse_date(sql::column_text(st, 4));
    d.state = sql::parse_enum<DeliveryState>(sql::column_text(st, 5));
    d.platform_ref = sql::column_text(st, 6);
    d.attempts = static_cast<int>(sql::column_int(st, 7));
    d.last_error = sql::column_text(st, 8);
    if (auto at = sql::column_id(st, 9)) d.sent_at = sql::timestamp(*at);
    return d;
}

LinkToken token_from_row(const SQLite::Statement& st) {
    return LinkToken{sql::column_text(st, 0), sql::column_int(st, 1), sql::column_text(st, 2),
                     sql::parse_enum<LinkKind>(sql::column_text(st, 3))};
}

// Inserts the delivery and its tokens; nullopt when a uniqueness constraint makes it a no-op.
std::optional<Delivery> insert_delivery(Connection& c, const NewDelivery& n) {
    // Either unique constraint (content, user) or (user, campaign, day) makes this a no-op.
    auto& st = c.prepare(
        "INSERT INTO deliveries (content_id, user_id, campaign_id, local_date) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT DO NOTHING");
    st.bind(1, n.content_id);
    st.bind(2, n.user_id);
    st.bind(3, n.campaign_id);
    st.bind(4, sql::date_text(n.local_date));
    if (st.exec() == 0) return std::nullopt;
    const Id id = c.raw().getLastInsertRowid();
    auto& token = c.prepare("INSERT INTO link_tokens (token, delivery_id, network, kind) VALUES (?1, ?2, ?3, ?4)");
    for (const auto& t : n.tokens) {
        token.reset();
        token.bind(1, t.token);
        token.bind(2, id);
        token.bind(3, t.network);
        token.bind(4, sql::text(t.kind));
        token.exec();  // a clashing token throws: the whole delivery is rolled back with it
    }
    Delivery d;
    d.id = id;
    d.content_id = n.content_id;
    d.user_id = n.user_id;
    d.campaign_id = n.campaign_id;
    d.local_date = n.local_date;
    return d;
}

}  // namespace

std::optional<Delivery> Deliveries::create(const NewDelivery& n) {
    std::optional<Delivery> out;
    db_.write([&](Connection& c) { out = insert_delivery(c, n); });
    return out;
}

std::vector<std::optional<Delivery>> Deliveries::create_many(const std::vector<NewDelivery>& ds) {
    std::vector<std::optional<Delivery>> out(ds.size());
    try {
        // One job: no savepoint per delivery (SQLite journals the pages each savepoint touches again).
        db_.write([&](Connection& c) {
            for (std::size_t i = 0; i < ds.size(); ++i) out[i] = insert_delivery(c, ds[i]);
        });
        return out;
    } catch (...) {
        if (ds.size() == 1) throw;
    }
    // Rolled back as a whole (a clashing token, a full disk...): each on its own, so one bad delivery fails alone.
    std::exception_ptr first_error;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        try {
            out[i] = create(ds[i]);
        } catch (...) {
            out[i].reset();
            if (!first_error) first_error = std::current_exception();
        }
    }
    if (first_error) std::rethrow_exception(first_error);
    return out;
}

namespace {
std::optional<Delivery> one(Database& db, const std::string& sql, const std::function<void(SQLite::Statement&)>& bind) {
    std::optional<Delivery> out;
    db.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        bind(st);
        if (st.executeStep()) out = delivery_from_row(st);
    });
    return out;
}
}  // namespace

std::optional<Delivery> Deliveries::find(Id id) {
    static const std::string sql = select_deliveries("id = ?1");
    return one(db_, sql, [&](SQLite::Statement& st) { st.bind(1, id); });
}

std::optional<Delivery> Deliveries::find_for(Id user_id, Id content_id) {
    static const std::string sql = select_deliveries("content_id = ?1 AND user_id = ?2");
    return one(db_, sql, [&](SQLite::Statement& st) {
        st.bind(1, content_id);
        st.bind(2, user_id);
    });
}

std::optional<Delivery> Deliveries::find_by_platform_ref(const std::string& ref) {
    if (ref.empty()) return std::nullopt;  // unsent deliveries have no reference
    // The repeated `<> ''` lets SQLite use the partial index.
    static const std::string sql = select_deliveries("platform_ref = ?1 AND platform_ref <> ''");
    return one(db_, sql, [&](SQLite::Statement& st) { st.bind(1, ref); });
}

std::vector<Delivery> Deliveries::for_user_between(Id user_id, Id campaign_id, Date from, Date to) {
    static const std::string sql =
        select_deliveries("user_id = ?1 AND campaign_id = ?2 AND local_date BETWEEN ?3 AND ?4 ORDER BY local_date");
    std::vector<Delivery> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.bind(1, user_id);
        st.bind(2, campaign_id);
        st.bind(3, sql::date_text(from));
        st.bind(4, sql::date_text(to));
        while (st.executeStep()) out.push_back(delivery_from_row(st));
    });
    return out;
}

std::vector<Delivery> Deliveries::unsent(int max_attempts) {
    std::vector<Delivery> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(queries::unsent_deliveries);
        st.bind(1, max_attempts);
        while (st.executeStep()) out.push_back(delivery_from_row(st));
    });
    return out;
}

namespace {

void update_outcome(Connection& c, const SendOutcome& o, Timestamp at) {
    using Kind = SendOutcome::Kind;
    if (o.kind == Kind::sent) {
        auto& st = c.prepare("UPDATE deliveries SET state = 'sent', platform_ref = ?2, sent_at = ?3 WHERE id = ?1");
        st.bind(1, o.id);
        st.bind(2, o.detail);
        st.bind(3, sql::seconds(at));
        st.exec();
        return;
    }
    auto& st = c.prepare(o.kind == Kind::gave_up
                             ? "UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_error = ?2, "
                               "gave_up = 1 WHERE id = ?1"
                             : "UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_error = ?2 "
                               "WHERE id = ?1");
    st.bind(1, o.id);
    st.bind(2, o.detail);
    st.exec();
}

}  // namespace

void Deliveries::record(const std::vector<SendOutcome>& outcomes, Timestamp at) {
    if (outcomes.empty()) return;
    db_.write([&](Connection& c) {
        for (const auto& o : outcomes) update_outcome(c, o, at);
    });
    // Committed: write() returned.
    for (const auto& o : outcomes) metrics::delivery(o.kind == SendOutcome::Kind::sent);
}

void Deliveries::mark_sent(Id id, const std::string& platform_ref, Timestamp at) {
    record({SendOutcome{id, SendOutcome::Kind::sent, platform_ref}}, at);
}

void Deliveries::mark_failed(Id id, const std::string& error) {
    record({SendOutcome{id, SendOutcome::Kind::failed, error}}, Timestamp{});
}

void Deliveries::give_up(Id id, const std::string& error) {
    record({SendOutcome{id, SendOutcome::Kind::gave_up, error}}, Timestamp{});
}

std::vector<LinkToken> Deliveries::tokens_for(Id delivery_id) {
    std::vector<LinkToken> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(
            "SELECT token, delivery_id, network, kind FROM link_tokens WHERE delivery_id = ?1 ORDER BY kind, network");
        st.bind(1, delivery_id);
        while (st.executeStep()) out.push_back(token_from_row(st));
    });
    return out;
}

std::optional<LinkToken> Deliveries::resolve_token(const std::string& token) {
    std::optional<LinkToken> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare("SELECT token, delivery_id, network, kind FROM link_tokens WHERE token = ?1");
        st.bind(1, token);
        if (st.executeStep()) out = token_from_row(st);
    });
    return out;
}

}  // namespace advocacy::storage
