#include "tests/server/raw_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace advocacy::testing {

RawClient::RawClient(std::uint16_t port, std::chrono::milliseconds read_timeout) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    timeval tv{};
    tv.tv_sec = static_cast<long>(read_timeout.count() / 1000);
    tv.tv_usec = static_cast<long>((read_timeout.count() % 1000) * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd_);
        throw std::runtime_error("connect failed");
    }
}

RawClient::~RawClient() {
    if (fd_ >= 0) ::close(fd_);
}

bool RawClient::send(const std::string& bytes) {
    std::size_t off = 0;
    while (off < bytes.size()) {
        const auto n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
        if (n <= 0) return false;
        off += static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<std::string> RawClient::read_response() {
    char buf[4096];
    for (;;) {
        const auto end = pending_.find("\r\n\r\n");
        if (end != std::string::npos) {
            const std::string head = pending_.substr(0, end + 4);
            const std::string cl = header_of(head, "Content-Length");
            const std::size_t length = cl.empty() ? 0 : std::stoul(cl);
            if (pending_.size() >= end + 4 + length) {
                std::string response = pending_.substr(0, end + 4 + length);
                pending_.erase(0, end + 4 + length);
                return response;
            }
        }
        const auto n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) return std::nullopt;
        pending_.append(buf, static_cast<std::size_t>(n));
    }
}

bool RawClient::wait_closed() {
    char buf[4096];
    for (;;) {
        const auto n = ::recv(fd_, buf, sizeof buf, 0);
        if (n == 0) return true;
        if (n < 0) return errno == ECONNRESET;  // EAGAIN: the timeout ran out with the connection still open
    }
}

int status_of(const std::string& response) {
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
    return std::stoi(response.substr(9, 3));
}

std::string body_of(const std::string& response) {
    const auto end = response.find("\r\n\r\n");
    return end == std::string::npos ? std::string{} : response.substr(end + 4);
}

std::string header_of(const std::string& response, const std::string& name) {
    std::string lower_resp = response, lower_name = "\r\n" + name + ":";
    std::transform(lower_resp.begin(), lower_resp.end(), lower_resp.begin(), [](unsigned char c) { return std::tolower(c); });
    std::transform(lower_name.begin(), lower_name.end(), lower_name.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto at = lower_resp.find(lower_name);
    if (at == std::string::npos) return {};
    auto start = at + lower_name.size();
    while (start < response.size() && response[start] == ' ') ++start;
    const auto eol = response.find("\r\n", start);
    return response.substr(start, eol - start);
}

int request_status(std::uint16_t port, const std::string& raw, std::string* body) {
    try {
        RawClient c(port, std::chrono::seconds(5));
        if (!c.send(raw)) return 0;
        const auto r = c.read_response();
        if (!r) return 0;
        if (body) *body = body_of(*r);
        return status_of(*r);
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace advocacy::testing
