// [teams]: the Azure bot registration (app id, tenant, password) and the Bot Framework endpoints.
#include "config/secrets_internal.hpp"

namespace advocacy::config::detail {
namespace {

// A GUID or a domain ("contoso.onmicrosoft.com", "botframework.com"): it goes into the token URL's path.
bool is_tenant_id(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok) return false;
    }
    return true;
}

// An optional single-word value; "" reads as not set.
void read_word(TableReader& r, std::string_view key, std::string_view what, std::string& out) {
    const auto v = r.string(key);
    if (!v) return;
    if (!v->empty() && !is_single_word(*v))
        r.error(key, in_quotes(*v) + " is not " + std::string(what));
    else
        out = *v;
}

// What the Teams app package shows: a developer name, and the privacy and terms pages (https in the store).
void read_manifest_keys(TableReader& r, TeamsConfig& out) {
    if (const auto v = r.string("developer_name")) {
        if (v->empty() || v->size() > 32 || v->find_first_of("\r\n\t") != std::string::npos)
            r.error("developer_name", in_quotes(*v) + " is not a developer name (one line, 1-32 characters)");
        else
            out.developer_name = *v;
    }
    if (const auto url = http_url(r, "privacy_url")) out.privacy_url = *url;
    if (const auto url = http_url(r, "terms_url")) out.terms_url = *url;
}

}  // namespace

void read_teams(TableReader& top, const LoadContext& ctx, TeamsConfig& out) {
    TableReader r(top.diagnostics(), top.section("teams"), "teams",
                  {{"enabled", "app_id", "tenant_id", "app_password_env", "app_password_file", "openid_metadata_url",
                    "openid_issuer", "token_url", "leaderboard_conversation", "leaderboard_service_url",
                    "share_reaction", "developer_name", "privacy_url", "terms_url"},
                   {}});
    out.enabled = r.boolean("enabled").value_or(false);
    read_word(r, "app_id", "an app id (the bot's Microsoft App ID, a GUID)", out.app_id);
    if (const auto v = r.string("tenant_id")) {
        if (!v->empty() && !is_tenant_id(*v))
            r.error("tenant_id",
                    in_quotes(*v) + " is not a tenant id (a GUID or a domain such as \"contoso.onmicrosoft.com\")");
        else
            out.tenant_id = *v;
    }
    if (out.enabled && !r.has("app_id"))
        r.error_at_header("app_id: missing (required when Teams is enabled)");
    else if (out.enabled && out.app_id.empty())
        r.error("app_id", "is empty (required when Teams is enabled)");
    if (out.enabled && !r.has("tenant_id"))
        r.error_at_header("tenant_id: missing (required when Teams is enabled)");
    else if (out.enabled && out.tenant_id.empty())
        r.error("tenant_id", "is empty (required when Teams is enabled)");

    out.app_password = read_secret(r, ctx, {"app_password", "TEAMS_APP_PASSWORD"}, out.enabled);
    if (const auto url = http_url(r, "openid_metadata_url")) out.openid_metadata_url = *url;
    if (const auto url = http_url(r, "openid_issuer")) out.openid_issuer = *url;  // compared exactly, as written
    if (const auto url = http_url(r, "token_url"))
        out.token_url = *url;
    else if (!r.has("token_url") && !out.tenant_id.empty())
        out.token_url = "https://login.microsoftonline.com/" + out.tenant_id + "/oauth2/v2.0/token";
    read_word(r, "leaderboard_conversation", "a conversation id", out.leaderboard_conversation);
    if (const auto url = http_url(r, "leaderboard_service_url")) out.leaderboard_service_url = *url;
    read_manifest_keys(r, out);
    if (const auto v = r.string("share_reaction")) {
        if (is_single_word(*v))
            out.share_reaction = *v;
        else
            r.error("share_reaction", in_quotes(*v) + " is not a reaction type (e.g. \"like\")");
    }
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
