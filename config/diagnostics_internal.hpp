#pragma once
// Collects validation problems while a file is read, so the operator sees every one of them at once.
#include <string>
#include <string_view>
#include <vector>

#include "config/load.hpp"

namespace advocacy::config::detail {

struct Position {
    int line = 0;  // 1-based; 0 = no position
    int column = 0;
};

class Diagnostics {
public:
    explicit Diagnostics(std::string file) : file_(std::move(file)) {}
    void add(Position at, std::string message);
    bool empty() const { return items_.empty(); }
    // Sorted by position (file order); problems without a position come first.
    std::vector<Diagnostic> take_in_file_order();

private:
    std::string file_;
    std::vector<Diagnostic> items_;
};

// A value from the file, quoted for a message: "25:00". Never use it on secrets.
std::string in_quotes(std::string_view text);

}  // namespace advocacy::config::detail
