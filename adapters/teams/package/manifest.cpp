#include "adapters/teams/package/manifest.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "adapters/teams/package/icons.hpp"
#include "adapters/teams/package/zip_writer.hpp"

namespace advocacy::teams::package {

namespace json = boost::json;

namespace {

struct Command {
    const char* title;
    const char* description;
};

// What people type most; `help` lists the rest. Teams shows at most 10 per scope.
constexpr Command kCommands[] = {
    {"help", "What you can ask the bot"},
    {"why", "Why the latest item matters, and a tip to share it"},
    {"me", "Your participation and settings"},
    {"leaderboard", "This week's leaderboard"},
    {"tips", "Short tips on sharing well"},
    {"pause", "Stop pushes for a while (pause 7)"},
    {"resume", "Start pushes again"},
    {"optout", "Hide your name from the leaderboard"},
    {"campaign list", "Campaigns (admins)"},
    {"push", "Send today's content now (admins)"},
};

std::string host_of(const std::string& url) {
    const auto parsed = boost::urls::parse_absolute_uri(url);
    return parsed ? std::string(parsed->encoded_host()) : std::string{};
}

}  // namespace

json::object app_manifest(const config::Config& config) {
    const auto& t = config.teams;
    const std::string& site = config.server.public_base_url;
    json::array commands;
    for (const auto& c : kCommands) commands.push_back({{"title", c.title}, {"description", c.description}});
    const json::array scopes{"personal", "team"};
    json::array domains;
    if (const auto host = host_of(site); !host.empty()) domains.push_back(json::string(host));
    return json::object{
        {"$schema", "https://developer.microsoft.com/json-schemas/teams/v" + std::string(kManifestVersion) +
                        "/MicrosoftTeams.schema.json"},
        {"manifestVersion", kManifestVersion},
        {"version", "1.0.0"},
        {"id", t.app_id},
        {"developer",
         {{"name", t.developer_name},
          {"websiteUrl", site},
          {"privacyUrl", t.privacy_url.empty() ? site : t.privacy_url},
          {"termsOfUseUrl", t.terms_url.empty() ? site : t.terms_url}}},
        {"name", {{"short", "Advocacy"}, {"full", "Employee advocacy"}}},
        {"description",
         {{"short", "Share your company's content, one click a day."},
          {"full", "Every working day the bot brings you one piece of company content worth sharing: what it is, why "
                   "it matters, a post you can use as is, and one-click share links. Tell it \"I shared it\" to count "
                   "your share; ask \"why\" for the reasons and tips. Pause, go weekly or opt out at any time."}}},
        {"icons", {{"color", "color.png"}, {"outline", "outline.png"}}},
        {"accentColor", kAccentColor},
        {"bots", json::array{json::object{{"botId", t.app_id},
                                          {"scopes", scopes},
                                          {"isNotificationOnly", false},
                                          {"supportsFiles", false},
                                          {"commandLists", json::array{json::object{{"scopes", scopes},
                                                                                    {"commands", commands}}}}}}},
        {"permissions", json::array{"identity", "messageTeamMembers"}},
        {"validDomains", domains}};
}

std::string app_package(const config::Config& config) {
    return zip_stored({{"manifest.json", json::serialize(app_manifest(config))},
                       {"color.png", color_icon_png()},
                       {"outline.png", outline_icon_png()}});
}

}  // namespace advocacy::teams::package
