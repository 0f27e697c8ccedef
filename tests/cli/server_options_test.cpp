// The [server] and [server.limits] configuration reaches the HTTP server's options unchanged.
#include <catch2/catch.hpp>

#include <fstream>

#include "bot/app/server_options_from_config.hpp"
#include "config/load.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using advocacy::server_options_from;
using advocacy::testing::TempDir;

namespace {

advocacy::config::Config load(const std::filesystem::path& file) {
    const auto result = advocacy::config::load_config(file, [](std::string_view) { return std::nullopt; });
    for (const auto& d : result.diagnostics) UNSCOPED_INFO(d.str());
    REQUIRE(result.config);
    return *result.config;
}

}  // namespace

TEST_CASE("server options carry the configured address, TLS files, limits, grace and threads", "[cli][server]") {
    TempDir dir;
    std::ofstream(dir.file("cert.pem")) << "-----BEGIN CERTIFICATE-----\n";
    std::ofstream(dir.file("key.pem")) << "-----BEGIN PRIVATE KEY-----\n";
    std::ofstream(dir.file("bot.toml")) << "[server]\n"
                                           "listen_address = \"0.0.0.0\"\n"
                                           "port = 8443\n"
                                           "tls_certificate = \"cert.pem\"\n"
                                           "tls_private_key = \"key.pem\"\n"
                                           "shutdown_grace_seconds = 25\n"
                                           "io_threads = 2\n"
                                           "worker_threads = 8\n"
                                           "[server.limits]\n"
                                           "header_bytes = 16384\n"
                                           "body_bytes = 2097152\n"
                                           "header_timeout_seconds = 5\n"
                                           "body_timeout_seconds = 20\n"
                                           "idle_timeout_seconds = 90\n"
                                           "write_timeout_seconds = 15\n"
                                           "max_connections = 500\n"
                                           "websocket_message_bytes = 131072\n";
    const auto o = server_options_from(load(dir.file("bot.toml")));
    CHECK(o.address == "0.0.0.0");
    CHECK(o.port == 8443);
    CHECK(o.tls_certificate == dir.file("cert.pem"));
    CHECK(o.tls_private_key == dir.file("key.pem"));
    CHECK(o.shutdown_grace == 25s);
    CHECK(o.io_threads == 2);
    CHECK(o.worker_threads == 8);
    CHECK(o.limits.header_bytes == 16384U);
    CHECK(o.limits.body_bytes == 2097152U);
    CHECK(o.limits.header_timeout == 5s);
    CHECK(o.limits.body_timeout == 20s);
    CHECK(o.limits.idle_timeout == 90s);
    CHECK(o.limits.write_timeout == 15s);
    CHECK(o.limits.max_connections == 500U);
    CHECK(o.limits.websocket_message_bytes == 131072U);
}

TEST_CASE("an empty configuration gives the server's own defaults", "[cli][server]") {
    // The config module and the server keep their defaults apart; they must not drift.
    TempDir dir;
    std::ofstream(dir.file("empty.toml")) << "";
    const auto o = server_options_from(load(dir.file("empty.toml")));
    const advocacy::server::ServerOptions d;
    CHECK(o.address == d.address);
    CHECK(o.port == d.port);
    CHECK_FALSE(o.tls_certificate);
    CHECK_FALSE(o.tls_private_key);
    CHECK(o.shutdown_grace == d.shutdown_grace);
    CHECK(o.io_threads == d.io_threads);
    CHECK(o.worker_threads == d.worker_threads);
    CHECK(o.limits.header_bytes == d.limits.header_bytes);
    CHECK(o.limits.body_bytes == d.limits.body_bytes);
    CHECK(o.limits.header_timeout == d.limits.header_timeout);
    CHECK(o.limits.body_timeout == d.limits.body_timeout);
    CHECK(o.limits.idle_timeout == d.limits.idle_timeout);
    CHECK(o.limits.write_timeout == d.limits.write_timeout);
    CHECK(o.limits.max_connections == d.limits.max_connections);
    CHECK(o.limits.websocket_message_bytes == d.limits.websocket_message_bytes);
}
