// [server] and [storage]: addresses, URLs, TLS files, paths relative to the config file.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/config/support.hpp"
#include "tests/support/temp_dir.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using advocacy::testing::TempDir;
using Lines = std::vector<std::string>;

namespace {
void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}
}  // namespace

TEST_CASE("port out of range", "[config][server]") {
    CHECK(problems("[server]\nport = 70000\n") == Lines{"bad.toml:2:8: port: 70000 is out of range (1-65535)"});
    CHECK(problems("[server]\nport = 0\n") == Lines{"bad.toml:2:8: port: 0 is out of range (1-65535)"});
    CHECK(problems("[server]\nport = \"8080\"\n") == Lines{"bad.toml:2:8: port: expected an integer, got a string"});
}

TEST_CASE("listen address", "[config][server]") {
    for (const char* ok : {"0.0.0.0", "::", "::1", "localhost", "bot.internal.example.com"}) {
        INFO(ok);
        const auto result =
            load_config_text(std::string("[server]\nlisten_address = \"") + ok + "\"\n", "ok.toml", fake_env({}));
        REQUIRE(result.config);
        CHECK(result.config->server.listen_address == ok);
    }
    CHECK(problems("[server]\nlisten_address = \"0.0.0.0:8080\"\n") ==
          Lines{"bad.toml:2:18: listen_address: \"0.0.0.0:8080\" is not an IP address or a host name"});
}

TEST_CASE("public_base_url loses its trailing slash", "[config][server]") {
    const auto result = load_config_text("[server]\npublic_base_url = \"https://bot.example.com/advocacy/\"\n",
                                         "ok.toml", fake_env({}));
    REQUIRE(result.config);
    CHECK(result.config->server.public_base_url == "https://bot.example.com/advocacy");
}

TEST_CASE("public_base_url defaults to the listening address and port", "[config][server]") {
    const auto any = load_config_text("[server]\nlisten_address = \"0.0.0.0\"\nport = 9000\n", "ok.toml", fake_env({}));
    REQUIRE(any.config);
    CHECK(any.config->server.public_base_url == "http://127.0.0.1:9000");
    const auto v6 = load_config_text("[server]\nlisten_address = \"::1\"\n", "ok.toml", fake_env({}));
    REQUIRE(v6.config);
    CHECK(v6.config->server.public_base_url == "http://[::1]:8080");
}

TEST_CASE("bad public URLs", "[config][server]") {
    CHECK(problems("[server]\npublic_base_url = \"ftp://bot.example.com\"\n") ==
          Lines{"bad.toml:2:19: public_base_url: \"ftp://bot.example.com\" is not an http or https URL with a host"});
    CHECK(problems("[server]\npublic_base_url = \"bot.example.com\"\n") ==
          Lines{"bad.toml:2:19: public_base_url: \"bot.example.com\" is not an http or https URL with a host"});
    CHECK(problems("[server]\npublic_base_url = \"https://bot.example.com/?x=1\"\n") ==
          Lines{"bad.toml:2:19: public_base_url: \"https://bot.example.com/?x=1\" must not have a query (?...) or a "
                "fragment (#...): paths are appended to it"});
}

TEST_CASE("a TLS certificate needs its key", "[config][server]") {
    TempDir dir;
    write(dir.file("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    write(dir.file("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    write(dir.file("a.toml"), "[server]\ntls_certificate = \"cert.pem\"\n");
    CHECK(
        messages(load_config(dir.file("a.toml"), fake_env({}))) ==
        Lines{dir.file("a.toml").string() + ":2:19: tls_certificate: set without tls_private_key (HTTPS needs both)"});
    write(dir.file("b.toml"), "[server]\n\ntls_private_key = \"key.pem\"\n");
    CHECK(
        messages(load_config(dir.file("b.toml"), fake_env({}))) ==
        Lines{dir.file("b.toml").string() + ":3:19: tls_private_key: set without tls_certificate (HTTPS needs both)"});
}

TEST_CASE("TLS files resolve against the config file's directory and must be readable", "[config][server]") {
    TempDir dir;
    write(dir.file("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    write(dir.file("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    write(dir.file("ok.toml"), "[server]\ntls_certificate = \"cert.pem\"\ntls_private_key = \"key.pem\"\n");
    const auto ok = load_config(dir.file("ok.toml"), fake_env({}));
    CHECK(messages(ok).empty());
    REQUIRE(ok.config);
    CHECK(ok.config->server.tls_certificate == dir.file("cert.pem"));
    CHECK(ok.config->server.tls_private_key == dir.file("key.pem"));
    CHECK(ok.config->server.public_base_url == "https://127.0.0.1:8080");

    write(dir.file("bad.toml"), "[server]\ntls_certificate = \"cert.pem\"\ntls_private_key = \"missing.pem\"\n");
    CHECK(messages(load_config(dir.file("bad.toml"), fake_env({}))) ==
          Lines{dir.file("bad.toml").string() + ":3:19: tls_private_key: cannot read \"" +
                dir.file("missing.pem").string() + "\": No such file or directory"});
}

TEST_CASE("the database path resolves against the config file's directory", "[config][storage]") {
    TempDir dir;
    std::filesystem::create_directory(dir.file("etc"));
    write(dir.file("etc/advocacy.toml"), "[storage]\ndatabase = \"../data/advocacy.db\"\n");
    const auto relative = load_config(dir.file("etc/advocacy.toml"), fake_env({}));
    REQUIRE(relative.config);
    CHECK(relative.config->storage.database == dir.file("data/advocacy.db"));

    write(dir.file("etc/absolute.toml"), "[storage]\ndatabase = \"/srv/advocacy.db\"\n");
    const auto absolute = load_config(dir.file("etc/absolute.toml"), fake_env({}));
    REQUIRE(absolute.config);
    CHECK(absolute.config->storage.database == "/srv/advocacy.db");

    CHECK(problems("[storage]\ndatabase = \"\"\n") == Lines{"bad.toml:2:12: database: expected a file path"});
}

TEST_CASE("an unreadable config file", "[config][load]") {
    TempDir dir;
    const auto result = load_config(dir.file("nope.toml"), fake_env({}));
    CHECK_FALSE(result.config);
    CHECK(messages(result) ==
          Lines{dir.file("nope.toml").string() + ": cannot read the configuration file: No such file or directory"});
}
