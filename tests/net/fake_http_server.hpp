#pragma once
// A small, scriptable HTTP/1.1 server on 127.0.0.1 for the client tests: plain POSIX sockets and a thread per
// connection (optionally TLS with OpenSSL), so every behaviour is explicit: answer, answer late, 429/500 on cue,
// drop the connection without answering, and count the TCP connections it accepted.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace advocacy::testing {

using FakeHeaders = std::vector<std::pair<std::string, std::string>>;

struct FakeRequest {
    std::string method;
    std::string target;
    std::string path;
    FakeHeaders headers;
    std::string body;
    int connection = 0;  // 1-based index of the TCP connection it came on
    std::string sni;     // TLS server name the client sent (empty: none, or plain HTTP)
    std::chrono::steady_clock::time_point received;
    std::string header(const std::string& name) const;  // case-insensitive
};

struct FakeReply {
    int status = 200;
    FakeHeaders headers;
    std::string body;
    std::chrono::milliseconds delay{0};  // answer this late (cut short when the server stops)
    bool drop = false;                   // close the connection (RST) instead of answering
    // Send the head (with the full Content-Length) and only this many bytes of the body, then close: a reply cut
    // mid-body.
    std::optional<std::size_t> cut_after{};
};

// `nth` counts the requests to this path so far, from 1.
using FakeHandler = std::function<FakeReply(const FakeRequest& request, int nth)>;

struct FakeTls {
    std::string certificate_pem;
    std::string private_key_pem;
};

class FakeHttpServer {
public:
    // `port` 0: an ephemeral one; otherwise that port (e.g. to come back where a stopped server was).
    explicit FakeHttpServer(std::optional<FakeTls> tls = std::nullopt, std::uint16_t port = 0);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    // Exact path (query ignored); unknown paths get the "*" route when there is one, 404 otherwise.
    void route(const std::string& path, FakeHandler handler);

    std::uint16_t port() const { return port_; }
    std::string url(const std::string& path, const std::string& host = "127.0.0.1") const;

    int connections_accepted() const;
    std::vector<FakeRequest> requests() const;
    int max_concurrent_requests() const;  // most requests being handled at the same moment
    bool wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const;

private:
    void accept_loop();
    void serve(int fd, int index);
    FakeReply dispatch(FakeRequest& request);

    struct TlsState;
    std::unique_ptr<TlsState> tls_;
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    std::thread acceptor_;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool stopping_ = false;
    int accepted_ = 0;
    int active_requests_ = 0;
    int max_active_requests_ = 0;
    std::vector<int> open_fds_;
    std::vector<std::thread> workers_;
    std::map<std::string, FakeHandler> routes_;
    std::map<std::string, int> counts_;
    std::vector<FakeRequest> requests_;
};

}  // namespace advocacy::testing
