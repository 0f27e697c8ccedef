// The server with TLS on: our own verified client (bot/net) talks to it over a throwaway CA; TLS 1.1 is refused.
#include <catch2/catch.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "bot/net/http_client.hpp"
#include "bot/server/server.hpp"
#include "tests/net/test_pki.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;

namespace {

struct TlsServer {
    TlsServer() : pki(testing::make_test_pki()) {
        std::ofstream(dir.file("cert.pem")) << pki.localhost_cert_pem;
        std::ofstream(dir.file("key.pem")) << pki.localhost_key_pem;
        std::ofstream(dir.file("ca.pem")) << pki.ca_pem;
        server::ServerOptions options;
        options.port = 0;
        options.tls_certificate = dir.file("cert.pem");
        options.tls_private_key = dir.file("key.pem");
        server::Router router;
        router.add("POST", "/echo", [](const server::HttpRequest& r) { return server::HttpResponse::text(200, r.body); });
        http = std::make_unique<server::HttpServer>(options, std::move(router));
        port = http->start();
    }
    testing::TempDir dir;
    testing::TestPki pki;
    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
};

// A raw TLS handshake limited to one protocol version; true when the server accepted it.
bool handshake_with_version(std::uint16_t port, int version) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, version);
    SSL_CTX_set_max_proto_version(ctx, version);
    SSL_CTX_set_security_level(ctx, 0);  // let the client offer old versions; the server must be the one refusing
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = false;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        SSL* ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        ok = SSL_connect(ssl) == 1;
        SSL_free(ssl);
    }
    ::close(fd);
    SSL_CTX_free(ctx);
    ERR_clear_error();
    return ok;
}

}  // namespace

TEST_CASE("TLS: a verifying client gets answers over HTTPS") {
    TlsServer s;
    net::ClientOptions options;
    options.extra_ca_file = s.dir.file("ca.pem");
    net::HttpClient client(options);
    net::ClientRequest req;
    req.url = "https://localhost:" + std::to_string(s.port) + "/echo";
    req.content_type = "text/plain";
    req.body = "over tls";
    const auto r = client.call(req);
    REQUIRE(r.ok());
    CHECK(r.response->status == 200);
    CHECK(r.response->body == "over tls");
}

TEST_CASE("TLS: 1.2 and 1.3 are accepted, 1.1 is refused") {
    TlsServer s;
    CHECK(handshake_with_version(s.port, TLS1_2_VERSION));
    CHECK(handshake_with_version(s.port, TLS1_3_VERSION));
    CHECK_FALSE(handshake_with_version(s.port, TLS1_1_VERSION));
}

TEST_CASE("TLS: a missing certificate file is a clear start-up error") {
    server::ServerOptions options;
    options.port = 0;
    options.tls_certificate = "/nonexistent/cert.pem";
    options.tls_private_key = "/nonexistent/key.pem";
    server::HttpServer http(options);
    CHECK_THROWS_WITH(http.start(), Catch::Contains("cannot load TLS certificate /nonexistent/cert.pem"));
}
