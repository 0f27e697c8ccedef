#pragma once
// One reader per section of the file. Each fills its part of the Config from a TableReader and reports what is
// wrong; load.cpp wires them together.
#include <filesystem>

#include "config/config.hpp"
#include "config/load.hpp"
#include "config/table_reader_internal.hpp"

namespace advocacy::config::detail {

struct LoadContext {
    const EnvLookup& env;
    std::filesystem::path base_dir;  // the config file's directory: relative paths resolve against it
    std::filesystem::path resolve(const std::filesystem::path& p) const {
        return p.is_absolute() ? p : (base_dir / p).lexically_normal();
    }
};

// Each reader takes the section named after it from `top` (the whole file), so a missing section reads as all
// defaults, and reports the section's unknown keys itself.
void read_server(TableReader& top, const LoadContext& ctx, ServerConfig& out);
// Called by read_server with its reader: shutdown_grace_seconds, io_threads and worker_threads in [server], and the
// [server.limits] section.
void read_server_capacity(TableReader& server, ServerConfig& out);
void read_storage(TableReader& top, const LoadContext& ctx, StorageConfig& out);
void read_log(TableReader& top, LogConfig& out);
void read_program(TableReader& top, ProgramConfig& out);
void read_slack(TableReader& top, const LoadContext& ctx, SlackConfig& out);
void read_teams(TableReader& top, const LoadContext& ctx, TeamsConfig& out);
void read_admins(TableReader& top, AdminsConfig& out);
void read_dashboard(TableReader& top, const LoadContext& ctx, DashboardConfig& out);

// Checks shared by several sections.
// An http(s) URL with a host and no query or fragment, to which paths are appended; reports and returns nothing
// when it is not one. Trailing slashes are removed.
std::optional<std::string> base_url(TableReader& r, std::string_view key);
// A single word: not empty, no blanks or control characters (ids, channel names).
bool is_single_word(std::string_view text);
// An http(s) URL with a host; reported when it is not.
std::optional<std::string> http_url(TableReader& r, std::string_view key);

struct FileRead {
    std::string content;
    std::string error;  // strerror text; empty on success
};
FileRead read_whole_file(const std::filesystem::path& path);

}  // namespace advocacy::config::detail
