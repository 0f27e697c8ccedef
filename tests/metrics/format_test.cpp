// The registry's text output against the exposition format rules, and the validating reader itself (it must catch
// what it claims to, or the scrape test proves nothing).
#include <catch2/catch.hpp>

#include <cmath>

#include "bot/metrics/metrics.hpp"
#include "bot/metrics/registry.hpp"
#include "tests/metrics/exposition.hpp"

using namespace advocacy::metrics;
using advocacy::testing::parse_exposition;

TEST_CASE("a registry renders valid text, and label values with \\, \" and newlines round-trip") {
    Registry reg;
    auto& requests = reg.counter("test_requests_total", "Requests.\nSecond line with a \\ backslash.", {"path"});
    const std::string nasty = "a\\b \"quoted\"\nnext line";
    requests.with({nasty}).inc(3);
    requests.with({"plain"}).inc();
    reg.gauge("test_open", "Open things.").with({}).set(-2);
    auto& latency = reg.histogram("test_latency_seconds", "Latency.", {0.1, 1}, {"route"});
    latency.with({"/x"}).observe(0.05);
    latency.with({"/x"}).observe(0.5);
    latency.with({"/x"}).observe(7);
    latency.with({"/y"}).observe(1);  // on a bound: le is "less than or equal"

    const auto text = reg.render();
    const auto e = parse_exposition(text);
    INFO(text);
    CHECK(e.errors.empty());
    for (const auto& err : e.errors) UNSCOPED_INFO(err);
    CHECK(e.value("test_requests_total", {{"path", nasty}}) == 3);
    CHECK(e.value("test_requests_total", {{"path", "plain"}}) == 1);
    CHECK(e.help.at("test_requests_total") == "Requests.\nSecond line with a \\ backslash.");
    CHECK(e.types.at("test_latency_seconds") == "histogram");
    CHECK(e.value("test_open") == -2);
    CHECK(e.value("test_latency_seconds_bucket", {{"route", "/x"}, {"le", "0.1"}}) == 1);
    CHECK(e.value("test_latency_seconds_bucket", {{"route", "/x"}, {"le", "1"}}) == 2);
    CHECK(e.value("test_latency_seconds_bucket", {{"route", "/x"}, {"le", "+Inf"}}) == 3);
    CHECK(e.value("test_latency_seconds_count", {{"route", "/x"}}) == 3);
    CHECK(e.value("test_latency_seconds_sum", {{"route", "/x"}}) == Approx(7.55));
    CHECK(e.value("test_latency_seconds_bucket", {{"route", "/y"}, {"le", "1"}}) == 1);
}

TEST_CASE("registering a metric name twice is a programming error") {
    Registry reg;
    reg.counter("dup_total", "x");
    CHECK_THROWS_AS(reg.gauge("dup_total", "y"), std::logic_error);
}

TEST_CASE("the validating reader rejects what the format forbids") {
    const auto errors_of = [](const std::string& text) { return parse_exposition(text).errors.size(); };
    CHECK(errors_of("# TYPE a_total counter\na_total 1\n") == 0);
    CHECK(errors_of("a_total 1\n") > 0);                                               // sample before TYPE
    CHECK(errors_of("# TYPE a counter\na 1\n") > 0);                                   // counter without _total
    CHECK(errors_of("# TYPE a gauge\na{x=\"1\\t\"} 1\n") > 0);                        // bad escape
    CHECK(errors_of("# TYPE a gauge\na{x=\"1} 1\n") > 0);                             // unterminated value
    CHECK(errors_of("# TYPE a gauge\na one\n") > 0);                                   // bad number
    CHECK(errors_of("# TYPE a gauge\na 1") > 0);                                       // no final newline
    CHECK(errors_of("# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x=\"2\"} 1\n") > 0);  // not contiguous
    CHECK(errors_of("# TYPE a gauge\na 1\na 2\n") > 0);                                // duplicate series
    const std::string head = "# TYPE h histogram\n";
    CHECK(errors_of(head + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n") == 0);
    CHECK(errors_of(head + "h_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n") > 0);  // decreasing
    CHECK(errors_of(head + "h_bucket{le=\"1\"} 1\nh_sum 3\nh_count 1\n") > 0);                           // no +Inf
    CHECK(errors_of(head + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 5\n") > 0);  // != count
    CHECK(errors_of(head + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_count 2\n") > 0);           // no _sum
}

TEST_CASE("the bot's registry is valid from the start and carries build info") {
    const auto e = parse_exposition(render());
    for (const auto& err : e.errors) UNSCOPED_INFO(err);
    CHECK(e.errors.empty());
    CHECK(e.value("advocacy_build_info", {{"version", ADVOCACY_VERSION}}) == 1);
    for (const auto& [name, type] : e.types) {
        CHECK(name.rfind("advocacy_", 0) == 0);
        CHECK(e.help.count(name) == 1);
    }
    // Series an alert needs exist before anything happened.
    CHECK_FALSE(std::isnan(e.value("advocacy_shares_recorded_total")));
    CHECK_FALSE(std::isnan(e.value("advocacy_deliveries_total", {{"result", "failed"}})));
}

TEST_CASE("the Slack socket-mode gauge follows its setter") {
    set_slack_socket_connections(2);
    CHECK(parse_exposition(render()).value("advocacy_slack_socket_connections") == 2);
    set_slack_socket_connections(0);
    CHECK(parse_exposition(render()).value("advocacy_slack_socket_connections") == 0);
}
