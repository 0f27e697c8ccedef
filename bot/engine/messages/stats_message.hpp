#pragma once
// Admin statistics: the funnel delivered -> why -> intent clicks -> shared -> post clicks, and advocates.
#include <string>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "storage/leaderboard.hpp"

namespace advocacy::engine {

Message stats_message(i18n::Lang lang, const std::string& scope, const std::string& period,
                      const storage::CampaignStats& stats);

}  // namespace advocacy::engine
