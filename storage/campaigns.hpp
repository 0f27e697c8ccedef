#pragma once
// Campaigns and their content items.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage {

struct NewCampaign {
    Id workspace_id = 0;
    std::string name;
    std::string why;
    std::string audience = "all";
    std::optional<Date> start_date;
    std::optional<Date> end_date;
    Id created_by = 0;
};

class Campaigns {
public:
    explicit Campaigns(Database& db) : db_(db) {}

    // The slug is derived from the name (lowercase ascii, dashes) and made unique in the workspace ("-2", "-3"...).
    Campaign create(const NewCampaign& c, Timestamp now);
    std::optional<Campaign> find(Id id);
    std::vector<Campaign> in_workspace(Id workspace_id);  // newest first, archived included
    void set_status(Id id, CampaignStatus status);
    // Active campaigns whose [start, end] window contains `day` (missing bounds are open).
    std::vector<Campaign> running_on(Id workspace_id, Date day);

private:
    Database& db_;
};

struct NewContent {
    Id campaign_id = 0;
    std::string title;
    std::string url;
    std::string summary;
    std::string why;
    std::string suggested_text;
    std::vector<NetworkText> network_texts;
    std::optional<Date> scheduled_on;
    std::optional<Date> expires_on;
    ContentStatus status = ContentStatus::published;
    std::optional<Id> suggested_by;
    std::string lang;  // "en" | "fr" | "" (any language)
};

class Contents {
public:
    explicit Contents(Database& db) : db_(db) {}

    Content add(const NewContent& c, Timestamp now);
    std::optional<Content> find(Id id);
    std::vector<Content> in_campaign(Id campaign_id);  // published + pending, queue order (scheduled date, then id)
    std::vector<Content> pending(Id workspace_id);      // employee suggestions awaiting review
    void set_status(Id id, ContentStatus status);

    // What `user` should get today from `campaign`, among published items never delivered to the user, not expired
    // (expires_on < day) and not scheduled later than `day`: an item scheduled for `day`, else the oldest item in
    // `user_lang` ("en" | "fr") or without a language, else the oldest item in another language (nobody is left
    // without content when only the other language remains). An empty `user_lang` prefers items without a language.
    std::optional<Content> next_for(Id campaign_id, Id user_id, Date day, std::string_view user_lang);

private:
    Database& db_;
};

}  // namespace advocacy::storage
