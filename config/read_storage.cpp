// [storage]: the SQLite file.
#include "config/sections_internal.hpp"

namespace advocacy::config::detail {

void read_storage(TableReader& top, const LoadContext& ctx, StorageConfig& out) {
    TableReader r(top.diagnostics(), top.section("storage"), "storage", {{"database"}, {}});
    if (const auto v = r.string("database")) {
        if (v->empty())
            r.error("database", "expected a file path");
        else
            out.database = *v;
    }
    if (out.database != ":memory:")  // SQLite's in-memory database is not a path
        out.database = ctx.resolve(out.database);
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
