// `advocacy-bot manifest slack --config FILE`: prints the Slack app manifest for this deployment (JSON), to paste into
// api.slack.com > Create New App > From an app manifest. The tokens do not exist yet at that point, so secrets
// named by the file may be unset: only the URLs, the slash command and the mode are read.
#include <boost/json.hpp>

#include "adapters/slack/manifest.hpp"
#include "bot/cli/subcommands.hpp"

namespace advocacy::cli {

namespace {

int usage(const Context& ctx, std::string_view why) {
    ctx.err << "advocacy-bot manifest: " << why << "\nusage: advocacy-bot manifest slack --config FILE\n";
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

}  // namespace

int manifest(const Context& ctx) {
    std::optional<std::string> file;
    std::optional<std::string> platform;
    for (std::size_t i = 0; i < ctx.args.size(); ++i) {
        const std::string_view a = ctx.args[i];
        if (a == "--config") {
            if (i + 1 >= ctx.args.size()) return usage(ctx, "--config needs a file");
            file = std::string(ctx.args[++i]);
        } else if (!platform && !a.starts_with("-")) {
            platform = std::string(a);
        } else {
            return usage(ctx, "unexpected argument '" + std::string(a) + "'");
        }
    }
    if (!platform) return usage(ctx, "which platform?");
    if (*platform != "slack") return usage(ctx, "no manifest for '" + *platform + "' (only: slack)");
    if (!file) return usage(ctx, "--config FILE is required (the public URL and the slash command come from it)");

    // Unset secret variables get a placeholder of the right shape: the manifest never contains a secret.
    const config::EnvLookup env = [&ctx](std::string_view name) -> std::optional<std::string> {
        if (auto v = ctx.env(name)) return v;
        return std::string(name).find("APP_TOKEN") != std::string::npos ? "xapp-unset" : "unset";
    };
    auto loaded = config::load_config(*file, env);
    for (const auto& d : loaded.diagnostics) ctx.err << d.str() << '\n';
    if (!loaded.config) return 1;
    pretty(ctx.out, slack::app_manifest(*loaded.config));
    ctx.out << '\n';
    return 0;
}

}  // namespace advocacy::cli
