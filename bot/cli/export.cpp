// `advocacy-bot export --config FILE --kind KIND --from DATE --to DATE --out FILE [--force]`: a period's shares,
// deliveries or interactions as CSV (storage/export.hpp), every workspace, for program owners' own reporting. Dates
// are local days in the [program] time zone, both inclusive. Safe while the bot runs: reads go through reader
// connections (WAL). The file appears whole or not at all: written to a temporary name, then renamed.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>

#include "bot/calendar.hpp"
#include "bot/cli/subcommands.hpp"
#include "config/values.hpp"
#include "storage/database.hpp"
#include "storage/export.hpp"

namespace advocacy::cli {

namespace {

constexpr std::string_view kUsage =
    "usage: advocacy-bot export --config FILE --kind shares|deliveries|interactions --from YYYY-MM-DD "
    "--to YYYY-MM-DD --out FILE|- [--force]\n";

struct ExportArgs {
    std::string config;
    storage::ExportKind kind = storage::ExportKind::shares;
    LocalDate from{};
    LocalDate to{};
    std::string out;  // "-": standard output
    bool force = false;
};

std::optional<ExportArgs> usage_error(const Context& ctx, const std::string& what) {
    ctx.err << "advocacy-bot export: " << what << '\n' << kUsage;
    return std::nullopt;
}

std::optional<ExportArgs> parse(const Context& ctx) {
    std::optional<std::string> config, kind, from, to, out;
    bool force = false;
    for (std::size_t i = 0; i < ctx.args.size(); ++i) {
        const auto flag = ctx.args[i];
        if (flag == "--force") {
            force = true;
            continue;
        }
        std::optional<std::string>* slot = flag == "--config" ? &config
                                         : flag == "--kind"   ? &kind
                                         : flag == "--from"   ? &from
                                         : flag == "--to"     ? &to
                                         : flag == "--out"    ? &out
                                                              : nullptr;
        if (!slot) return usage_error(ctx, "unexpected '" + std::string(flag) + "'");
        if (*slot) return usage_error(ctx, std::string(flag) + " given twice");
        if (i + 1 >= ctx.args.size()) return usage_error(ctx, std::string(flag) + " needs a value");
        *slot = std::string(ctx.args[++i]);
    }
    for (const auto& [value, name] : {std::pair{&config, "--config"}, std::pair{&kind, "--kind"},
                                      std::pair{&from, "--from"}, std::pair{&to, "--to"}, std::pair{&out, "--out"}})
        if (!*value) return usage_error(ctx, std::string("missing ") + name);

    ExportArgs a;
    a.config = *config;
    a.out = *out;
    a.force = force;
    const auto k = storage::export_kind_from_string(*kind);
    if (!k) return usage_error(ctx, "unknown kind '" + *kind + "' (shares, deliveries or interactions)");
    a.kind = *k;
    const auto f = config::parse_date(*from);
    if (!f) return usage_error(ctx, "--from '" + *from + "' is not a date (YYYY-MM-DD)");
    const auto t = config::parse_date(*to);
    if (!t) return usage_error(ctx, "--to '" + *to + "' is not a date (YYYY-MM-DD)");
    if (std::chrono::sys_days{*f} > std::chrono::sys_days{*t})
        return usage_error(ctx, "--from " + *from + " is after --to " + *to);
    a.from = *f;
    a.to = *t;
    return a;
}

// [midnight of `from`, midnight after `to`) in the program's zone, as UTC instants (DST days are 23 or 25 hours).
storage::Period local_days(LocalDate from, LocalDate to, const date::time_zone* zone) {
    const LocalDate after_to{std::chrono::sys_days{to} + std::chrono::days{1}};
    return {at_local_time(from, std::chrono::minutes{0}, zone), at_local_time(after_to, std::chrono::minutes{0}, zone)};
}

// Writes next to the target (same file system, so the rename is atomic), removing the partial file on any failure.
std::size_t export_to_file(storage::Database& db, const ExportArgs& a, storage::Period period) {
    const std::filesystem::path target = a.out;
    std::filesystem::path temp = target;
    temp += ".partial-" + std::to_string(::getpid());
    try {
        std::size_t rows = 0;
        {
            std::ofstream file(temp, std::ios::binary | std::ios::trunc);
            if (!file) throw std::runtime_error("cannot write " + temp.string());
            rows = storage::export_csv(db, a.kind, std::nullopt, period, file);
            file.close();
            if (!file) throw std::runtime_error("writing " + temp.string() + " failed (disk full?)");
        }
        if (!a.force && std::filesystem::exists(target))
            throw std::runtime_error(target.string() + " already exists (use --force to replace it)");
        std::filesystem::rename(temp, target);
        return rows;
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw;
    }
}

}  // namespace

int export_csv(const Context& ctx) {
    const auto args = parse(ctx);
    if (!args) return 2;
    if (args->out != "-" && !args->force && std::filesystem::exists(args->out)) {
        ctx.err << "advocacy-bot export: " << args->out << " already exists (use --force to replace it)\n";
        return 1;
    }
    auto loaded = config::load_config(args->config, ctx.env);
    for (const auto& d : loaded.diagnostics) ctx.err << d.str() << '\n';
    if (!loaded.config) return 1;
    const auto& cfg = *loaded.config;
    // Never create an empty database by mistake: exporting needs the bot's file.
    if (!std::filesystem::exists(cfg.storage.database)) {
        ctx.err << "advocacy-bot export: database " << cfg.storage.database.string() << " does not exist\n";
        return 1;
    }
    const auto* zone = zone_or(cfg.program.time_zone, "UTC");
    const auto period = local_days(args->from, args->to, zone);
    try {
        const auto db = storage::Database::open(cfg.storage.database);
        std::size_t rows = 0;
        if (args->out == "-") {
            rows = storage::export_csv(*db, args->kind, std::nullopt, period, ctx.out);
        } else {
            rows = export_to_file(*db, *args, period);
        }
        // On stderr: with --out - the standard output is the CSV alone.
        ctx.err << "export: " << rows << ' ' << storage::to_string(args->kind) << " from "
                << config::format_date(args->from) << " to " << config::format_date(args->to) << " ("
                << cfg.program.time_zone << ") -> " << (args->out == "-" ? "standard output" : args->out) << '\n';
        return 0;
    } catch (const std::exception& e) {
        ctx.err << "advocacy-bot export: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace advocacy::cli
