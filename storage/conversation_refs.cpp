// ConversationRefs: the Teams conversation references table (schema v5).
#include "storage/conversation_refs.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/sql_util.hpp"

namespace advocacy::storage {

namespace {

constexpr const char* kColumns =
    "tenant_id, owner, kind, conversation_id, service_url, bot_id, alive, updated_at FROM conversation_refs ";

ConversationRef row(const SQLite::Statement& st) {
    return ConversationRef{sql::column_text(st, 0), sql::column_text(st, 1), sql::column_text(st, 2),
                           sql::column_text(st, 3), sql::column_text(st, 4), sql::column_text(st, 5),
                           sql::column_bool(st, 6), sql::timestamp(sql::column_int(st, 7))};
}

std::optional<ConversationRef> find_in(Connection& c, const std::string& tenant_id, const std::string& owner) {
    auto& st = c.prepare(std::string("SELECT ") + kColumns + "WHERE tenant_id = ?1 AND owner = ?2");
    st.bind(1, tenant_id);
    st.bind(2, owner);
    if (!st.executeStep()) return std::nullopt;
    return row(st);
}

}  // namespace

bool ConversationRefs::save(const ConversationRef& ref) {
    std::optional<ConversationRef> stored;
    db_.read([&](Connection& c) { stored = find_in(c, ref.tenant_id, ref.owner); });
    if (stored && stored->same_target(ref)) return false;
    bool changed = false;
    db_.write([&](Connection& c) {
        // Checked again on the writer: another request may have stored the same reference meanwhile.
        const auto now_stored = find_in(c, ref.tenant_id, ref.owner);
        if (now_stored && now_stored->same_target(ref)) return;
        auto& st = c.prepare(
            "INSERT INTO conversation_refs (tenant_id, owner, kind, conversation_id, service_url, bot_id, alive, "
            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (tenant_id, owner) DO UPDATE SET "
            "kind = excluded.kind, conversation_id = excluded.conversation_id, service_url = excluded.service_url, "
            "bot_id = excluded.bot_id, alive = excluded.alive, updated_at = excluded.updated_at");
        st.bind(1, ref.tenant_id);
        st.bind(2, ref.owner);
        st.bind(3, ref.kind);
        st.bind(4, ref.conversation_id);
        st.bind(5, ref.service_url);
        st.bind(6, ref.bot_id);
        st.bind(7, ref.alive ? 1 : 0);
        st.bind(8, sql::seconds(ref.updated_at));
        st.exec();
        changed = true;
    });
    return changed;
}

std::optional<ConversationRef> ConversationRefs::find(const std::string& tenant_id, const std::string& owner) {
    std::optional<ConversationRef> out;
    db_.read([&](Connection& c) { out = find_in(c, tenant_id, owner); });
    return out;
}

std::optional<ConversationRef> ConversationRefs::find_by_conversation(const std::string& conversation_id) {
    std::optional<ConversationRef> out;
    db_.read([&](Connection& c) {
        // A channel's own reference (owner = conversation id) wins over a user's 1:1 entry with the same id.
        auto& st = c.prepare(std::string("SELECT ") + kColumns +
                             "WHERE conversation_id = ?1 ORDER BY owner = conversation_id DESC, updated_at DESC LIMIT 1");
        st.bind(1, conversation_id);
        if (st.executeStep()) out = row(st);
    });
    return out;
}

std::optional<std::string> ConversationRefs::recent_service_url(const std::string& tenant_id) {
    std::optional<std::string> out;
    db_.read([&](Connection& c) {
        auto& st = c.prepare(
            "SELECT service_url FROM conversation_refs WHERE tenant_id = ?1 AND alive = 1 "
            "ORDER BY updated_at DESC LIMIT 1");
        st.bind(1, tenant_id);
        if (st.executeStep()) out = sql::column_text(st, 0);
    });
    return out;
}

int ConversationRefs::mark_dead(const std::string& tenant_id, const std::string& owner, Timestamp at) {
    int changed = 0;
    db_.write([&](Connection& c) {
        auto& st = c.prepare(
            "UPDATE conversation_refs SET alive = 0, updated_at = ?3 WHERE tenant_id = ?1 AND owner = ?2 AND alive = 1");
        st.bind(1, tenant_id);
        st.bind(2, owner);
        st.bind(3, sql::seconds(at));
        changed = st.exec();
    });
    return changed;
}

int ConversationRefs::mark_conversation_dead(const std::string& conversation_id, Timestamp at) {
    int changed = 0;
    db_.write([&](Connection& c) {
        auto& st = c.prepare(
            "UPDATE conversation_refs SET alive = 0, updated_at = ?2 WHERE conversation_id = ?1 AND alive = 1");
        st.bind(1, conversation_id);
        st.bind(2, sql::seconds(at));
        changed = st.exec();
    });
    return changed;
}

}  // namespace advocacy::storage
