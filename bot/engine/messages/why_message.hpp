#pragma once
// The answer to "Why share this?".
#include <cstddef>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "storage/records.hpp"

namespace advocacy::engine {

// The item's why, falling back to the campaign's, then one how-to-share tip (i18n::tip(lang, tip_index)).
Message why_message(i18n::Lang lang, const storage::Content& content, const storage::Campaign& campaign,
                    std::size_t tip_index);

}  // namespace advocacy::engine
