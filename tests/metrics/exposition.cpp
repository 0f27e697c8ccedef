#include "tests/metrics/exposition.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <set>
#include <sstream>

namespace advocacy::testing {

namespace {

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

// Reads a metric (or, with colons refused, label) name at `i`.
std::string read_name(const std::string& s, std::size_t& i, bool colons) {
    const std::size_t start = i;
    while (i < s.size() && name_char(s[i]) && (colons || s[i] != ':') && (i > start || name_start(s[i]))) ++i;
    return s.substr(start, i - start);
}

bool parse_value(const std::string& text, double& out) {
    if (text == "+Inf") return out = std::numeric_limits<double>::infinity(), true;
    if (text == "-Inf") return out = -std::numeric_limits<double>::infinity(), true;
    if (text == "NaN") return out = std::numeric_limits<double>::quiet_NaN(), true;
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

// name{a="x",b="y"} value   (no timestamps: this server never sends them)
bool parse_sample(const std::string& line, Sample& out, std::string& why) {
    std::size_t i = 0;
    out.name = read_name(line, i, true);
    if (out.name.empty()) return why = "no metric name", false;
    if (i < line.size() && line[i] == '{') {
        ++i;
        while (i < line.size() && line[i] != '}') {
            const std::string label = read_name(line, i, false);
            if (label.empty()) return why = "bad label name", false;
            if (line.compare(i, 2, "=\"") != 0) return why = "expected =\" after label " + label, false;
            i += 2;
            std::string value;
            for (;;) {
                if (i >= line.size()) return why = "unterminated label value", false;
                const char c = line[i++];
                if (c == '"') break;
                if (c != '\\') {
                    value += c;
                    continue;
                }
                if (i >= line.size()) return why = "dangling backslash", false;
                const char e = line[i++];
                if (e == '\\') value += '\\';
                else if (e == '"') value += '"';
                else if (e == 'n') value += '\n';
                else return why = std::string("bad escape \\") + e, false;
            }
            if (!out.labels.emplace(label, value).second) return why = "label repeated: " + label, false;
            if (i < line.size() && line[i] == ',') ++i;
        }
        if (i >= line.size()) return why = "unterminated label set", false;
        ++i;
    }
    if (i >= line.size() || line[i] != ' ') return why = "expected one space before the value", false;
    if (!parse_value(line.substr(i + 1), out.value)) return why = "bad value '" + line.substr(i + 1) + "'", false;
    return true;
}

// The family a sample belongs to: histogram series carry _bucket/_sum/_count suffixes.
std::string family_of(const std::string& name, const std::map<std::string, std::string>& types) {
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        const std::string s(suffix);
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
            const std::string base = name.substr(0, name.size() - s.size());
            const auto it = types.find(base);
            if (it != types.end() && (it->second == "histogram" || it->second == "summary")) return base;
        }
    }
    return name;
}

std::string key_of(const std::string& name, const std::map<std::string, std::string>& labels) {
    std::string k = name + "{";
    for (const auto& [n, v] : labels) k += n + "=" + v + "\x1f";
    return k + "}";
}

void check_histograms(Exposition& e) {
    for (const auto& [family, type] : e.types) {
        if (type != "histogram") continue;
        // Per label set (without le): buckets in order, then _sum and _count.
        std::map<std::string, std::vector<std::pair<double, double>>> buckets;
        std::map<std::string, double> counts;
        std::set<std::string> sums;
        for (const auto& s : e.samples) {
            auto labels = s.labels;
            if (s.name == family + "_bucket") {
                const auto le = labels.find("le");
                double bound = 0;
                if (le == labels.end() || !parse_value(le->second, bound)) {
                    e.errors.push_back(family + ": bucket without a numeric le");
                    continue;
                }
                labels.erase(le);
                buckets[key_of(family, labels)].emplace_back(bound, s.value);
            } else if (s.name == family + "_count") {
                counts[key_of(family, labels)] = s.value;
            } else if (s.name == family + "_sum") {
                sums.insert(key_of(family, labels));
            }
        }
        for (const auto& [series, list] : buckets) {
            for (std::size_t i = 1; i < list.size(); ++i) {
                if (!(list[i].first > list[i - 1].first)) e.errors.push_back(series + ": le not ascending");
                if (list[i].second < list[i - 1].second) e.errors.push_back(series + ": buckets not cumulative");
            }
            if (list.empty() || !std::isinf(list.back().first)) e.errors.push_back(series + ": no +Inf bucket last");
            else if (!counts.count(series) || counts[series] != list.back().second)
                e.errors.push_back(series + ": +Inf bucket differs from _count");
            if (!sums.count(series)) e.errors.push_back(series + ": no _sum");
        }
        if (buckets.size() != counts.size()) e.errors.push_back(family + ": _count without buckets");
    }
}

}  // namespace

double Exposition::value(const std::string& name, const std::map<std::string, std::string>& labels) const {
    for (const auto& s : samples)
        if (s.name == name && s.labels == labels) return s.value;
    return std::numeric_limits<double>::quiet_NaN();
}

double Exposition::count(const std::string& name, const std::map<std::string, std::string>& labels) const {
    const double v = value(name, labels);
    return std::isnan(v) ? 0 : v;
}

Exposition parse_exposition(const std::string& text) {
    Exposition e;
    if (!text.empty() && text.back() != '\n') e.errors.push_back("the last line does not end with a newline");
    std::istringstream in(text);
    std::string line;
    std::set<std::string> finished;  // families whose samples are over (they must not come back)
    std::set<std::string> seen_series;
    std::string current;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        const std::string where = "line " + std::to_string(n) + ": ";
        if (line.empty()) continue;
        if (line[0] == '#') {
            std::istringstream words(line);
            std::string hash, keyword, name;
            words >> hash >> keyword >> name;
            if (keyword != "HELP" && keyword != "TYPE") continue;  // a plain comment
            std::string rest;
            std::getline(words, rest);
            if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
            if (keyword == "TYPE") {
                static const std::set<std::string> kTypes{"counter", "gauge", "histogram", "summary", "untyped"};
                if (!kTypes.count(rest)) e.errors.push_back(where + "unknown type " + rest);
                if (e.types.count(name)) e.errors.push_back(where + "second TYPE for " + name);
                if (finished.count(name) || current == name)
                    e.errors.push_back(where + "TYPE after samples of " + name);
                e.types[name] = rest;
            } else {
                std::string help;
                for (std::size_t i = 0; i < rest.size(); ++i) {
                    if (rest[i] == '\\' && i + 1 < rest.size() && (rest[i + 1] == '\\' || rest[i + 1] == 'n')) {
                        help += rest[i + 1] == 'n' ? '\n' : '\\';
                        ++i;
                    } else {
                        help += rest[i];
                    }
                }
                if (e.help.count(name)) e.errors.push_back(where + "second HELP for " + name);
                e.help[name] = help;
            }
            continue;
        }
        Sample s;
        std::string why;
        if (!parse_sample(line, s, why)) {
            e.errors.push_back(where + why + ": " + line);
            continue;
        }
        const std::string family = family_of(s.name, e.types);
        if (!e.types.count(family)) e.errors.push_back(where + "sample before the TYPE of " + family);
        if (family != current) {
            if (finished.count(family)) e.errors.push_back(where + "samples of " + family + " not contiguous");
            if (!current.empty()) finished.insert(current);
            current = family;
        }
        if (!seen_series.insert(key_of(s.name, s.labels)).second) e.errors.push_back(where + "duplicate series");
        const auto type = e.types.find(family);
        if (type != e.types.end() && type->second == "counter") {
            if (s.name.size() < 6 || s.name.compare(s.name.size() - 6, 6, "_total") != 0)
                e.errors.push_back(where + "counter not named *_total: " + s.name);
            if (!(s.value >= 0)) e.errors.push_back(where + "negative counter");
        }
        e.samples.push_back(std::move(s));
    }
    check_histograms(e);
    return e;
}

}  // namespace advocacy::testing
