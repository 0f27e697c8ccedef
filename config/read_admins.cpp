// [admins]: bootstrap admin user ids per platform.
#include <algorithm>

#include "config/sections_internal.hpp"

namespace advocacy::config::detail {
namespace {

void read_ids(TableReader& r, std::string_view key, std::vector<std::string>& out) {
    const auto items = r.strings(key);
    if (!items) return;
    for (const auto& item : *items) {
        if (!is_single_word(item.value))
            r.diagnostics().add(item.at, std::string(key) + "[" + std::to_string(item.index) +
                                             "]: " + in_quotes(item.value) + " is not a user id");
        else if (std::find(out.begin(), out.end(), item.value) == out.end())
            out.push_back(item.value);
    }
}

}  // namespace

void read_admins(TableReader& top, AdminsConfig& out) {
    TableReader r(top.diagnostics(), top.section("admins"), "admins", {{"slack", "teams", "playground"}, {}});
    read_ids(r, "slack", out.slack);
    read_ids(r, "teams", out.teams);
    read_ids(r, "playground", out.playground);
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
