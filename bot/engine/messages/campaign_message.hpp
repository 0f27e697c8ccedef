#pragma once
// Admin listings: campaigns and their content queue.
#include <string>
#include <vector>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "storage/records.hpp"

namespace advocacy::engine {

std::string status_text(i18n::Lang lang, storage::CampaignStatus status);
std::string status_text(i18n::Lang lang, storage::ContentStatus status);
// "#3 Spring launch - active - audience all - 2026-03-01 to 2026-03-31"
std::string campaign_line(i18n::Lang lang, const storage::Campaign& campaign);
// "#12 Our new plant - published - on 2026-03-02 - expires 2026-03-09"
std::string content_line(i18n::Lang lang, const storage::Content& content);
Message campaign_details_message(i18n::Lang lang, const storage::Campaign& campaign,
                                 const std::vector<storage::Content>& items);

}  // namespace advocacy::engine
