#pragma once
// Rows as the rest of the program sees them. Times are UTC seconds; calendar dates are year_month_day
// (stored as 'YYYY-MM-DD' text). Ids are SQLite rowids.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace advocacy::storage {

using Id = std::int64_t;
using Timestamp = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

struct Workspace {
    Id id = 0;
    std::string platform;     // "slack" | "teams" | "playground"
    std::string external_id;  // Slack team id, Teams tenant id, "playground"
};

enum class Frequency { daily, weekly };

struct User {
    Id id = 0;
    Id workspace_id = 0;
    std::string platform_user_id;
    std::string display_name;
    std::string locale;     // "en" | "fr" or empty (program default applies)
    std::string time_zone;  // IANA name or empty (program default applies)
    std::string group;      // team tag for team standings, empty when none
    std::string dm_conversation;  // where pushes go (platform conversation id), empty when unknown
    bool is_admin = false;
    bool leaderboard_opt_out = false;
    std::optional<Date> paused_until;  // no pushes on days <= paused_until
    bool paused_indefinitely = false;  // `pause` without days / "stop": until `resume`
    Frequency frequency = Frequency::daily;
    Timestamp created_at{};
    bool contacted = true;  // false: known only from a channel's member list, never heard from yet
};

enum class CampaignStatus { draft, active, paused, archived };

struct Campaign {
    Id id = 0;
    Id workspace_id = 0;
    std::string name;
    std::string slug;      // for utm_campaign, unique per workspace
    std::string why;
    std::string audience;  // "all" | "#channel-name" | "group:NAME"
    CampaignStatus status = CampaignStatus::active;
    std::optional<Date> start_date;
    std::optional<Date> end_date;
    Id created_by = 0;
    Timestamp created_at{};
};

enum class ContentStatus { pending, published, rejected, removed };

struct NetworkText {
    std::string network;  // "linkedin" | "x" | "facebook"
    std::string text;
};

struct Content {
    Id id = 0;
    Id campaign_id = 0;
    std::string title;
    std::string url;
    std::string summary;
    std::string why;             // empty: the campaign's why applies
    std::string suggested_text;
    std::vector<NetworkText> network_texts;
    std::optional<Date> scheduled_on;
    std::optional<Date> expires_on;  // not pushed after this date
    ContentStatus status = ContentStatus::published;
    std::optional<Id> suggested_by;  // employee suggestion (`suggest URL`)
    Timestamp created_at{};
    std::string lang;  // "en" | "fr", or empty: for everyone (next_for prefers items in the user's language)
};

enum class DeliveryState { pending, sent, failed };

struct Delivery {
    Id id = 0;
    Id content_id = 0;
    Id user_id = 0;
    Id campaign_id = 0;
    Date local_date{};  // the user's local day this push belongs to
    DeliveryState state = DeliveryState::pending;
    std::string platform_ref;  // platform message reference once sent (Slack channel:ts, Teams activity id)
    int attempts = 0;
    std::string last_error;
    std::optional<Timestamp> sent_at;
};

enum class LinkKind {
    intent,  // /s/<token>: the share button in chat; counts "meant to share"
    post,    // /r/<token>: the URL inside the shared post; counts clicks on the employee's post
};

struct LinkToken {
    std::string token;  // >= 128 random bits, base64url
    Id delivery_id = 0;
    std::string network;
    LinkKind kind = LinkKind::post;
};

enum class InteractionKind { why_asked, intent_click, post_click, shared, skipped };

struct Interaction {
    Id id = 0;
    Id user_id = 0;
    Id content_id = 0;
    std::optional<Id> delivery_id;
    InteractionKind kind = InteractionKind::why_asked;
    std::string network;  // for clicks
    Timestamp at{};
};

struct AuditEntry {
    Id id = 0;
    Id workspace_id = 0;
    Id actor_user_id = 0;
    std::string action;  // "campaign.create", "content.approve", ...
    std::string detail;  // short human-readable detail, no secrets
    Timestamp at{};
};

}  // namespace advocacy::storage
