#pragma once
// A faulty front for a fake platform (FakeSlack, FakeConnector): the bot talks to the front, which forwards each
// request to the fake unchanged while healthy, and otherwise fails the way platforms and their load balancers fail:
//   refused        nothing listens on the port (connection refused) until heal()
//   slow           each request is forwarded at once and answered `slow_hold` (10 s) later (a slow platform)
//   server_error   500, not forwarded
//   garbage        200 with an HTML error page instead of JSON, not forwarded
//   cut_mid_body   200 whose body stops half-way and the connection closes, not forwarded
//   rate_limited   429 + Retry-After (the seconds left in the window), not forwarded
// A fault lasts until heal(), or for a window given to set(); requests arriving after the window are forwarded.
// Faults that are "not forwarded" never reach the fake, so the fake's records are what the platform really did.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "bot/net/http_client.hpp"
#include "tests/net/fake_http_server.hpp"

namespace advocacy::testing {

enum class Fault { none, refused, slow, server_error, garbage, cut_mid_body, rate_limited };

const char* fault_name(Fault fault);

class FaultFront {
public:
    // `backend`: the fake's origin, "http://127.0.0.1:<port>".
    explicit FaultFront(std::string backend, std::chrono::milliseconds slow_hold = std::chrono::seconds(10));
    ~FaultFront();
    FaultFront(const FaultFront&) = delete;
    FaultFront& operator=(const FaultFront&) = delete;

    std::uint16_t port() const { return port_; }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

    // From now on, for `window` (zero: until heal()).
    void set(Fault fault, std::chrono::milliseconds window = std::chrono::milliseconds(0));
    void heal() { set(Fault::none); }

    int faulted() const { return faulted_; }      // requests answered with a fault (refused ones are not seen)
    int forwarded() const { return forwarded_; }  // requests passed to the fake

private:
    FakeReply answer(const FakeRequest& request);
    void listen();

    std::string backend_;
    std::chrono::milliseconds slow_hold_;
    net::HttpClient forwarder_;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    Fault fault_ = Fault::none;
    std::optional<std::chrono::steady_clock::time_point> until_;
    std::unique_ptr<FakeHttpServer> server_;  // null while refusing
    std::atomic<int> faulted_{0};
    std::atomic<int> forwarded_{0};
};

}  // namespace advocacy::testing
