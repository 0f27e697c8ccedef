#pragma once
// The playground's wire format for the engine's neutral messages: a direct JSON image of bot/model/message.hpp,
// so the page renders exactly what the engine produced (no platform translation in between).
#include <boost/json/value.hpp>

#include "bot/model/message.hpp"

namespace advocacy::playground {

boost::json::object message_to_json(const Message& message);

}  // namespace advocacy::playground
