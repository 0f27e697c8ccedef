#include "tests/net/fake_http_server.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <stdexcept>

namespace advocacy::testing {

namespace {

bool iequals(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 404: return "Not Found";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

// Blocking byte I/O over a socket or a TLS session on it.
struct Io {
    int fd;
    SSL* ssl;
    long read(char* buf, int n) { return ssl ? SSL_read(ssl, buf, n) : ::recv(fd, buf, static_cast<size_t>(n), 0); }
    bool write(const std::string& data) {
        std::size_t done = 0;
        while (done < data.size()) {
            const int chunk = static_cast<int>(std::min<std::size_t>(data.size() - done, 1 << 20));
            const long n = ssl ? SSL_write(ssl, data.data() + done, chunk)
                               : ::send(fd, data.data() + done, static_cast<size_t>(chunk), MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
};

// Reads one request (headers + Content-Length body); false on EOF or garbage.
bool read_request(Io& io, std::string& pending, FakeRequest& out) {
    std::size_t end;
    while ((end = pending.find("\r\n\r\n")) == std::string::npos) {
        char buf[4096];
        const long n = io.read(buf, sizeof buf);
        if (n <= 0) return false;
        pending.append(buf, static_cast<std::size_t>(n));
    }
    const std::string head = pending.substr(0, end);
    pending.erase(0, end + 4);
    const auto line_end = head.find("\r\n");
    const std::string line = head.substr(0, line_end);
    const auto sp1 = line.find(' ');
    const auto sp2 = line.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos) return false;
    out.method = line.substr(0, sp1);
    out.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    out.path = out.target.substr(0, out.target.find('?'));
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    std::size_t length = 0;
    while (pos < head.size()) {
        auto next = head.find("\r\n", pos);
        if (next == std::string::npos) next = head.size();
        const std::string field = head.substr(pos, next - pos);
        const auto colon = field.find(':');
        if (colon != std::string::npos) {
            std::string value = field.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            out.headers.emplace_back(field.substr(0, colon), value);
            if (iequals(field.substr(0, colon), "Content-Length")) length = std::stoul(value);
        }
        pos = next + 2;
    }
    while (pending.size() < length) {
        char buf[4096];
        const long n = io.read(buf, sizeof buf);
        if (n <= 0) return false;
        pending.append(buf, static_cast<std::size_t>(n));
    }
    out.body = pending.substr(0, length);
    pending.erase(0, length);
    return true;
}

void abort_connection(int fd) {
    const linger hard{1, 0};  // RST, like a crashed or overloaded server
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::shutdown(fd, SHUT_RDWR);
}

}  // namespace

std::string FakeRequest::header(const std::string& name) const {
    for (const auto& [n, v] : headers)
        if (iequals(n, name)) return v;
    return {};
}

struct FakeHttpServer::TlsState {
    SSL_CTX* ctx = nullptr;
    ~TlsState() { SSL_CTX_free(ctx); }
};

FakeHttpServer::FakeHttpServer(std::optional<FakeTls> tls, std::uint16_t port) {
    std::signal(SIGPIPE, SIG_IGN);  // a client that hung up must not kill the test process
    if (tls) {
        tls_ = std::make_unique<TlsState>();
        tls_->ctx = SSL_CTX_new(TLS_server_method());
        BIO* cert_bio = BIO_new_mem_buf(tls->certificate_pem.data(), static_cast<int>(tls->certificate_pem.size()));
        X509* cert = PEM_read_bio_X509(cert_bio, nullptr, nullptr, nullptr);
        BIO* key_bio = BIO_new_mem_buf(tls->private_key_pem.data(), static_cast<int>(tls->private_key_pem.size()));
        EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
        const bool ok = cert && key && SSL_CTX_use_certificate(tls_->ctx, cert) == 1 &&
                        SSL_CTX_use_PrivateKey(tls_->ctx, key) == 1;
        X509_free(cert);
        EVP_PKEY_free(key);
        BIO_free(cert_bio);
        BIO_free(key_bio);
        if (!ok) throw std::runtime_error("fake server: bad certificate or key");
    }
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 128) != 0)
        throw std::runtime_error("fake server: cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FakeHttpServer::~FakeHttpServer() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        for (const int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
    }
    changed_.notify_all();
    ::shutdown(listen_fd_, SHUT_RDWR);
    acceptor_.join();
    ::close(listen_fd_);
    std::vector<std::thread> workers;
    {
        const std::lock_guard lock(mutex_);
        workers.swap(workers_);
    }
    for (auto& t : workers) t.join();
}

void FakeHttpServer::route(const std::string& path, FakeHandler handler) {
    const std::lock_guard lock(mutex_);
    routes_[path] = std::move(handler);
}

std::string FakeHttpServer::url(const std::string& path, const std::string& host) const {
    return std::string(tls_ ? "https://" : "http://") + host + ":" + std::to_string(port_) + path;
}

int FakeHttpServer::connections_accepted() const {
    const std::lock_guard lock(mutex_);
    return accepted_;
}

std::vector<FakeRequest> FakeHttpServer::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

int FakeHttpServer::max_concurrent_requests() const {
    const std::lock_guard lock(mutex_);
    return max_active_requests_;
}

bool FakeHttpServer::wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
}

void FakeHttpServer::accept_loop() {
    for (;;) {
        const int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) return;  // shut down
        const std::lock_guard lock(mutex_);
        if (stopping_) {
            ::close(fd);
            return;
        }
        const int index = ++accepted_;
        open_fds_.push_back(fd);
        workers_.emplace_back([this, fd, index] { serve(fd, index); });
    }
}

void FakeHttpServer::serve(int fd, int index) {
    SSL* ssl = nullptr;
    std::string sni;
    bool usable = true;
    if (tls_) {
        ssl = SSL_new(tls_->ctx);
        SSL_set_fd(ssl, fd);
        usable = SSL_accept(ssl) == 1;  // fails when the client rejects our certificate
        if (usable) {
            const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
            sni = name ? name : "";
        }
    }
    Io io{fd, ssl};
    std::string pending;
    bool dropped = false;
    while (usable) {
        FakeRequest request;
        if (!read_request(io, pending, request)) break;
        request.connection = index;
        request.sni = sni;
        const FakeReply reply = dispatch(request);
        if (reply.drop) {
            abort_connection(fd);
            dropped = true;
            break;
        }
        std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " " + reason(reply.status) + "\r\n";
        out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
        for (const auto& [n, v] : reply.headers) out += n + ": " + v + "\r\n";
        out += "\r\n" + (reply.cut_after ? reply.body.substr(0, *reply.cut_after) : reply.body);
        if (!io.write(out) || reply.cut_after) break;
    }
    if (ssl) {
        if (usable && !dropped) SSL_shutdown(ssl);
        SSL_free(ssl);
    }
    const std::lock_guard lock(mutex_);
    open_fds_.erase(std::remove(open_fds_.begin(), open_fds_.end(), fd), open_fds_.end());
    ::close(fd);
}

FakeReply FakeHttpServer::dispatch(FakeRequest& request) {
    FakeHandler handler;
    int nth = 0;
    {
        const std::lock_guard lock(mutex_);
        request.received = std::chrono::steady_clock::now();
        requests_.push_back(request);
        nth = ++counts_[request.path];
        auto it = routes_.find(request.path);
        if (it == routes_.end()) it = routes_.find("*");
        if (it != routes_.end()) handler = it->second;
        max_active_requests_ = std::max(max_active_requests_, ++active_requests_);
    }
    changed_.notify_all();
    FakeReply reply;
    if (handler) {
        reply = handler(request, nth);
    } else {
        reply.status = 404;
    }
    std::unique_lock lock(mutex_);
    if (reply.delay.count() > 0) changed_.wait_for(lock, reply.delay, [this] { return stopping_; });
    --active_requests_;
    return reply;
}

}  // namespace advocacy::testing
