#include "config/diagnostics_internal.hpp"

#include <algorithm>
#include <cstdio>

namespace advocacy::config {

std::string Diagnostic::str() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
    out += message;
    return out;
}

namespace detail {

void Diagnostics::add(Position at, std::string message) {
    items_.push_back(Diagnostic{file_, at.line, at.column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::take_in_file_order() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::move(items_);
}

std::string in_quotes(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", u);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

}  // namespace detail
}  // namespace advocacy::config
