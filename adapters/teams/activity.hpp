#pragma once
// One inbound Bot Framework activity, read tolerantly: the fields the adapter uses, whatever else Teams sends is
// ignored (unknown fields, entity types and activity types appear over time). No Boost.JSON in this header except
// the raw `value` object, which cards define.
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace advocacy::teams {

struct ChannelAccount {
    std::string id;    // "29:..." (users), "28:<app id>" (bots)
    std::string name;
    std::string aad_object_id;
};

struct Activity {
    std::string type;        // message, invoke, conversationUpdate, installationUpdate, messageReaction, ...
    std::string id;
    std::string name;        // invoke name ("adaptiveCard/action")
    std::string service_url;
    std::string channel_id;  // "msteams"
    ChannelAccount from;
    ChannelAccount recipient;
    std::string conversation_id;
    std::string conversation_type;  // personal | groupChat | channel (empty: treated as personal when not a group)
    bool is_group = false;
    std::string tenant_id;   // conversation.tenantId, else channelData.tenant.id
    std::string team_id;     // channelData.team.id, when in a team
    std::string text;
    std::string locale;      // "fr-FR"
    std::string time_zone;   // the clientInfo entity's IANA timezone
    std::string reply_to_id;
    std::string action;      // installationUpdate: add | add-upgrade | remove | remove-upgrade
    std::optional<boost::json::object> value;
    std::vector<std::string> members_added;    // ids
    std::vector<std::string> members_removed;  // ids
    std::vector<std::string> reactions_added;  // reaction types ("like")
    std::vector<std::string> mentioned_ids;    // entities of type mention: mentioned.id, in order
    std::vector<std::string> mentioned_texts;  // and their `text` ("<at>Bot</at>"), same order

    bool personal() const { return conversation_type == "personal" || (conversation_type.empty() && !is_group); }
    // The reference kind stored for this conversation: personal | channel | groupChat.
    std::string kind() const;
};

struct ParsedActivity {
    std::optional<Activity> activity;
    std::string error;  // why the body is not an activity we can act on (-> 400)
    // What the token must vouch for, read from any JSON object body (even one that is not an activity).
    std::string channel_id;
    std::string service_url;
};

// Parses the POST body. Requires a JSON object with `type`; the rest is optional at this level.
ParsedActivity parse_activity(std::string_view body);

// The text with the bot's own <at>...</at> mention removed (the entity whose mentioned.id is the recipient), other
// <at> tags reduced to their inner text, trimmed. "<at>Advocacy</at> why" -> "why".
std::string strip_bot_mention(const Activity& activity);

}  // namespace advocacy::teams
