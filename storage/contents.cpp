// Contents: content items of a campaign, their per-network texts, and what to push next.
#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/campaigns.hpp"
#include "storage/enum_text.hpp"
#include "storage/indexed_queries.hpp"
#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

// Same columns, same order, as queries::next_content.
constexpr std::string_view content_columns =
    "c.id, c.campaign_id, c.title, c.url, c.summary, c.why, c.suggested_text, c.scheduled_on, c.expires_on, "
    "c.status, c.suggested_by, c.created_at, c.lang";

std::string select_contents(std::string_view rest) {
    return "SELECT " + std::string(content_columns) + " FROM contents AS c " + std::string(rest);
}

Content content_from_row(const SQLite::Statement& st) {
    Content c;
    c.id = sql::column_int(st, 0);
    c.campaign_id = sql::column_int(st, 1);
    c.title = sql::column_text(st, 2);
    c.url = sql::column_text(st, 3);
    c.summary = sql::column_text(st, 4);
    c.why = sql::column_text(st, 5);
    c.suggested_text = sql::column_text(st, 6);
    c.scheduled_on = sql::column_date(st, 7);
    c.expires_on = sql::column_date(st, 8);
    c.status = sql::parse_enum<ContentStatus>(sql::column_text(st, 9));
    c.suggested_by = sql::column_id(st, 10);
    c.created_at = sql::timestamp(sql::column_int(st, 11));
    c.lang = sql::column_text(st, 12);
    return c;
}

void load_network_texts(Connection& conn, Content& content) {
    auto& st = conn.prepare("SELECT network, text FROM content_texts WHERE content_id = ?1 ORDER BY position");
    st.bind(1, content.id);
    while (st.executeStep()) content.network_texts.push_back({sql::column_text(st, 0), sql::column_text(st, 1)});
}

// Runs a SELECT of content_columns and returns the rows with their network texts.
std::vector<Content> contents(Connection& conn, const std::string& sql,
                              const std::function<void(SQLite::Statement&)>& bind) {
    std::vector<Content> out;
    {
        auto& st = conn.prepare(sql);
        bind(st);
        while (st.executeStep()) out.push_back(content_from_row(st));
    }
    for (auto& c : out) load_network_texts(conn, c);
    return out;
}

}  // namespace

Content Contents::add(const NewContent& n, Timestamp now) {
    Content out;
    db_.write([&](Connection& c) {
        auto& st = c.prepare(
            "INSERT INTO contents (campaign_id, title, url, summary, why, suggested_text, scheduled_on, expires_on, "
            "status, suggested_by, created_at, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        st.bind(1, n.campaign_id);
        st.bind(2, n.title);
        st.bind(3, n.url);
        st.bind(4, n.summary);
        st.bind(5, n.why);
        st.bind(6, n.suggested_text);
        sql::bind_date(st, 7, n.scheduled_on);
        sql::bind_date(st, 8, n.expires_on);
        st.bind(9, sql::text(n.status));
        sql::bind_id(st, 10, n.suggested_by);
        st.bind(11, sql::seconds(now));
        st.bind(12, n.lang);
        st.exec();
        const Id id = c.raw().getLastInsertRowid();
        auto& text = c.prepare("INSERT INTO content_texts (content_id, network, position, text) VALUES (?1, ?2, ?3, ?4)");
        for (std::size_t i = 0; i < n.network_texts.size(); ++i) {
            text.reset();
            text.bind(1, id);
            text.bind(2, n.network_texts[i].network);
            text.bind(3, static_cast<std::int64_t>(i));
            text.bind(4, n.network_texts[i].text);
            text.exec();
        }
        out = Content{id,           n.campaign_id, n.title,   n.url,          n.summary,      n.why,
                      n.suggested_text, n.network_texts, n.scheduled_on, n.expires_on, n.status, n.suggested_by, now,
                      n.lang};
    });
    return out;
}

std::optional<Content> Contents::find(Id id) {
    static const std::string sql = select_contents("WHERE c.id = ?1");
    std::optional<Content> out;
    db_.read([&](Connection& c) {
        auto rows = contents(c, sql, [&](SQLite::Statement& st) { st.bind(1, id); });
        if (!rows.empty()) out = std::move(rows.front());
    });
    return out;
}

std::vector<Content> Contents::in_campaign(Id campaign_id) {
    // Queue order: scheduled items by date, then unscheduled ones, each by id.
    static const std::string sql = select_contents(
        "WHERE c.campaign_id = ?1 AND c.status IN ('published', 'pending') "
        "ORDER BY c.scheduled_on IS NULL, c.scheduled_on, c.id");
    std::vector<Content> out;
    db_.read([&](Connection& c) { out = contents(c, sql, [&](SQLite::Statement& st) { st.bind(1, campaign_id); }); });
    return out;
}

std::vector<Content> Contents::pending(Id workspace_id) {
    static const std::string sql = select_contents(
        "JOIN campaigns AS k ON k.id = c.campaign_id WHERE c.status = 'pending' AND k.workspace_id = ?1 "
        "ORDER BY c.id");
    std::vector<Content> out;
    db_.read([&](Connection& c) { out = contents(c, sql, [&](SQLite::Statement& st) { st.bind(1, workspace_id); }); });
    return out;
}

void Contents::set_status(Id id, ContentStatus status) {
    db_.write([&](Connection& c) {
        auto& st = c.prepare("UPDATE contents SET status = ?2 WHERE id = ?1");
        st.bind(1, id);
        st.bind(2, sql::text(status));
        st.exec();
    });
}

std::optional<Content> Contents::next_for(Id campaign_id, Id user_id, Date day, std::string_view user_lang) {
    std::optional<Content> out;
    db_.read([&](Connection& c) {
        auto rows = contents(c, std::string(queries::next_content), [&](SQLite::Statement& st) {
            st.bind(1, campaign_id);
            st.bind(2, user_id);
            st.bind(3, sql::date_text(day));
            st.bind(4, std::string(user_lang));
        });
        if (!rows.empty()) out = std::move(rows.front());
    });
    return out;
}

}  // namespace advocacy::storage
