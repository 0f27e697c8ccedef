#pragma once
// A small Prometheus registry: counters, gauges and fixed-bucket histograms in labelled families, rendered in the
// text exposition format (version 0.0.4). Updates are lock-free atomics; only finding a label set's series takes a
// shared lock (an exclusive one the first time a series appears). No Beast/Asio: anything may link it.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace advocacy::metrics {

class Counter {
public:
    void inc(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
    std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> value_{0};
};

class Gauge {
public:
    void set(std::int64_t v) { value_.store(v, std::memory_order_relaxed); }
    void add(std::int64_t d) { value_.fetch_add(d, std::memory_order_relaxed); }
    std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> value_{0};
};

// Buckets are upper bounds, ascending; +Inf is implicit. Counts are kept per bucket and made cumulative on render.
class Histogram {
public:
    explicit Histogram(const std::vector<double>& bounds);
    void observe(double value);
    struct Snapshot {
        std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf (== count)
        double sum = 0;
    };
    Snapshot snapshot() const;
    const std::vector<double>& bounds() const { return bounds_; }

private:
    std::vector<double> bounds_;
    std::unique_ptr<std::atomic<std::uint64_t>[]> counts_;  // bounds_.size() + 1 slots
    std::atomic<double> sum_{0};
};

// One metric name with its label names; each distinct label-value tuple is one series.
template <class T>
class Family {
public:
    Family(std::string name, std::string help, std::vector<std::string> labels, std::vector<double> bounds = {})
        : name_(std::move(name)), help_(std::move(help)), labels_(std::move(labels)), bounds_(std::move(bounds)) {}

    // The series for these label values (as many as label names). Callers on hot paths may keep the reference.
    T& with(const std::vector<std::string>& values);

    const std::string& name() const { return name_; }
    const std::string& help() const { return help_; }
    const std::vector<std::string>& label_names() const { return labels_; }
    // Visits the series in label order (stable output).
    template <class F>
    void each(F&& visit) const {
        const std::shared_lock lock(mutex_);
        for (const auto& [values, series] : series_) visit(values, *series);
    }

private:
    std::string name_;
    std::string help_;
    std::vector<std::string> labels_;
    std::vector<double> bounds_;
    mutable std::shared_mutex mutex_;
    std::map<std::vector<std::string>, std::unique_ptr<T>> series_;
};

class Registry {
public:
    // Families live as long as the registry; registering a name twice throws std::logic_error.
    Family<Counter>& counter(std::string name, std::string help, std::vector<std::string> labels = {});
    Family<Gauge>& gauge(std::string name, std::string help, std::vector<std::string> labels = {});
    Family<Histogram>& histogram(std::string name, std::string help, std::vector<double> bounds,
                                 std::vector<std::string> labels = {});

    // Every family, in registration order, in the text exposition format.
    std::string render() const;

private:
    struct Entry {  // exactly one is set
        std::unique_ptr<Family<Counter>> counter;
        std::unique_ptr<Family<Gauge>> gauge;
        std::unique_ptr<Family<Histogram>> histogram;
    };
    template <class T>
    Family<T>& add(std::unique_ptr<Family<T>> Entry::*slot, std::unique_ptr<Family<T>> family);
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

// Text-format escaping: label values escape \ " and newline; HELP text escapes \ and newline.
std::string escape_label_value(std::string_view v);
std::string escape_help(std::string_view v);
// A sample value: integers without a fraction, +Inf/-Inf/NaN spelled as Prometheus expects.
std::string format_value(double v);

}  // namespace advocacy::metrics
