#include "config/table_reader_internal.hpp"

#include <algorithm>
#include <cstdio>

#include "config/suggest_internal.hpp"

namespace advocacy::config::detail {
namespace {

std::string_view type_name(toml::node_type type) {
    switch (type) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a float";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date-time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

bool contains(const std::vector<std::string_view>& list, std::string_view key) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

}  // namespace

Position position_of(const toml::source_region& region) {
    return Position{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

TableReader::TableReader(Diagnostics& diagnostics, const toml::table* table, std::string path, SectionKeys keys)
    : diagnostics_(diagnostics), table_(table), path_(std::move(path)), keys_(std::move(keys)) {}

const toml::node* TableReader::find(std::string_view key) const { return table_ ? table_->get(key) : nullptr; }

bool TableReader::has(std::string_view key) const { return find(key) != nullptr; }

Position TableReader::value_position(std::string_view key) const {
    if (const auto* node = find(key)) return position_of(node->source());
    return header_position();
}

Position TableReader::header_position() const { return table_ ? position_of(table_->source()) : Position{}; }

void TableReader::type_error(std::string_view key, const toml::node& node, std::string_view expected) {
    std::string message =
        std::string(key) + ": expected " + std::string(expected) + ", got " + std::string(type_name(node.type()));
    if (const auto* time = node.as_time()) {  // push_time = 09:00:00 (unquoted) is a TOML time, not our "HH:MM"
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02u:%02u", static_cast<unsigned>(time->get().hour),
                      static_cast<unsigned>(time->get().minute));
        message += " (write it in quotes: \"" + std::string(buf) + "\")";
    }
    diagnostics_.add(position_of(node.source()), std::move(message));
}

std::optional<std::string> TableReader::string(std::string_view key) {
    const auto* node = find(key);
    if (!node) return std::nullopt;
    if (const auto* s = node->as_string()) return s->get();
    type_error(key, *node, "a string");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
    const auto* node = find(key);
    if (!node) return std::nullopt;
    if (const auto* b = node->as_boolean()) return b->get();
    type_error(key, *node, "a boolean (true or false)");
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key) {
    const auto* node = find(key);
    if (!node) return std::nullopt;
    if (const auto* i = node->as_integer()) return i->get();
    type_error(key, *node, "an integer");
    return std::nullopt;
}

std::optional<std::vector<StringItem>> TableReader::strings(std::string_view key) {
    const auto* node = find(key);
    if (!node) return std::nullopt;
    const auto* array = node->as_array();
    if (!array) {
        type_error(key, *node, "an array of strings");
        return std::nullopt;
    }
    std::vector<StringItem> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = (*array)[i];
        if (const auto* s = element.as_string())
            out.push_back({s->get(), i, position_of(element.source())});
        else
            type_error(std::string(key) + "[" + std::to_string(i) + "]", element, "a string");
    }
    return out;
}

const toml::table* TableReader::section(std::string_view key) {
    const auto* node = find(key);
    if (!node) return nullptr;
    if (const auto* t = node->as_table()) return t;
    type_error(key, *node, "a table ([" + (path_.empty() ? "" : path_ + ".") + std::string(key) + "])");
    return nullptr;
}

void TableReader::error(std::string_view key, const std::string& message) {
    diagnostics_.add(value_position(key), std::string(key) + ": " + message);
}

void TableReader::error_at_header(const std::string& message) { diagnostics_.add(header_position(), message); }

void TableReader::refuse(std::string_view key, const std::string& message) {
    refused_.push_back(key);
    if (!table_) return;
    for (auto&& [k, v] : *table_)
        if (k.str() == key) diagnostics_.add(position_of(k.source()), std::string(key) + ": " + message);
}

std::string TableReader::describe_section() const { return path_.empty() ? "at the top level" : "in [" + path_ + "]"; }

void TableReader::report_unknown_keys() {
    if (!table_) return;
    const std::string prefix = path_.empty() ? "" : path_ + ".";
    for (auto&& [k, v] : *table_) {
        const std::string_view key = k.str();
        if (contains(keys_.values, key) || contains(keys_.sections, key) || contains(refused_, key)) continue;
        std::string message;
        if (v.is_table()) {
            message = "unknown section [" + prefix + std::string(key) + "]";
            if (const auto near = closest_name(key, keys_.sections))
                message += " (did you mean [" + prefix + std::string(*near) + "]?)";
        } else {
            message = "unknown key " + in_quotes(key) + " " + describe_section();
            if (const auto near = closest_name(key, keys_.values))
                message += " (did you mean " + in_quotes(*near) + "?)";
            else if (path_.empty())
                message += " (keys belong in a section such as [server] or [program])";
        }
        diagnostics_.add(position_of(k.source()), std::move(message));
    }
}

}  // namespace advocacy::config::detail
