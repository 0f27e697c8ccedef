// `advocacy-bot manifest slack --config FILE`: prints the Slack app manifest for this deployment (JSON), to paste into
// api.slack.com > Create New App > From an app manifest.
// `advocacy-bot manifest teams --config FILE --out FILE.zip`: writes the Teams app package (manifest.json and the
// two icons) to upload in Teams.
// The secrets do not exist yet (Slack) or are not needed (Teams) at that point, so secrets named by the file may be
// unset: only the ids, URLs, the slash command and the mode are read.
#include <boost/json.hpp>

#include <cstdio>
#include <fstream>

#include "adapters/slack/manifest.hpp"
#include "adapters/teams/package/manifest.hpp"
#include "bot/cli/subcommands.hpp"

namespace advocacy::cli {

namespace {

int usage(const Context& ctx, std::string_view why) {
    ctx.err << "advocacy-bot manifest: " << why
            << "\nusage: advocacy-bot manifest slack --config FILE\n"
               "       advocacy-bot manifest teams --config FILE --out FILE.zip\n";
    return 2;
}

// Pretty-prints JSON with two-space indentation (Boost.JSON serialises on one line).
void pretty(std::ostream& out, const boost::json::value& v, int indent = 0) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (v.is_object()) {
        const auto& o = v.as_object();
        if (o.empty()) { out << "{}"; return; }
        out << "{\n";
        std::size_t i = 0;
        for (const auto& [key, value] : o) {
            out << pad << "  " << boost::json::serialize(boost::json::string(key)) << ": ";
            pretty(out, value, indent + 2);
            out << (++i < o.size() ? ",\n" : "\n");
        }
        out << pad << "}";
    } else if (v.is_array()) {
        const auto& a = v.as_array();
        if (a.empty()) { out << "[]"; return; }
        out << "[\n";
        for (std::size_t i = 0; i < a.size(); ++i) {
            out << pad << "  ";
            pretty(out, a[i], indent + 2);
            out << (i + 1 < a.size() ? ",\n" : "\n");
        }
        out << pad << "]";
    } else {
        out << boost::json::serialize(v);
    }
}

// The Teams package to `out` (written whole, then renamed, so a failed run never leaves half a zip).
int write_teams_package(const Context& ctx, const config::Config& config, const std::string& out) {
    if (config.teams.app_id.empty()) {
        ctx.err << "advocacy-bot manifest: [teams] app_id is empty: the package names the bot by its app id\n";
        return 1;
    }
    const std::string partial = out + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        const std::string zip = teams::package::app_package(config);
        file.write(zip.data(), static_cast<std::streamsize>(zip.size()));
        if (!file.flush()) {
            ctx.err << "advocacy-bot manifest: cannot write " << partial << '\n';
            std::remove(partial.c_str());
            return 1;
        }
    }
    if (std::rename(partial.c_str(), out.c_str()) != 0) {
        ctx.err << "advocacy-bot manifest: cannot write " << out << '\n';
        std::remove(partial.c_str());
        return 1;
    }
    ctx.out << "wrote " << out << " (manifest.json, color.png, outline.png) for bot " << config.teams.app_id << '\n';
    return 0;
}

}  // namespace

int manifest(const Context& ctx) {
    std::optional<std::string> file;
    std::optional<std::string> platform;
    std::optional<std::string> out;
    for (std::size_t i = 0; i < ctx.args.size(); ++i) {
        const std::string_view a = ctx.args[i];
        if (a == "--config") {
            if (i + 1 >= ctx.args.size()) return usage(ctx, "--config needs a file");
            file = std::string(ctx.args[++i]);
        } else if (a == "--out") {
            if (i + 1 >= ctx.args.size()) return usage(ctx, "--out needs a file");
            out = std::string(ctx.args[++i]);
        } else if (!platform && !a.starts_with("-")) {
            platform = std::string(a);
        } else {
            return usage(ctx, "unexpected argument '" + std::string(a) + "'");
        }
    }
    if (!platform) return usage(ctx, "which platform?");
    if (*platform != "slack" && *platform != "teams")
        return usage(ctx, "no manifest for '" + *platform + "' (slack or teams)");
    if (!file) return usage(ctx, "--config FILE is required (the public URL and the app's ids come from it)");
    if (*platform == "teams" && !out) return usage(ctx, "--out FILE.zip is required for teams (the package is a zip)");
    if (*platform == "slack" && out) return usage(ctx, "--out is for teams (the Slack manifest goes to stdout)");

    // Unset secret variables get a placeholder of the right shape (long enough for keys with a minimum length, such
    // as the dashboard's signing key): the manifest never contains a secret.
    const config::EnvLookup env = [&ctx](std::string_view name) -> std::optional<std::string> {
        if (auto v = ctx.env(name)) return v;
        return std::string(name).find("APP_TOKEN") != std::string::npos
                   ? "xapp-unset"
                   : "unset-placeholder-only-read-to-print-the-manifest";
    };
    auto loaded = config::load_config(*file, env);
    for (const auto& d : loaded.diagnostics) ctx.err << d.str() << '\n';
    if (!loaded.config) return 1;
    if (*platform == "teams") return write_teams_package(ctx, *loaded.config, *out);
    pretty(ctx.out, slack::app_manifest(*loaded.config));
    ctx.out << '\n';
    return 0;
}

}  // namespace advocacy::cli
