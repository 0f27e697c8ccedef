// Free-text intents ("why?", "mes stats", "arrête"...), answered like the matching commands.
#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/handlers/handlers.hpp"
#include "bot/engine/handlers/reply.hpp"

namespace advocacy::engine {

Reply answer_intent(Request& r, Intent intent) {
    switch (intent) {
        case Intent::why: return explain_content(r, std::nullopt);
        case Intent::help: return show_help(r);
        case Intent::my_stats: return show_me(r);
        case Intent::pause:
        case Intent::stop: return pause_for(r, std::nullopt);  // "stop" pauses until `resume`
        case Intent::resume: return resume_pushes(r);
        case Intent::tips: return show_tips(r);
        case Intent::leaderboard: return show_leaderboard(r);
        case Intent::greeting: {
            const std::string name = r.user.display_name.empty() ? r.tr("greeting.there") : r.user.display_name;
            return reply_text(r.tr("greeting", {{"name", name}}));
        }
        case Intent::unknown: break;
    }
    return reply_text(r.tr("hint.unknown"));
}

}  // namespace advocacy::engine
