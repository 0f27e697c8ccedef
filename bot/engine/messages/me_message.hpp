#pragma once
// `me`: the requester's own numbers and preferences.
#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "storage/leaderboard.hpp"
#include "storage/records.hpp"

namespace advocacy::engine {

Message me_message(i18n::Lang lang, const storage::User& user, const storage::UserStats& stats);

}  // namespace advocacy::engine
