// [server.limits] and the server's grace period and thread counts: read, bounded, defaulted.
#include <catch2/catch.hpp>

#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
using namespace std::chrono_literals;
using Lines = std::vector<std::string>;

TEST_CASE("server limits, grace and threads are read and converted", "[config][server][limits]") {
    const auto result = load_config_text(
        "[server]\n"
        "shutdown_grace_seconds = 25\n"
        "io_threads = 2\n"
        "worker_threads = 16\n"
        "[server.limits]\n"
        "header_bytes = 16_384\n"
        "body_bytes = 0x400000\n"
        "header_timeout_seconds = 5\n"
        "body_timeout_seconds = 120\n"
        "idle_timeout_seconds = 3600\n"
        "write_timeout_seconds = 1\n"
        "max_connections = 100000\n"
        "websocket_message_bytes = 1024\n",
        "ok.toml", fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    const ServerConfig& s = result.config->server;
    CHECK(s.shutdown_grace == 25s);
    CHECK(s.io_threads == 2U);
    CHECK(s.worker_threads == 16U);
    CHECK(s.limits.header_bytes == 16384U);
    CHECK(s.limits.body_bytes == 4U * 1024 * 1024);
    CHECK(s.limits.header_timeout == 5s);
    CHECK(s.limits.body_timeout == 120s);
    CHECK(s.limits.idle_timeout == 1h);
    CHECK(s.limits.write_timeout == 1s);
    CHECK(s.limits.max_connections == 100000U);
    CHECK(s.limits.websocket_message_bytes == 1024U);
}

TEST_CASE("the bounds themselves are accepted", "[config][server][limits]") {
    const auto low = load_config_text(
        "[server]\nshutdown_grace_seconds = 1\nio_threads = 1\nworker_threads = 1\n"
        "[server.limits]\nheader_bytes = 1024\nbody_bytes = 1024\nheader_timeout_seconds = 1\n"
        "body_timeout_seconds = 1\nidle_timeout_seconds = 1\nwrite_timeout_seconds = 1\nmax_connections = 1\n"
        "websocket_message_bytes = 1024\n",
        "low.toml", fake_env({}));
    CHECK(messages(low).empty());
    const auto high = load_config_text(
        "[server]\nshutdown_grace_seconds = 3600\nio_threads = 64\nworker_threads = 64\n"
        "[server.limits]\nheader_bytes = 1048576\nbody_bytes = 67108864\nheader_timeout_seconds = 3600\n"
        "body_timeout_seconds = 3600\nidle_timeout_seconds = 3600\nwrite_timeout_seconds = 3600\n"
        "max_connections = 100000\nwebsocket_message_bytes = 67108864\n",
        "high.toml", fake_env({}));
    CHECK(messages(high).empty());
    REQUIRE(high.config);
    CHECK(high.config->server.limits.body_bytes == 64U * 1024 * 1024);
    CHECK(high.config->server.io_threads == 64U);
}

TEST_CASE("server limits take their defaults when absent", "[config][server][limits][defaults]") {
    // No [server.limits] at all, and a [server.limits] that sets only one key.
    for (const char* text : {"", "[server]\nport = 9000\n", "[server.limits]\nmax_connections = 10\n"}) {
        INFO(text);
        const auto result = load_config_text(text, "ok.toml", fake_env({}));
        REQUIRE(result.config);
        const ServerConfig& s = result.config->server;
        CHECK(s.shutdown_grace == 10s);
        CHECK(s.io_threads == 1U);
        CHECK(s.worker_threads == 4U);
        CHECK(s.limits.header_bytes == 8U * 1024);
        CHECK(s.limits.body_bytes == 1024U * 1024);
        CHECK(s.limits.header_timeout == 10s);
        CHECK(s.limits.body_timeout == 30s);
        CHECK(s.limits.idle_timeout == 60s);
        CHECK(s.limits.write_timeout == 30s);
        CHECK(s.limits.websocket_message_bytes == 64U * 1024);
    }
    CHECK(load_config_text("", "ok.toml", fake_env({})).config->server.limits.max_connections == 1024U);
    CHECK(load_config_text("[server.limits]\nmax_connections = 10\n", "ok.toml", fake_env({}))
              .config->server.limits.max_connections == 10U);
}

TEST_CASE("each limit out of range gets its own positioned message", "[config][server][limits]") {
    // Below the minimum.
    CHECK(problems("[server.limits]\n"
                   "header_bytes = 1023\n"
                   "body_bytes = 0\n"
                   "header_timeout_seconds = 0\n"
                   "body_timeout_seconds = -5\n"
                   "idle_timeout_seconds = 0\n"
                   "write_timeout_seconds = 0\n"
                   "max_connections = 0\n"
                   "websocket_message_bytes = 512\n") ==
          Lines{
              "bad.toml:2:16: header_bytes: 1023 is out of range (1024-1048576, i.e. 1 KiB-1 MiB)",
              "bad.toml:3:14: body_bytes: 0 is out of range (1024-67108864, i.e. 1 KiB-64 MiB)",
              "bad.toml:4:26: header_timeout_seconds: 0 is out of range (1-3600)",
              "bad.toml:5:24: body_timeout_seconds: -5 is out of range (1-3600)",
              "bad.toml:6:24: idle_timeout_seconds: 0 is out of range (1-3600)",
              "bad.toml:7:25: write_timeout_seconds: 0 is out of range (1-3600)",
              "bad.toml:8:19: max_connections: 0 is out of range (1-100000)",
              "bad.toml:9:27: websocket_message_bytes: 512 is out of range (1024-67108864, i.e. 1 KiB-64 MiB)",
          });
    // Above the maximum.
    CHECK(problems("[server.limits]\n"
                   "header_bytes = 1048577\n"
                   "body_bytes = 67108865\n"
                   "header_timeout_seconds = 3601\n"
                   "body_timeout_seconds = 30000\n"
                   "idle_timeout_seconds = 60000\n"
                   "write_timeout_seconds = 9223372036854775807\n"
                   "max_connections = 100001\n"
                   "websocket_message_bytes = 1_000_000_000\n") ==
          Lines{
              "bad.toml:2:16: header_bytes: 1048577 is out of range (1024-1048576, i.e. 1 KiB-1 MiB)",
              "bad.toml:3:14: body_bytes: 67108865 is out of range (1024-67108864, i.e. 1 KiB-64 MiB)",
              "bad.toml:4:26: header_timeout_seconds: 3601 is out of range (1-3600)",
              "bad.toml:5:24: body_timeout_seconds: 30000 is out of range (1-3600)",
              "bad.toml:6:24: idle_timeout_seconds: 60000 is out of range (1-3600)",
              "bad.toml:7:25: write_timeout_seconds: 9223372036854775807 is out of range (1-3600)",
              "bad.toml:8:19: max_connections: 100001 is out of range (1-100000)",
              "bad.toml:9:27: websocket_message_bytes: 1000000000 is out of range (1024-67108864, i.e. 1 KiB-64 MiB)",
          });
}

TEST_CASE("grace period and thread counts out of range", "[config][server][limits]") {
    CHECK(problems("[server]\n"
                   "shutdown_grace_seconds = 0\n"
                   "io_threads = 0\n"
                   "worker_threads = 65\n") ==
          Lines{
              "bad.toml:2:26: shutdown_grace_seconds: 0 is out of range (1-3600)",
              "bad.toml:3:14: io_threads: 0 is out of range (1-64)",
              "bad.toml:4:18: worker_threads: 65 is out of range (1-64)",
          });
    CHECK(problems("[server]\nshutdown_grace_seconds = 3601\nio_threads = 65\nworker_threads = 0\n") ==
          Lines{
              "bad.toml:2:26: shutdown_grace_seconds: 3601 is out of range (1-3600)",
              "bad.toml:3:14: io_threads: 65 is out of range (1-64)",
              "bad.toml:4:18: worker_threads: 0 is out of range (1-64)",
          });
}

TEST_CASE("limits of the wrong type, misspelt or misplaced", "[config][server][limits]") {
    CHECK(problems("[server.limits]\nidle_timeout_seconds = \"60s\"\nbody_bytes = 1.5\n") ==
          Lines{"bad.toml:2:24: idle_timeout_seconds: expected an integer, got a string",
                "bad.toml:3:14: body_bytes: expected an integer, got a float"});
    CHECK(problems("[server.limits]\nidle_timeout = 60\n") ==
          Lines{"bad.toml:2:1: unknown key \"idle_timeout\" in [server.limits] (did you mean "
                "\"idle_timeout_seconds\"?)"});
    CHECK(problems("[server.limit]\nbody_bytes = 2048\n") ==
          Lines{"bad.toml:1:9: unknown section [server.limit] (did you mean [server.limits]?)"});
    // A limit in [server] instead of [server.limits] is not silently ignored.
    CHECK(problems("[server]\nmax_connections = 10\n") ==
          Lines{"bad.toml:2:1: unknown key \"max_connections\" in [server]"});
    CHECK(problems("[server]\nlimits = 5\n") ==
          Lines{"bad.toml:2:10: limits: expected a table ([server.limits]), got an integer"});
}

TEST_CASE("one bad limit does not hide the others, nor the other sections' problems", "[config][server][limits]") {
    CHECK(problems("[server]\nport = 0\nio_threads = 100\n[server.limits]\nmax_connections = -1\n"
                   "[program]\nleaderboard_size = 0\n") ==
          Lines{"bad.toml:2:8: port: 0 is out of range (1-65535)",
                "bad.toml:3:14: io_threads: 100 is out of range (1-64)",
                "bad.toml:5:19: max_connections: -1 is out of range (1-100000)",
                "bad.toml:7:20: leaderboard_size: 0 is out of range (1-50)"});
}
