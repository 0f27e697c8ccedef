#pragma once
// A WebSocket server on 127.0.0.1 that completes the opening handshake, sends the first half of a text frame (the
// Socket Mode hello) and closes the TCP connection: a link cut mid-frame. Plain POSIX sockets so the bytes on the
// wire are exactly these; one connection at a time on its own thread.
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

namespace advocacy::faults_test {

class CutFrameServer {
public:
    CutFrameServer();
    ~CutFrameServer();
    CutFrameServer(const CutFrameServer&) = delete;
    CutFrameServer& operator=(const CutFrameServer&) = delete;

    std::string url() const { return "ws://127.0.0.1:" + std::to_string(port_) + "/link/?ticket=cut"; }
    int handshakes() const { return handshakes_; }  // connections that got the 101 and half a frame

private:
    void run();
    void serve(int fd);

    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<int> handshakes_{0};
    std::thread thread_;
};

// Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 section 4.2.2).
std::string websocket_accept(const std::string& key);

}  // namespace advocacy::faults_test
