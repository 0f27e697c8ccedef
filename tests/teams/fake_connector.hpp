#pragma once
// A fake Bot Connector on 127.0.0.1 (the project's HTTP server, so real HTTP over loopback), serving the REST calls
// the Teams adapter makes under its serviceUrl (http://127.0.0.1:<port>/amer/):
//   POST /amer/v3/conversations                     create_conversation -> {"id":"a:chat-<user id>"} (stable)
//   POST /amer/v3/conversations/{id}/activities     send                -> {"id":"1:<n>"}
//   PUT  /amer/v3/conversations/{id}/activities/{a} update              -> {"id":"<a>"}
// It records every call (decoded ids, Authorization, JSON body, the status it answered) and can be scripted per
// operation to answer 429 + Retry-After, 403 with a Teams error code, 412 or 5xx, or to block a conversation.
#include <boost/json/object.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "bot/server/server.hpp"

namespace advocacy::testing {

struct ConnectorCall {
    std::string operation;        // create_conversation | send | update | unknown
    std::string method;
    std::string path;
    std::string conversation_id;  // decoded
    std::string activity_id;      // update: decoded
    std::string authorization;
    boost::json::object body;
    int status = 0;               // what the fake answered
    std::string reply_id;         // the id it answered with (2xx)
};

struct ConnectorScript {
    int status = 200;
    std::string body;  // empty: the default reply
    std::vector<std::pair<std::string, std::string>> headers;
};

class FakeConnector {
public:
    FakeConnector();
    ~FakeConnector();
    FakeConnector(const FakeConnector&) = delete;
    FakeConnector& operator=(const FakeConnector&) = delete;

    std::string service_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/amer/"; }
    std::uint16_t port() const { return port_; }

    // Queued answers for an operation, used in order before the default.
    void script(const std::string& operation, std::vector<ConnectorScript> answers);
    static ConnectorScript throttled(int retry_after_seconds);
    static ConnectorScript forbidden(const std::string& code);  // 403 {"error":{"code":...}}
    static ConnectorScript status(int code);
    // Every send or update to this conversation gets 403 ConversationBlockedByUser from now on.
    void block_conversation(const std::string& conversation_id);

    std::vector<ConnectorCall> calls() const;
    std::vector<ConnectorCall> calls(const std::string& operation) const;
    bool wait_for(const std::function<bool(const std::vector<ConnectorCall>&)>& pred,
                  std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    bool wait_for_count(const std::string& operation, std::size_t n,
                        std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

private:
    server::HttpResponse answer(const server::HttpRequest& req);

    std::unique_ptr<server::HttpServer> server_;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<ConnectorCall> calls_;
    std::map<std::string, std::deque<ConnectorScript>> scripts_;
    std::set<std::string> blocked_;
    int next_activity_ = 1;
};

}  // namespace advocacy::testing
