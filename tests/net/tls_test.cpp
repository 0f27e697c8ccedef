// TLS against a throwaway CA made at test time: trusted via extra_ca_file it works (with SNI and keep-alive); an
// unknown CA or a certificate for another host name fails verification, at once and without retries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "bot/net/http_client.hpp"
#include "tests/net/client_harness.hpp"
#include "tests/net/fake_http_server.hpp"
#include "tests/net/test_pki.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy;
using namespace advocacy::testing;

namespace {

const TestPki& pki() {
    static const TestPki made = make_test_pki();
    return made;
}

std::filesystem::path write_ca(const TempDir& dir) {
    const auto path = dir.file("ca.pem");
    std::ofstream(path) << pki().ca_pem;
    return path;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void answer_ok(FakeHttpServer& server) {
    server.route("/ok", [](const FakeRequest& req, int) {
        FakeReply r;
        r.body = "secure:" + req.body;
        return r;
    });
}

}  // namespace

TEST_CASE("TLS: a certificate from the trusted extra CA works, with SNI and keep-alive") {
    FakeHttpServer server(FakeTls{pki().localhost_cert_pem, pki().localhost_key_pem});
    answer_ok(server);
    TempDir dir;
    auto options = fast_client_options();
    options.extra_ca_file = write_ca(dir);
    net::HttpClient client(options);

    for (int i = 0; i < 3; ++i) {
        const auto r = client.call(post(server.url("/ok", "localhost"), "hi"));
        REQUIRE(r.ok());
        CHECK(r.response->status == 200);
        CHECK(r.response->body == "secure:hi");
    }
    CHECK(server.connections_accepted() == 1);
    const auto seen = server.requests();
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].sni == "localhost");
    CHECK(seen[0].header("Host") == "localhost:" + std::to_string(server.port()));

    SECTION("an IP literal is verified against the IP SAN and sends no SNI") {
        const auto r = client.call(post(server.url("/ok", "127.0.0.1"), "ip"));
        REQUIRE(r.ok());
        CHECK(r.response->body == "secure:ip");
        CHECK(server.requests().back().sni.empty());
    }
}

TEST_CASE("TLS: without the CA the certificate is rejected, and not retried") {
    FakeHttpServer server(FakeTls{pki().localhost_cert_pem, pki().localhost_key_pem});
    answer_ok(server);
    net::HttpClient client(fast_client_options());  // system store only
    const auto r = client.call(post(server.url("/ok", "localhost")));
    REQUIRE_FALSE(r.ok());
    CHECK(lower(r.error).find("certificate verification failed") != std::string::npos);
    CHECK(r.attempts == 1);
    CHECK(server.requests().empty());
    CHECK(server.connections_accepted() == 1);
}

TEST_CASE("TLS: a valid certificate for another host name fails host-name verification") {
    FakeHttpServer server(FakeTls{pki().other_cert_pem, pki().other_key_pem});
    answer_ok(server);
    TempDir dir;
    auto options = fast_client_options();
    options.extra_ca_file = write_ca(dir);
    net::HttpClient client(options);
    const auto r = client.call(post(server.url("/ok", "localhost")));
    REQUIRE_FALSE(r.ok());
    CHECK(lower(r.error).find("hostname mismatch") != std::string::npos);
    CHECK(r.attempts == 1);
    CHECK(server.requests().empty());
}

TEST_CASE("TLS: an unreadable extra_ca_file is a clear error at construction") {
    TempDir dir;
    auto options = fast_client_options();
    options.extra_ca_file = dir.file("missing.pem");
    CHECK_THROWS_WITH(net::HttpClient(options), Catch::Contains("extra_ca_file"));
}
