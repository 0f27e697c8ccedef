#pragma once
// The daily content push (MessageKind::content) and its updated forms after "I shared it" / "Skip".
#include <string>
#include <vector>

#include "bot/i18n/catalog.hpp"
#include "bot/model/message.hpp"
#include "config/config.hpp"
#include "storage/records.hpp"

namespace advocacy::engine {

// Stable action ids (documented in docs/engine.md): adapters send them back in ButtonClicked.
namespace action_ids {
inline constexpr const char* shared = "advocacy_shared";
inline constexpr const char* why = "advocacy_why";
inline constexpr const char* skip = "advocacy_skip";
inline constexpr const char* share_prefix = "advocacy_share_";  // + network: the URL buttons
}  // namespace action_ids

enum class CardState { open, shared, skipped };

struct ContentCard {
    const storage::Content& content;
    const storage::Campaign& campaign;
    // The delivery's tokens (intent + post per network). Empty for a preview: the share buttons then open the
    // networks' share pages with the untracked content URL.
    std::vector<storage::LinkToken> tokens;
    CardState state = CardState::open;
    std::string note;  // shown in place of the action buttons once shared / skipped
};

Message content_message(i18n::Lang lang, const config::Config& config, const ContentCard& card);

// The suggested post with the configured disclosure suffix, optionally the network-specific text.
std::string suggested_text(const config::Config& config, const storage::Content& content, std::string_view network = {});

}  // namespace advocacy::engine
