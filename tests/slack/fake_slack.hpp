#pragma once
// A fake Slack Web API for the tests, on 127.0.0.1 (our own HTTP server, so it is real HTTP over loopback). It
// serves the methods the adapter calls under /api/<method> and response_url posts under /response/<id>, records
// every call, and can be scripted per method to answer 429 + Retry-After, 500, ok:false errors, or slowly.
#include <boost/json/object.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/server/server.hpp"

namespace advocacy::testing {

struct RecordedCall {
    std::string method;          // "chat.postMessage", or "response_url"
    std::string path;
    std::string authorization;   // the Authorization header as received
    std::string content_type;
    boost::json::object args;    // the JSON body, or the form fields as strings
    int status = 0;              // what the fake answered
};

// One scripted answer, used once, before the default behaviour.
struct Scripted {
    int status = 200;
    std::string body;                      // empty: the default reply for the method
    std::vector<std::pair<std::string, std::string>> headers;
    std::chrono::milliseconds delay{0};    // answer this late
};

// A channel served by conversations.list / conversations.members.
struct FakeChannel {
    std::string id;
    std::string name;
    std::vector<std::string> members;
    bool is_private = false;
    bool is_archived = false;
};

class FakeSlack {
public:
    FakeSlack();
    ~FakeSlack();

    std::uint16_t port() const { return port_; }
    std::string api_base() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api"; }
    std::string response_url(const std::string& id) const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/response/" + id;
    }

    // Queues answers for `method` (used in order, then the default).
    void script(const std::string& method, std::vector<Scripted> answers);
    static Scripted rate_limited(int retry_after_seconds);
    static Scripted error(const std::string& code);   // 200 {"ok":false,"error":code}
    static Scripted server_error();                   // 500

    // The workspace's channels. conversations.list and conversations.members answer pages of at most
    // min(limit, page_size) items with an opaque next_cursor; conversations.list honours exclude_archived and types.
    void set_channels(std::vector<FakeChannel> channels, std::size_t page_size = 2);

    // apps.connections.open (Socket Mode) answers {"ok":true,"url":next()}; until set, it is an unknown method.
    void set_socket_url(std::function<std::string()> next);

    std::vector<RecordedCall> calls() const;
    std::vector<RecordedCall> calls(const std::string& method) const;
    // Waits until `pred(calls)` holds; false after `timeout`.
    bool wait_for(const std::function<bool(const std::vector<RecordedCall>&)>& pred,
                  std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    bool wait_for_count(const std::string& method, std::size_t n,
                        std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

private:
    server::HttpResponse answer(const server::HttpRequest& req);
    std::string default_reply(const std::string& method, const boost::json::object& args);

    std::unique_ptr<server::HttpServer> server_;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<RecordedCall> calls_;
    std::map<std::string, std::deque<Scripted>> scripts_;
    std::vector<FakeChannel> channels_;
    std::function<std::string()> socket_url_;
    std::size_t page_size_ = 2;
    std::uint64_t next_ts_ = 1;
};

}  // namespace advocacy::testing
