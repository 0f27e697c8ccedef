// [storage]: the SQLite file, and how long interaction detail is kept.
#include "config/sections_internal.hpp"

namespace advocacy::config::detail {

namespace {
constexpr std::int64_t kMaxRetentionMonths = 1200;  // 100 years: beyond that, a typo
}

void read_storage(TableReader& top, const LoadContext& ctx, StorageConfig& out) {
    TableReader r(top.diagnostics(), top.section("storage"), "storage", {{"database", "retention_months"}, {}});
    if (const auto v = r.string("database")) {
        if (v->empty())
            r.error("database", "expected a file path");
        else
            out.database = *v;
    }
    if (out.database != ":memory:")  // SQLite's in-memory database is not a path
        out.database = ctx.resolve(out.database);
    if (const auto v = r.integer("retention_months")) {
        if (*v < 0 || *v > kMaxRetentionMonths)
            r.error("retention_months", std::to_string(*v) + " is out of range (0-" +
                                            std::to_string(kMaxRetentionMonths) + "; 0 keeps everything)");
        else
            out.retention_months = static_cast<int>(*v);
    }
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
