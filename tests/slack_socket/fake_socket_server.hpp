#pragma once
// A fake Slack Socket Mode server for the tests: a Beast WebSocket server on 127.0.0.1 (plain ws://, or wss:// with
// a test certificate). Every accepted connection is a FakeLink the test drives: say hello, send envelopes and
// disconnect frames, read what the client sent (acks), stop answering pings, drop the TCP connection abruptly.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/net/fake_http_server.hpp"  // FakeTls

namespace advocacy::testing {

using std::chrono::milliseconds;

class FakeLink {
public:
    virtual ~FakeLink() = default;
    virtual std::string target() const = 0;  // the path and query the client asked for (the URL's ticket)
    virtual void send(std::string text) = 0;
    virtual void hello() = 0;
    // From the next message the client sends on, the server stops reading: pings go unanswered, the socket stays
    // open (a "zombie" link).
    virtual void stop_answering() = 0;
    virtual void drop() = 0;  // closes the TCP connection without a close frame
    virtual void close() = 0;  // a clean close frame from the server

    virtual std::vector<std::string> messages() const = 0;  // text frames from the client, in order
    // Waits until a message satisfies `pred`; returns it, or nullopt after `timeout`.
    virtual std::optional<std::string> wait_message(const std::function<bool(const std::string&)>& pred,
                                                    milliseconds timeout) = 0;
    // Waits until `pred(all messages so far)` holds; false after `timeout`. `pred` must not call back into the link.
    virtual bool wait_messages(const std::function<bool(const std::vector<std::string>&)>& pred,
                               milliseconds timeout) = 0;
    virtual bool wait_closed(milliseconds timeout) = 0;
    virtual bool closed() const = 0;
    virtual bool closed_by_client() const = 0;  // the client sent a close frame
    virtual int pings() const = 0;               // pings the client sent that the server read
    virtual bool wait_pings(int n, milliseconds timeout) = 0;
};

class FakeSocketServer {
public:
    explicit FakeSocketServer(std::optional<FakeTls> tls = std::nullopt);
    ~FakeSocketServer();
    FakeSocketServer(const FakeSocketServer&) = delete;
    FakeSocketServer& operator=(const FakeSocketServer&) = delete;

    std::uint16_t port() const;
    // ws://127.0.0.1:<port>/link/?ticket=<ticket> (wss://<host>:<port>/... with TLS).
    std::string url(const std::string& ticket, const std::string& host = "127.0.0.1") const;

    // New connections say hello at once (default), or wait for FakeLink::hello().
    void set_auto_hello(bool on);

    // The n-th accepted connection (from 0), waiting up to `timeout` for it; nullptr then.
    std::shared_ptr<FakeLink> link(std::size_t n, milliseconds timeout = milliseconds(5000)) const;
    std::size_t links() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// {"type":"hello",...}, {"type":"disconnect","reason":...} and envelopes, as Slack sends them.
std::string hello_frame(int num_connections = 1);
std::string disconnect_frame(const std::string& reason);
std::string envelope_frame(const std::string& envelope_id, const std::string& type, const std::string& payload_json,
                           bool accepts_response_payload, int retry_attempt = 0);

}  // namespace advocacy::testing
