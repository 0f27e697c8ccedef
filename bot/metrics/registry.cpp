#include "bot/metrics/registry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace advocacy::metrics {

Histogram::Histogram(const std::vector<double>& bounds)
    : bounds_(bounds), counts_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds.size() + 1)) {
    if (!std::is_sorted(bounds_.begin(), bounds_.end())) throw std::logic_error("histogram bounds must ascend");
}

void Histogram::observe(double value) {
    const auto slot = std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin();  // le: value <= bound
    counts_[static_cast<std::size_t>(slot)].fetch_add(1, std::memory_order_relaxed);
    double sum = sum_.load(std::memory_order_relaxed);
    while (!sum_.compare_exchange_weak(sum, sum + value, std::memory_order_relaxed)) {
    }
}

Histogram::Snapshot Histogram::snapshot() const {
    Snapshot s;
    std::uint64_t running = 0;
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
        running += counts_[i].load(std::memory_order_relaxed);
        s.cumulative.push_back(running);
    }
    s.sum = sum_.load(std::memory_order_relaxed);
    return s;
}

template <class T>
T& Family<T>::with(const std::vector<std::string>& values) {
    if (values.size() != labels_.size()) throw std::logic_error(name_ + ": wrong number of label values");
    {
        const std::shared_lock lock(mutex_);
        if (const auto it = series_.find(values); it != series_.end()) return *it->second;
    }
    const std::unique_lock lock(mutex_);
    auto& slot = series_[values];
    if (!slot) {
        if constexpr (std::is_same_v<T, Histogram>)
            slot = std::make_unique<Histogram>(bounds_);
        else
            slot = std::make_unique<T>();
    }
    return *slot;
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

template <class T>
Family<T>& Registry::add(std::unique_ptr<Family<T>> Entry::*slot, std::unique_ptr<Family<T>> family) {
    const std::lock_guard lock(mutex_);
    for (const auto& e : entries_) {
        const std::string& taken = e.counter ? e.counter->name() : e.gauge ? e.gauge->name() : e.histogram->name();
        if (taken == family->name()) throw std::logic_error("metric registered twice: " + taken);
    }
    auto& entry = entries_.emplace_back();
    entry.*slot = std::move(family);
    return *(entry.*slot);
}

Family<Counter>& Registry::counter(std::string name, std::string help, std::vector<std::string> labels) {
    return add(&Entry::counter, std::make_unique<Family<Counter>>(std::move(name), std::move(help), std::move(labels)));
}

Family<Gauge>& Registry::gauge(std::string name, std::string help, std::vector<std::string> labels) {
    return add(&Entry::gauge, std::make_unique<Family<Gauge>>(std::move(name), std::move(help), std::move(labels)));
}

Family<Histogram>& Registry::histogram(std::string name, std::string help, std::vector<double> bounds,
                                       std::vector<std::string> labels) {
    return add(&Entry::histogram, std::make_unique<Family<Histogram>>(std::move(name), std::move(help),
                                                                      std::move(labels), std::move(bounds)));
}

std::string escape_label_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (const char c : v) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string escape_help(std::string_view v) {
    std::string out;
    for (const char c : v) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string format_value(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    // The shortest form that reads back exactly: le="0.1", not "0.10000000000000001".
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

namespace {

// `name{a="x",b="y"}` (plus an optional extra label, for `le`), or just `name` without labels.
std::string series_name(const std::string& name, const std::vector<std::string>& labels,
                        const std::vector<std::string>& values, std::string_view extra_label = {},
                        std::string_view extra_value = {}) {
    std::string out = name;
    if (labels.empty() && extra_label.empty()) return out;
    out += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i) out += ',';
        out += labels[i] + "=\"" + escape_label_value(values[i]) + '"';
    }
    if (!extra_label.empty()) {
        if (!labels.empty()) out += ',';
        out += std::string(extra_label) + "=\"" + std::string(extra_value) + '"';
    }
    return out + '}';
}

template <class T>
void header(std::string& out, const Family<T>& f, std::string_view type) {
    out += "# HELP " + f.name() + ' ' + escape_help(f.help()) + '\n';
    out += "# TYPE " + f.name() + ' ' + std::string(type) + '\n';
}

void render_histogram(std::string& out, const Family<Histogram>& f) {
    header(out, f, "histogram");
    f.each([&](const std::vector<std::string>& values, const Histogram& h) {
        const auto s = h.snapshot();
        for (std::size_t i = 0; i < s.cumulative.size(); ++i) {
            const std::string le = i < h.bounds().size() ? format_value(h.bounds()[i]) : "+Inf";
            out += series_name(f.name() + "_bucket", f.label_names(), values, "le", le) + ' ' +
                   std::to_string(s.cumulative[i]) + '\n';
        }
        out += series_name(f.name() + "_sum", f.label_names(), values) + ' ' + format_value(s.sum) + '\n';
        out += series_name(f.name() + "_count", f.label_names(), values) + ' ' +
               std::to_string(s.cumulative.back()) + '\n';
    });
}

}  // namespace

std::string Registry::render() const {
    const std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& e : entries_) {
        if (e.counter) {
            header(out, *e.counter, "counter");
            e.counter->each([&](const std::vector<std::string>& values, const Counter& c) {
                out += series_name(e.counter->name(), e.counter->label_names(), values) + ' ' +
                       std::to_string(c.value()) + '\n';
            });
        } else if (e.gauge) {
            header(out, *e.gauge, "gauge");
            e.gauge->each([&](const std::vector<std::string>& values, const Gauge& g) {
                out += series_name(e.gauge->name(), e.gauge->label_names(), values) + ' ' +
                       std::to_string(g.value()) + '\n';
            });
        } else {
            render_histogram(out, *e.histogram);
        }
    }
    return out;
}

}  // namespace advocacy::metrics
