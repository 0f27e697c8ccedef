#pragma once
// `me`: the requester's own numbers and preferences.
#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "storage/leaderboard.hpp"
#include "storage/records.hpp"

namespace advocacy::engine {

// `today`: the item pushed to the user today, if any (shown as a link, so the App Home tab shows it too).
Message me_message(i18n::Lang lang, const storage::User& user, const storage::UserStats& stats,
                   const storage::Content* today = nullptr);

}  // namespace advocacy::engine
