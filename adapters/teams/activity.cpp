#include "adapters/teams/activity.hpp"

#include <boost/json.hpp>

#include "commands/utf8.hpp"

namespace advocacy::teams {

namespace json = boost::json;

namespace {

const json::object* object_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v ? v->if_object() : nullptr;
}

std::string text_at(const json::object* o, std::string_view key) {
    if (!o) return {};
    const auto* v = o->if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

ChannelAccount account(const json::object* o) {
    return ChannelAccount{text_at(o, "id"), text_at(o, "name"), text_at(o, "aadObjectId")};
}

std::vector<std::string> ids_of(const json::object& o, std::string_view key, std::string_view field) {
    std::vector<std::string> out;
    const auto* v = o.if_contains(key);
    if (!v || !v->is_array()) return out;
    for (const auto& item : v->as_array()) {
        if (const auto* member = item.if_object()) {
            std::string id = text_at(member, field);
            if (!id.empty()) out.push_back(std::move(id));
        }
    }
    return out;
}

void read_entities(const json::object& o, Activity& a) {
    const auto* v = o.if_contains("entities");
    if (!v || !v->is_array()) return;
    for (const auto& item : v->as_array()) {
        const auto* e = item.if_object();
        if (!e) continue;
        const std::string type = text_at(e, "type");
        if (type == "clientInfo") {
            if (a.time_zone.empty()) a.time_zone = text_at(e, "timezone");
            if (a.locale.empty()) a.locale = text_at(e, "locale");
        } else if (type == "mention") {
            a.mentioned_ids.push_back(text_at(object_at(*e, "mentioned"), "id"));
            a.mentioned_texts.push_back(text_at(e, "text"));
        }
    }
}

// Whole code points only: trimming the bytes of U+00A0 (C2 A0) one by one cut "¡" (C2 A1) down to a lone A1 byte
// (seen while writing fuzz/fuzz_teams_activity, which now checks it). Also trims the other Unicode spaces.
std::string trim(std::string_view s) { return std::string(commands::utf8::trim(s)); }

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    if (from.empty()) return;
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

}  // namespace

std::string Activity::kind() const {
    if (conversation_type == "channel") return "channel";
    if (conversation_type == "groupChat" || (conversation_type.empty() && is_group)) return "groupChat";
    return "personal";
}

ParsedActivity parse_activity(std::string_view body) {
    boost::system::error_code ec;
    const json::value v = json::parse(body, ec);
    if (ec || !v.is_object()) return {std::nullopt, "body is not a JSON object", {}, {}};
    const auto& o = v.as_object();
    ParsedActivity out;
    out.channel_id = text_at(&o, "channelId");
    out.service_url = text_at(&o, "serviceUrl");
    Activity a;
    a.type = text_at(&o, "type");
    if (a.type.empty()) {
        out.error = "activity without \"type\"";
        return out;
    }
    a.id = text_at(&o, "id");
    a.name = text_at(&o, "name");
    a.service_url = out.service_url;
    a.channel_id = out.channel_id;
    a.from = account(object_at(o, "from"));
    a.recipient = account(object_at(o, "recipient"));
    const auto* conversation = object_at(o, "conversation");
    a.conversation_id = text_at(conversation, "id");
    a.conversation_type = text_at(conversation, "conversationType");
    if (conversation) {
        const auto* g = conversation->if_contains("isGroup");
        a.is_group = g && g->is_bool() && g->as_bool();
    }
    a.tenant_id = text_at(conversation, "tenantId");
    const auto* channel_data = object_at(o, "channelData");
    if (a.tenant_id.empty() && channel_data) a.tenant_id = text_at(object_at(*channel_data, "tenant"), "id");
    if (channel_data) a.team_id = text_at(object_at(*channel_data, "team"), "id");
    a.text = text_at(&o, "text");
    a.locale = text_at(&o, "locale");
    a.reply_to_id = text_at(&o, "replyToId");
    a.action = text_at(&o, "action");
    if (const auto* value = object_at(o, "value")) a.value = *value;
    a.members_added = ids_of(o, "membersAdded", "id");
    a.members_removed = ids_of(o, "membersRemoved", "id");
    a.reactions_added = ids_of(o, "reactionsAdded", "type");
    read_entities(o, a);
    out.activity = std::move(a);
    return out;
}

std::string strip_bot_mention(const Activity& a) {
    std::string text = a.text;
    for (std::size_t i = 0; i < a.mentioned_ids.size(); ++i) {
        if (a.mentioned_texts[i].empty()) continue;
        // The bot's own mention goes; someone else's becomes <@id>, what the command language reads as a user.
        const bool bot = a.mentioned_ids[i] == a.recipient.id || a.mentioned_ids[i].empty();
        replace_all(text, a.mentioned_texts[i], bot ? std::string() : "<@" + a.mentioned_ids[i] + ">");
    }
    // Tags without an entity keep their visible text.
    replace_all(text, "<at>", "");
    replace_all(text, "</at>", "");
    replace_all(text, "&nbsp;", " ");
    return trim(text);
}

}  // namespace advocacy::teams
