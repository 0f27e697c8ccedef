#pragma once
// The typed, immutable configuration. Built only by load_config() (config/load.hpp), which validates everything;
// the rest of the program takes `const Config&` and never re-checks.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace advocacy::config {

// A secret read from the environment or a file. The value never reaches a log: streaming it prints a redaction.
class Secret {
public:
    Secret() = default;
    Secret(std::string source, std::string value) : source_(std::move(source)), value_(std::move(value)) {}
    const std::string& value() const { return value_; }
    // Where it came from, safe to log: "env SLACK_SIGNING_SECRET" or "file /run/secrets/x".
    const std::string& source() const { return source_; }
    bool empty() const { return value_.empty(); }
    friend std::ostream& operator<<(std::ostream& os, const Secret& s) { return os << "<redacted " << s.source_ << ">"; }

private:
    std::string source_;
    std::string value_;
};

// [server.limits]: what one client may cost the HTTP server. Defaults match server::ServerLimits.
struct ServerLimitsConfig {
    std::size_t header_bytes = 8 * 1024;              // request line + headers; over: 431
    std::size_t body_bytes = 1024 * 1024;             // default per route (a route may set its own); over: 413
    std::chrono::seconds header_timeout{10};          // to receive the headers; over: 408 and close
    std::chrono::seconds body_timeout{30};            // to receive the body; over: 408 and close
    std::chrono::seconds idle_timeout{60};            // keep-alive connection with no new request: closed
    std::chrono::seconds write_timeout{30};           // to send a response
    std::size_t max_connections = 1024;               // open at once; over: 503 and close
    std::size_t websocket_message_bytes = 64 * 1024;  // one incoming WebSocket message
};

struct ServerConfig {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string public_base_url = "http://127.0.0.1:8080";  // no trailing slash; used in /r/ and /s/ links
    std::optional<std::filesystem::path> tls_certificate;
    std::optional<std::filesystem::path> tls_private_key;
    ServerLimitsConfig limits;
    std::chrono::seconds shutdown_grace{10};  // on stop: how long in-flight requests may take to finish
    std::size_t io_threads = 1;               // threads running the network event loop
    std::size_t worker_threads = 4;           // threads running request handlers (engine, SQLite)
};

struct StorageConfig {
    std::filesystem::path database = "advocacy.db";
    int retention_months = 0;  // interaction detail older than this is purged daily (aggregates kept); 0 = keep all
};

// [log]: what the process writes to stderr (bot/log). Kept apart from bot/log so config stays a leaf library.
enum class LogLevel { debug, info, warn, error };
enum class LogFormat { text, json };
struct LogConfig {
    LogLevel level = LogLevel::info;
    LogFormat format = LogFormat::text;
};

// Days of the week as a bit set, Sunday = bit 0 (matches std::chrono::weekday::c_encoding()).
struct WeekdaySet {
    std::uint8_t bits = 0b0111110;  // mon-fri
    bool contains(unsigned c_encoding) const { return (bits >> c_encoding) & 1U; }
    bool operator==(const WeekdaySet&) const = default;
};

struct PointsTable {
    int shared = 10;
    int post_click = 1;            // each counted click on the employee's shared post
    int post_click_cap_per_item = 20;
    int why = 0;                   // never gameable: keep at 0 unless you know why
    int skip = 0;
};

struct ProgramConfig {
    std::string default_locale = "en";          // en | fr
    std::string time_zone = "UTC";              // IANA name, validated against the tz database
    std::chrono::minutes push_time{9 * 60};     // local time of the daily push
    WeekdaySet working_days;
    std::chrono::minutes stagger_window{30};    // pushes spread over [push_time, push_time + window)
    unsigned leaderboard_weekday = 5;           // c_encoding: 5 = Friday
    std::chrono::minutes leaderboard_time{16 * 60};
    int leaderboard_size = 10;
    PointsTable points;
    std::string disclosure_suffix;              // appended to suggested posts, e.g. "#employee"
};

enum class SlackMode { http, socket };

struct SlackConfig {
    bool enabled = false;
    SlackMode mode = SlackMode::http;
    std::string api_base_url = "https://slack.com/api";
    Secret bot_token;       // xoxb-..., from bot_token_env / bot_token_file
    Secret signing_secret;  // HTTP mode
    Secret app_token;       // xapp-..., socket mode
    int socket_connections = 2;  // socket mode: WebSockets kept open at once (1..10); any of them may get an event
    // Web API calls of one method on the wire at once (1..1000); the daily fan-out keeps twice as many DMs in
    // flight (conversations.open + chat.postMessage). 429s still pause the method, whatever this is. 100 is what
    // Slack's own Node SDK allows in flight by default (maxRequestConcurrency).
    int max_in_flight_per_method = 100;
    std::string slash_command = "/advocacy";
    std::string leaderboard_channel;  // channel id; empty: no weekly post on Slack
    std::string share_reaction = "white_check_mark";
};

struct TeamsConfig {
    bool enabled = false;
    std::string app_id;
    std::string tenant_id;
    Secret app_password;
    std::string openid_metadata_url = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    std::string openid_issuer = "https://api.botframework.com";  // expected `iss` of inbound tokens
    std::string token_url;  // default: https://login.microsoftonline.com/<tenant_id>/oauth2/v2.0/token
    std::string leaderboard_conversation;
    // serviceUrl for the leaderboard channel until the bot has seen an activity from it (then the stored one wins).
    std::string leaderboard_service_url = "https://smba.trafficmanager.net/teams/";
    std::string share_reaction = "like";
    // The Teams app package (`advocacy-bot manifest teams`): developer shown in the Teams store entry, and the
    // privacy and terms pages (empty: [server] public_base_url).
    std::string developer_name = "advocacy-bot";
    std::string privacy_url;
    std::string terms_url;
};

// Bootstrap admins (platform user ids). More can be added at run time with `/advocacy admins add`.
struct AdminsConfig {
    std::vector<std::string> slack;
    std::vector<std::string> teams;
    std::vector<std::string> playground;
};

// [dashboard]: the admin dashboard (docs/dashboard.md).
struct DashboardConfig {
    bool enabled = true;
    double value_per_click = 0.0;          // earned media value of one click on a shared post
    std::string currency = "EUR";          // ISO 4217 code, three upper-case letters
    std::chrono::hours session_lifetime{8};
    Secret signing_key;  // signs sign-in links (>= 32 bytes); empty: 32 random bytes per process
};

struct Config {
    std::filesystem::path source;  // the file it was loaded from
    ServerConfig server;
    StorageConfig storage;
    LogConfig log;
    ProgramConfig program;
    SlackConfig slack;
    TeamsConfig teams;
    AdminsConfig admins;
    DashboardConfig dashboard;
};

}  // namespace advocacy::config
