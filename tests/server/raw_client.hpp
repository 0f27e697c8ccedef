#pragma once
// A deliberately dumb HTTP client over a POSIX socket, so tests control every byte (slow headers, oversize bodies,
// pipelining) and observe exactly what the server sends and when it closes. Every read is bounded by a timeout.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace advocacy::testing {

class RawClient {
public:
    explicit RawClient(std::uint16_t port, std::chrono::milliseconds read_timeout = std::chrono::seconds(10));
    ~RawClient();
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    bool send(const std::string& bytes);  // false if the peer closed
    // Reads one full response (headers + Content-Length body). nullopt on close/timeout before a full response.
    std::optional<std::string> read_response();
    // True when the server closed the connection (read returns 0 or reset) within the read timeout.
    bool wait_closed();

private:
    int fd_ = -1;
    std::string pending_;
};

int status_of(const std::string& response);  // 0 when unparseable
std::string body_of(const std::string& response);
std::string header_of(const std::string& response, const std::string& name);

// One request on a fresh connection (5 s read timeout): the status, 0 when nothing answers (not listening yet, or
// killed). `body` receives the response body when given.
int request_status(std::uint16_t port, const std::string& raw, std::string* body = nullptr);
inline int get_status(std::uint16_t port, const std::string& path, std::string* body = nullptr) {
    return request_status(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n", body);
}

}  // namespace advocacy::testing
