#include "bot/engine/events/events.hpp"
#include "bot/engine/handlers/handlers.hpp"

namespace advocacy::engine {

Reply on_event(Request& r, const CommandInvoked& e) {
    return run_words(r, e.text, e.markup, UnknownWords::explain);
}

}  // namespace advocacy::engine
