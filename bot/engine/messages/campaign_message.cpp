#include "bot/engine/messages/campaign_message.hpp"

#include "bot/engine/messages/text.hpp"
#include "config/values.hpp"

namespace advocacy::engine {

std::string status_text(i18n::Lang lang, storage::CampaignStatus status) {
    switch (status) {
        case storage::CampaignStatus::draft: return i18n::tr(lang, "status.draft");
        case storage::CampaignStatus::active: return i18n::tr(lang, "status.active");
        case storage::CampaignStatus::paused: return i18n::tr(lang, "status.paused");
        case storage::CampaignStatus::archived: return i18n::tr(lang, "status.archived");
    }
    return {};
}

std::string status_text(i18n::Lang lang, storage::ContentStatus status) {
    switch (status) {
        case storage::ContentStatus::pending: return i18n::tr(lang, "status.pending");
        case storage::ContentStatus::published: return i18n::tr(lang, "status.published");
        case storage::ContentStatus::rejected: return i18n::tr(lang, "status.rejected");
        case storage::ContentStatus::removed: return i18n::tr(lang, "status.removed");
    }
    return {};
}

std::string campaign_line(i18n::Lang lang, const storage::Campaign& c) {
    std::string line = i18n::tr(lang, "campaign.line", {{"id", std::to_string(c.id)},
                                                        {"name", c.name},
                                                        {"status", status_text(lang, c.status)},
                                                        {"audience", c.audience}});
    if (c.start_date) line += " - " + i18n::tr(lang, "campaign.from", {{"date", config::format_date(*c.start_date)}});
    if (c.end_date) line += " - " + i18n::tr(lang, "campaign.until", {{"date", config::format_date(*c.end_date)}});
    return line;
}

std::string content_line(i18n::Lang lang, const storage::Content& c) {
    // An item in one language shows its code after the title ("Webinaire [fr]"); items for everyone show none.
    const std::string title = c.lang.empty() ? c.title : c.title + " [" + c.lang + "]";
    std::string line = i18n::tr(lang, "content.line", {{"id", std::to_string(c.id)},
                                                       {"title", title},
                                                       {"status", status_text(lang, c.status)}});
    if (c.scheduled_on) line += " - " + i18n::tr(lang, "content.on", {{"date", config::format_date(*c.scheduled_on)}});
    if (c.expires_on) {
        line += " - " + i18n::tr(lang, "content.expires", {{"date", config::format_date(*c.expires_on)}});
    }
    return line;
}

Message campaign_details_message(i18n::Lang lang, const storage::Campaign& campaign,
                                 const std::vector<storage::Content>& items) {
    Message m;
    m.blocks.push_back(HeaderBlock{campaign.name});
    m.fallback_text = campaign.name;
    m.blocks.push_back(FieldsBlock{{
        {i18n::tr(lang, "campaign.field.id"), std::to_string(campaign.id)},
        {i18n::tr(lang, "campaign.field.status"), status_text(lang, campaign.status)},
        {i18n::tr(lang, "campaign.field.audience"), campaign.audience},
        {i18n::tr(lang, "campaign.field.slug"), campaign.slug},
        {i18n::tr(lang, "campaign.field.start"), campaign.start_date ? config::format_date(*campaign.start_date) : "-"},
        {i18n::tr(lang, "campaign.field.end"), campaign.end_date ? config::format_date(*campaign.end_date) : "-"},
    }});
    append_paragraphs(m, i18n::tr(lang, "campaign.why", {{"why", campaign.why}}));
    if (items.empty()) {
        append_paragraphs(m, i18n::tr(lang, "content.none"));
    } else {
        std::vector<std::string> lines{i18n::tr(lang, "content.list_title", {{"count", std::to_string(items.size())}})};
        for (const auto& item : items) lines.push_back(content_line(lang, item));
        append_paragraphs(m, join_lines(lines));
    }
    return m;
}

}  // namespace advocacy::engine
