// [log] and [storage] retention_months: read, checked, applied; and what the logger writes with them: one line per
// event in text or JSON, with credential-like fields masked.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "bot/log/apply_config.hpp"
#include "bot/log/log.hpp"
#include "tests/config/support.hpp"

using namespace advocacy::config;
using namespace advocacy::config::testing;
namespace alog = advocacy::log;

namespace {

// Captures the logger's lines for the test's duration, then restores the defaults.
struct CapturedLog {
    std::vector<std::string> lines;
    CapturedLog() {
        alog::set_sink([this](std::string_view line) { lines.emplace_back(line); });
    }
    ~CapturedLog() {
        alog::set_sink({});
        alog::apply(LogConfig{});
    }
};

}  // namespace

TEST_CASE("[log] level and format are read", "[config][log]") {
    const auto result = load_config_text("[log]\nlevel = \"warn\"\nformat = \"json\"\n", "ok.toml", fake_env({}));
    CHECK(messages(result).empty());
    REQUIRE(result.config);
    CHECK(result.config->log.level == LogLevel::warn);
    CHECK(result.config->log.format == LogFormat::json);
}

TEST_CASE("[log] defaults to info and text", "[config][log][defaults]") {
    const auto result = load_config_text("", "ok.toml", fake_env({}));
    REQUIRE(result.config);
    CHECK(result.config->log.level == LogLevel::info);
    CHECK(result.config->log.format == LogFormat::text);
    CHECK(result.config->storage.retention_months == 0);
}

TEST_CASE("[log] bad values and keys are reported with their position", "[config][log]") {
    CHECK(problems("[log]\nlevel = \"verbose\"\nformat = \"xml\"\nlevle = \"info\"\n") ==
          std::vector<std::string>{
              "bad.toml:2:9: level: \"verbose\" is not a log level "
              "(expected \"debug\", \"info\", \"warn\" or \"error\")",
              "bad.toml:3:10: format: \"xml\" is not a log format (expected \"text\" or \"json\")",
              "bad.toml:4:1: unknown key \"levle\" in [log] (did you mean \"level\"?)"});
}

TEST_CASE("[storage] retention_months is read and bounded", "[config][storage]") {
    const auto ok = load_config_text("[storage]\nretention_months = 13\n", "ok.toml", fake_env({}));
    REQUIRE(ok.config);
    CHECK(ok.config->storage.retention_months == 13);
    CHECK(problems("[storage]\nretention_months = -1\n") ==
          std::vector<std::string>{"bad.toml:2:20: retention_months: -1 is out of range (0-1200; 0 keeps everything)"});
    CHECK(problems("[storage]\nretention_months = \"12\"\n").size() == 1);
}

TEST_CASE("applied [log]: the level filters, text lines carry time, level, component, message and fields", "[log]") {
    CapturedLog captured;
    alog::apply(LogConfig{LogLevel::warn, LogFormat::text});
    alog::info("http", "access", {{"status", "200"}});
    alog::warn("net", "retrying", {{"key", "slack:chat.postMessage"}, {"reason", "HTTP 503"}});
    REQUIRE(captured.lines.size() == 1);
    const std::string& line = captured.lines[0];
    CHECK(line.size() > 25);
    CHECK(line[4] == '-');
    CHECK(line.find("Z WARN net retrying key=slack:chat.postMessage reason=\"HTTP 503\"\n") != std::string::npos);
}

TEST_CASE("applied [log] format json: one parseable object per line, envelope first", "[log]") {
    CapturedLog captured;
    alog::apply(LogConfig{LogLevel::debug, LogFormat::json});
    alog::debug("engine", "push sent", {{"delivery", "42"}, {"message", "multi\nline \"quoted\""}});
    REQUIRE(captured.lines.size() == 1);
    const std::string& line = captured.lines[0];
    CHECK(line.find('\n') == line.size() - 1);  // one line, whatever the fields hold
    const auto o = boost::json::parse(line).as_object();
    CHECK(o.at("level") == "debug");
    CHECK(o.at("component") == "engine");
    CHECK(o.at("message") == "push sent");
    CHECK(o.at("delivery") == "42");
    CHECK(o.at("field.message") == "multi\nline \"quoted\"");  // a field never overwrites the envelope
    CHECK(o.at("time").as_string().size() == 24);
}

TEST_CASE("fields named like credentials are masked in both formats", "[log][redaction]") {
    CHECK(alog::is_secret_field("token"));
    CHECK(alog::is_secret_field("bot_token"));
    CHECK(alog::is_secret_field("Authorization"));
    CHECK(alog::is_secret_field("SIGNING_SECRET"));
    CHECK(alog::is_secret_field("app_password"));
    CHECK(alog::is_secret_field("set-cookie"));
    CHECK_FALSE(alog::is_secret_field("key"));  // rate-limit keys ("slack:chat.postMessage") are fine
    CHECK_FALSE(alog::is_secret_field("path"));

    CapturedLog captured;
    for (const auto format : {LogFormat::text, LogFormat::json}) {
        alog::apply(LogConfig{LogLevel::info, format});
        alog::error("slack", "auth failed",
                   {{"bot_token", "xoxb-1234-SECRET"}, {"Authorization", "Bearer SECRET"}, {"status", "401"}});
    }
    REQUIRE(captured.lines.size() == 2);
    for (const auto& line : captured.lines) {
        INFO(line);
        CHECK(line.find("SECRET") == std::string::npos);
        CHECK(line.find("[redacted]") != std::string::npos);
        CHECK(line.find("401") != std::string::npos);
    }
    CHECK(boost::json::parse(captured.lines[1]).as_object().at("bot_token") == "[redacted]");
}
