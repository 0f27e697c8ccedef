#include "tests/faults/cut_frame_server.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace advocacy::faults_test {

std::string websocket_accept(const std::string& key) {
    const std::string input = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
    unsigned char encoded[4 * ((SHA_DIGEST_LENGTH + 2) / 3) + 1];
    const int n = EVP_EncodeBlock(encoded, digest, SHA_DIGEST_LENGTH);
    return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(n));
}

CutFrameServer::CutFrameServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 16) != 0)
        throw std::runtime_error("cut-frame server: cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
}

CutFrameServer::~CutFrameServer() {
    ::shutdown(listen_fd_, SHUT_RDWR);  // accept() returns: the thread ends
    thread_.join();
    ::close(listen_fd_);
}

void CutFrameServer::run() {
    for (;;) {
        const int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) return;
        serve(fd);
        ::close(fd);  // FIN in the middle of the frame
    }
}

void CutFrameServer::serve(int fd) {
    const timeval timeout{5, 0};  // a client that never finishes its request does not hold the server
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string request;
    while (request.find("\r\n\r\n") == std::string::npos) {
        char buf[2048];
        const auto n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0 || request.size() > 16 * 1024) return;
        request.append(buf, static_cast<std::size_t>(n));
    }
    std::string lower = request;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto at = lower.find("sec-websocket-key:");
    if (at == std::string::npos) return;
    const auto end = request.find("\r\n", at);
    std::string key = request.substr(at + 18, end - at - 18);
    key.erase(0, key.find_first_not_of(' '));
    key.erase(key.find_last_not_of(' ') + 1);

    const std::string payload = R"({"type":"hello","num_connections":1,"debug_info":{"host":"cut-frame"},)"
                                R"("connection_info":{"app_id":"A1"}})";
    std::string out = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: " + websocket_accept(key) + "\r\n\r\n";
    out += static_cast<char>(0x81);                                // FIN + text
    out += static_cast<char>(payload.size());                      // < 126: the length fits in one byte
    out += payload.substr(0, payload.size() / 2);                  // ... and only half of it
    if (::send(fd, out.data(), out.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(out.size())) ++handshakes_;
}

}  // namespace advocacy::faults_test
