// `advocacy-bot backup (--config FILE | --db FILE) --to OUT`: a consistent copy of the database, safe while the bot
// runs (storage/backup.hpp). Restore: stop the bot, put the copy in place of the database file, start it.
#include <optional>
#include <string>

#include "bot/cli/subcommands.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"

namespace advocacy::cli {

namespace {

constexpr std::string_view kUsage = "usage: advocacy-bot backup (--config FILE | --db FILE) --to OUT\n";

struct BackupArgs {
    std::optional<std::string> config, db, to;
};

std::optional<BackupArgs> parse(const Context& ctx) {
    BackupArgs a;
    for (std::size_t i = 0; i < ctx.args.size(); ++i) {
        const auto flag = ctx.args[i];
        std::optional<std::string>* slot = flag == "--config" ? &a.config : flag == "--db" ? &a.db
                                         : flag == "--to"     ? &a.to
                                                              : nullptr;
        if (!slot || i + 1 >= ctx.args.size() || *slot) {
            ctx.err << "advocacy-bot backup: unexpected '" << flag << "'\n" << kUsage;
            return std::nullopt;
        }
        *slot = std::string(ctx.args[++i]);
    }
    if (!a.to || a.config.has_value() == a.db.has_value()) {
        ctx.err << kUsage;
        return std::nullopt;
    }
    return a;
}

}  // namespace

int backup(const Context& ctx) {
    const auto args = parse(ctx);
    if (!args) return 2;
    std::string source;
    if (args->config) {
        auto loaded = config::load_config(*args->config, ctx.env);
        for (const auto& d : loaded.diagnostics) ctx.err << d.str() << '\n';
        if (!loaded.config) return 1;
        source = loaded.config->storage.database.string();
    } else {
        source = *args->db;
    }
    try {
        const auto r = storage::backup_database(source, *args->to);
        ctx.out << "backup: " << source << " -> " << *args->to << " (" << r.bytes << " bytes, schema version "
                << r.schema_version << ", integrity ok)\n";
        return 0;
    } catch (const storage::StorageError& e) {
        ctx.err << "advocacy-bot backup: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace advocacy::cli
