#pragma once
// A strict reader of the Prometheus text exposition format (0.0.4), for the tests: it accepts only what the format
// allows and checks the rules a scraper relies on. Each violation is one message in `errors`.
#include <map>
#include <string>
#include <vector>

namespace advocacy::testing {

struct Sample {
    std::string name;
    std::map<std::string, std::string> labels;  // unescaped values
    double value = 0;
};

struct Exposition {
    std::map<std::string, std::string> types;  // family name -> counter | gauge | histogram | ...
    std::map<std::string, std::string> help;   // family name -> unescaped help
    std::vector<Sample> samples;
    std::vector<std::string> errors;

    // The value of the one sample with this name and exactly these labels; NaN when absent.
    double value(const std::string& name, const std::map<std::string, std::string>& labels = {}) const;
    // Same, 0 when absent (a counter not yet created reads as 0).
    double count(const std::string& name, const std::map<std::string, std::string>& labels = {}) const;
};

// Parses and validates: line syntax, escapes, HELP/TYPE before a family's samples, one TYPE per family, samples of a
// family contiguous, no duplicate series, counters ending in _total and non-negative, histogram buckets cumulative
// with ascending `le` ending at +Inf equal to _count, and _sum present.
Exposition parse_exposition(const std::string& text);

}  // namespace advocacy::testing
