#pragma once
// Reads one TOML table (a section) with positions: type errors are reported by the accessors, which then return
// nothing, and report_unknown_keys() flags every key the section does not define, suggesting the intended one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/diagnostics_internal.hpp"

namespace advocacy::config::detail {

Position position_of(const toml::source_region& region);

struct StringItem {
    std::string value;
    std::size_t index;  // in the array as written
    Position at;
};

struct SectionKeys {
    std::vector<std::string_view> values;    // plain keys
    std::vector<std::string_view> sections;  // sub-tables, e.g. "points" in [program]
};

class TableReader {
public:
    // `path` is the dotted section name ("program.points"); empty for the top level. `table` may be null (absent).
    TableReader(Diagnostics& diagnostics, const toml::table* table, std::string path, SectionKeys keys);

    bool has(std::string_view key) const;
    std::optional<std::string> string(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    std::optional<std::int64_t> integer(std::string_view key);
    // An array of strings; elements of another type are reported and left out.
    std::optional<std::vector<StringItem>> strings(std::string_view key);
    // A sub-section; null when absent or not a table (reported).
    const toml::table* section(std::string_view key);

    // "key: message" at the key's value, or at the section header when the key is absent.
    void error(std::string_view key, const std::string& message);
    // At the section header: for keys that are missing.
    void error_at_header(const std::string& message);
    // A key that must not be there (e.g. a secret written in the file): reported with `message` if present.
    void refuse(std::string_view key, const std::string& message);
    void report_unknown_keys();

    Position value_position(std::string_view key) const;
    Position header_position() const;
    Diagnostics& diagnostics() { return diagnostics_; }

private:
    const toml::node* find(std::string_view key) const;
    void type_error(std::string_view key, const toml::node& node, std::string_view expected);
    std::string describe_section() const;

    Diagnostics& diagnostics_;
    const toml::table* table_;
    std::string path_;
    SectionKeys keys_;
    std::vector<std::string_view> refused_;
};

}  // namespace advocacy::config::detail
