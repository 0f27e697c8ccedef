// [slack]: the Slack app (HTTP Events API or Socket Mode) and its secrets.
#include "config/secrets_internal.hpp"

namespace advocacy::config::detail {
namespace {

bool is_slash_command(std::string_view s) {
    // Slack: a '/' then at most 31 lowercase characters, no blanks.
    if (s.size() < 2 || s.size() > 32 || s[0] != '/') return false;
    for (char c : s.substr(1)) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

bool is_emoji_name(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+' || c == '\'';
        if (!ok) return false;
    }
    return true;
}

void read_secrets(TableReader& r, const LoadContext& ctx, SlackConfig& out) {
    const bool http = out.mode == SlackMode::http;
    out.bot_token = read_secret(r, ctx, {"bot_token", "SLACK_BOT_TOKEN"}, out.enabled);
    out.signing_secret = read_secret(r, ctx, {"signing_secret", "SLACK_SIGNING_SECRET"}, out.enabled && http);
    out.app_token = read_secret(r, ctx, {"app_token", "SLACK_APP_TOKEN"}, out.enabled && !http);
    if (!out.app_token.empty() && out.app_token.value().rfind("xapp-", 0) != 0) {
        const auto where =
            r.has("app_token_file") ? r.value_position("app_token_file") : r.value_position("app_token_env");
        r.diagnostics().add(
            where, "app_token: app token must be an app-level token (xapp-...), check " + out.app_token.source());
    }
}

}  // namespace

void read_slack(TableReader& top, const LoadContext& ctx, SlackConfig& out) {
    TableReader r(top.diagnostics(), top.section("slack"), "slack",
                  {{"enabled", "mode", "api_base_url", "bot_token_env", "bot_token_file", "signing_secret_env",
                    "signing_secret_file", "app_token_env", "app_token_file", "socket_connections", "max_in_flight_per_method",
                    "slash_command", "leaderboard_channel", "share_reaction"},
                   {}});
    out.enabled = r.boolean("enabled").value_or(false);
    if (const auto v = r.string("mode")) {
        if (*v == "http")
            out.mode = SlackMode::http;
        else if (*v == "socket")
            out.mode = SlackMode::socket;
        else
            r.error("mode", in_quotes(*v) + " is not a Slack mode (expected \"http\" or \"socket\")");
    }
    if (const auto url = base_url(r, "api_base_url")) out.api_base_url = *url;
    read_secrets(r, ctx, out);
    if (const auto v = r.integer("socket_connections")) {
        if (*v < 1 || *v > 10)
            r.error("socket_connections", std::to_string(*v) + " is out of range (1-10, Slack's limit per app)");
        else
            out.socket_connections = static_cast<int>(*v);
    }
    if (const auto v = r.integer("max_in_flight_per_method")) {
        if (*v < 1 || *v > 1000)
            r.error("max_in_flight_per_method", std::to_string(*v) + " is out of range (1-1000)");
        else
            out.max_in_flight_per_method = static_cast<int>(*v);
    }
    if (const auto v = r.string("slash_command")) {
        if (v->empty() || (*v)[0] != '/')
            r.error("slash_command", in_quotes(*v) + " must start with '/'");
        else if (!is_slash_command(*v))
            r.error("slash_command",
                    in_quotes(*v) + " is not a Slack command (lowercase, no blanks, at most 32 characters)");
        else
            out.slash_command = *v;
    }
    if (const auto v = r.string("leaderboard_channel")) {
        if (!v->empty() && !is_single_word(*v))
            r.error("leaderboard_channel", in_quotes(*v) + " is not a channel id (e.g. \"C0123456789\")");
        else
            out.leaderboard_channel = *v;
    }
    if (const auto v = r.string("share_reaction")) {
        std::string name = *v;
        if (name.size() > 2 && name.front() == ':' && name.back() == ':') name = name.substr(1, name.size() - 2);
        if (is_emoji_name(name))
            out.share_reaction = name;
        else
            r.error("share_reaction", in_quotes(*v) + " is not an emoji name (e.g. \"white_check_mark\")");
    }
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
