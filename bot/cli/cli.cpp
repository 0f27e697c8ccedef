#include "bot/cli/cli.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <string>

#include "bot/cli/subcommands.hpp"
#include "config/load.hpp"
#include "storage/database.hpp"

namespace advocacy::cli {

namespace {

// Loads the config, printing every diagnostic; nullopt when it is not valid.
std::optional<config::Config> load_or_report(const Context& ctx, std::string_view file) {
    auto result = config::load_config(std::string(file), ctx.env);
    for (const auto& d : result.diagnostics) ctx.err << d.str() << '\n';
    return std::move(result.config);
}

int check_config(const Context& ctx) {
    if (ctx.args.size() != 1) {
        ctx.err << "usage: advocacy-bot check-config FILE\n";
        return 2;
    }
    const auto config = load_or_report(ctx, ctx.args[0]);
    if (!config) return 1;
    ctx.out << config::summarize(*config) << '\n';
    return 0;
}

int migrate(const Context& ctx) {
    if (ctx.args.size() != 1) {
        ctx.err << "usage: advocacy-bot migrate CONFIG_FILE\n";
        return 2;
    }
    const auto config = load_or_report(ctx, ctx.args[0]);
    if (!config) return 1;
    try {
        const auto db = storage::Database::open(config->storage.database);
        ctx.out << "database " << config->storage.database.string() << " is at schema version "
                << storage::Database::schema_version() << '\n';
        return 0;
    } catch (const storage::StorageError& e) {
        ctx.err << e.what() << '\n';
        return 1;
    }
}

int version(const Context& ctx) {
    ctx.out << "advocacy-bot " << ADVOCACY_VERSION << '\n';
    return 0;
}

int help(const Context& ctx);

struct Subcommand {
    std::string_view name;
    std::string_view synopsis;
    int (*run)(const Context&);
};

constexpr std::array kSubcommands{
    Subcommand{"backup", "backup (--config FILE | --db FILE) --to OUT\n"
                         "                         copy the database consistently, even while the bot runs",
               backup},
    Subcommand{"check-config", "check-config FILE      validate a configuration file (exit 1 on errors)", check_config},
    Subcommand{"demo", "demo [--reset] [--port N] [--fast F] [--db FILE] [--listen ADDR --allow-remote]\n"
                       "                         run the bot with the web playground, no Slack/Teams account needed",
               demo},
    Subcommand{"export", "export --config FILE --kind shares|deliveries|interactions --from DATE --to DATE\n"
                         "         --out FILE|- [--force]\n"
                         "                         write a period's records as CSV (local days, both inclusive; --out -: stdout)",
               export_csv},
    Subcommand{"healthcheck", "healthcheck [--url URL]\n"
                              "                         exit 0 when URL (default http://127.0.0.1:8080/healthz) "
                              "answers 200",
               healthcheck},
    Subcommand{"manifest", "manifest slack --config FILE\n"
                           "                         print the Slack app manifest (JSON) for this deployment\n"
                           "  manifest teams --config FILE --out FILE.zip\n"
                           "                         write the Teams app package (manifest.json and icons) to upload",
               manifest},
    Subcommand{"migrate", "migrate CONFIG_FILE    create or upgrade the SQLite database", migrate},
    Subcommand{"serve", "serve CONFIG_FILE      run the bot: HTTP server, enabled adapters, daily pushes", serve},
    Subcommand{"version", "version                print the version", version},
    Subcommand{"help", "help                   this help", help},
};

int help(const Context& ctx) {
    ctx.out << "usage: advocacy-bot COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& s : kSubcommands) ctx.out << "  " << s.synopsis << '\n';
    return 0;
}

}  // namespace

int run(std::span<const std::string_view> args, std::ostream& out, std::ostream& err, const config::EnvLookup& env) {
    if (args.empty()) {
        Context ctx{args, out, err, env};
        help(ctx);
        return 2;
    }
    std::string_view name = args[0];
    if (name == "--version") name = "version";
    if (name == "--help" || name == "-h") name = "help";
    const auto it = std::find_if(kSubcommands.begin(), kSubcommands.end(),
                                 [&](const Subcommand& s) { return s.name == name; });
    if (it == kSubcommands.end()) {
        err << "advocacy-bot: unknown command '" << args[0] << "' (try: advocacy-bot help)\n";
        return 2;
    }
    Context ctx{args.subspan(1), out, err, env};
    try {
        return it->run(ctx);
    } catch (const std::exception& e) {
        // The task boundary of a CLI run: report, never crash with an unhandled exception.
        err << "advocacy-bot " << name << ": " << e.what() << '\n';
        return 1;
    }
}

}  // namespace advocacy::cli
