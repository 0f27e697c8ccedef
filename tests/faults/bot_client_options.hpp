#pragma once
// The bot's outgoing HTTP client in the fault suites: production retry count (5) with short backoff, and a request
// timeout above the FaultFront's 10 s "slow" hold, so a slow platform is waited for rather than asked twice.
#include <chrono>

#include "bot/net/http_client.hpp"

namespace advocacy::faults_test {

inline net::ClientOptions bot_client_options() {
    net::ClientOptions o;
    o.retry.base_delay = std::chrono::milliseconds(20);
    o.retry.max_delay = std::chrono::milliseconds(200);
    o.connect_timeout = std::chrono::seconds(2);
    o.request_timeout = std::chrono::seconds(15);  // production: 30 s
    return o;
}

}  // namespace advocacy::faults_test
