// GET /metrics over a real loopback server: the scrape is valid text-format output, and the counters move with real
// requests, real outgoing calls (against a fake platform API) and real commits to a SQLite file.
#include <catch2/catch.hpp>

#include <string>

#include "bot/app/core_routes.hpp"
#include "bot/metrics/metrics.hpp"
#include "bot/net/http_client.hpp"
#include "bot/server/server.hpp"
#include "tests/metrics/exposition.hpp"
#include "tests/net/fake_http_server.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace std::chrono_literals;
using advocacy::testing::Exposition;
using advocacy::testing::parse_exposition;
using advocacy::testing::RawClient;

namespace {

struct Bot {
    advocacy::server::HttpServer server{options(), routes()};
    std::uint16_t port = server.start();

    static advocacy::server::ServerOptions options() {
        advocacy::server::ServerOptions o;
        o.port = 0;
        o.worker_threads = 2;
        o.shutdown_grace = 5s;
        return o;
    }
    static advocacy::server::Router routes() {
        advocacy::server::Router r;
        r.add("GET", "/items/*", [](const auto&) { return advocacy::server::HttpResponse::text(200, "item"); });
        advocacy::add_metrics_route(r);
        return r;
    }

    std::string get(const std::string& path) {
        RawClient c(port);
        REQUIRE(c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        const auto r = c.read_response();
        REQUIRE(r);
        return *r;
    }

    // Scrapes and checks the format every time: whatever state the counters are in, the output must be valid.
    Exposition scrape() {
        const auto response = get("/metrics");
        CHECK(advocacy::testing::status_of(response) == 200);
        CHECK(advocacy::testing::header_of(response, "Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
        auto e = parse_exposition(advocacy::testing::body_of(response));
        for (const auto& err : e.errors) UNSCOPED_INFO(err);
        CHECK(e.errors.empty());
        return e;
    }
};

const std::string kRequests = "advocacy_http_requests_total";

}  // namespace

TEST_CASE("requests are counted by route pattern and status, never by raw path") {
    Bot bot;
    const auto before = bot.scrape();
    const std::map<std::string, std::string> items_ok{{"route", "/items/*"}, {"method", "GET"}, {"status", "200"}};
    const std::map<std::string, std::string> unmatched{{"route", "unmatched"}, {"method", "GET"}, {"status", "404"}};

    bot.get("/items/alpha");
    bot.get("/items/beta?token=secret");
    bot.get("/nowhere/42");

    const auto after = bot.scrape();
    CHECK(after.count(kRequests, items_ok) - before.count(kRequests, items_ok) == 2);
    CHECK(after.count(kRequests, unmatched) - before.count(kRequests, unmatched) == 1);
    // The scrape before this one was counted too, under its own route.
    CHECK(after.count(kRequests, {{"route", "/metrics"}, {"method", "GET"}, {"status", "200"}}) >= 1);
    const auto duration = "advocacy_http_request_duration_seconds_count";
    CHECK(after.count(duration, {{"route", "/items/*"}, {"method", "GET"}}) -
              before.count(duration, {{"route", "/items/*"}, {"method", "GET"}}) == 2);
    for (const auto& s : after.samples) {
        for (const auto& [label, value] : s.labels) {
            CHECK(value.find("alpha") == std::string::npos);
            CHECK(value.find("nowhere") == std::string::npos);
        }
    }
}

TEST_CASE("malformed requests are counted before routing, with an unknown method folded into 'other'") {
    Bot bot;
    const auto before = bot.scrape();
    RawClient c(bot.port);
    REQUIRE(c.send("BREW /items/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    REQUIRE(c.read_response());
    const auto after = bot.scrape();
    const std::map<std::string, std::string> other{{"route", "unmatched"}, {"method", "other"}, {"status", "405"}};
    CHECK(after.count(kRequests, other) - before.count(kRequests, other) == 1);
}

TEST_CASE("platform API calls are counted by key and outcome, with 429s and retries") {
    Bot bot;
    advocacy::testing::FakeHttpServer api;
    api.route("/flaky", [](const auto&, int nth) {
        if (nth == 1) return advocacy::testing::FakeReply{429, {{"Retry-After", "0"}}, ""};
        if (nth == 2) return advocacy::testing::FakeReply{503, {}, ""};
        return advocacy::testing::FakeReply{200, {}, "{}"};
    });
    api.route("/missing", [](const auto&, int) { return advocacy::testing::FakeReply{404, {}, ""}; });
    advocacy::net::ClientOptions options;
    options.retry.base_delay = 1ms;
    options.retry.max_delay = 5ms;
    advocacy::net::HttpClient client(options);
    const auto before = bot.scrape();

    const auto flaky = client.call({"POST", api.url("/flaky"), {}, "application/json", "{}", "test:flaky"});
    REQUIRE(flaky.ok());
    CHECK(flaky.response->status == 200);
    const auto missing = client.call({"GET", api.url("/missing"), {}, "", "", "test:missing"});
    REQUIRE(missing.ok());
    const auto bad = client.call({"GET", "ftp://nowhere", {}, "", "", "test:bad"});
    CHECK_FALSE(bad.ok());

    const auto after = bot.scrape();
    const auto calls = "advocacy_platform_api_calls_total";
    const auto retries = "advocacy_platform_api_retries_total";
    const auto delta = [&](const char* name, const std::map<std::string, std::string>& labels) {
        return after.count(name, labels) - before.count(name, labels);
    };
    CHECK(delta(calls, {{"key", "test:flaky"}, {"outcome", "ok"}}) == 1);
    CHECK(delta(retries, {{"key", "test:flaky"}, {"reason", "rate_limited"}}) == 1);
    CHECK(delta(retries, {{"key", "test:flaky"}, {"reason", "http_5xx"}}) == 1);
    CHECK(delta(calls, {{"key", "test:missing"}, {"outcome", "http_4xx"}}) == 1);
    CHECK(delta(calls, {{"key", "-"}, {"outcome", "error"}}) == 1);
    CHECK(delta("advocacy_platform_api_call_duration_seconds_count", {{"key", "test:flaky"}}) == 1);
}

TEST_CASE("shares, deliveries and writer commits are counted once durable") {
    using namespace advocacy::storage::test;
    Bot bot;
    Fixture f;
    const auto user = f.add_user("ann");
    const auto content = f.add_content(f.add_campaign().id, "post");
    const auto delivery = f.deliver(content, user, day(2026, 11, 23));
    const auto before = bot.scrape();

    f.deliveries.mark_sent(delivery.id, "ts-1", at(1'800'000'000));
    CHECK(f.interactions.record_share(user.id, content.id, delivery.id, f.points(10), at(1'800'000'100)) ==
          advocacy::storage::RecordOutcome::recorded);
    // A repeat records nothing, so it counts nothing.
    CHECK(f.interactions.record_share(user.id, content.id, delivery.id, f.points(10), at(1'800'000'200)) ==
          advocacy::storage::RecordOutcome::already_recorded);
    f.deliveries.mark_failed(delivery.id, "channel_not_found");

    const auto after = bot.scrape();
    CHECK(after.count("advocacy_shares_recorded_total") - before.count("advocacy_shares_recorded_total") == 1);
    CHECK(after.count("advocacy_deliveries_total", {{"result", "sent"}}) -
              before.count("advocacy_deliveries_total", {{"result", "sent"}}) == 1);
    CHECK(after.count("advocacy_deliveries_total", {{"result", "failed"}}) -
              before.count("advocacy_deliveries_total", {{"result", "failed"}}) == 1);
    // Four writes, each waited for: at least one group commit each... or fewer, larger ones. Never none.
    const double commits = after.count("advocacy_storage_commit_duration_seconds_count") -
                           before.count("advocacy_storage_commit_duration_seconds_count");
    CHECK(commits >= 1);
    CHECK(after.count("advocacy_storage_writer_batch_size_sum") -
              before.count("advocacy_storage_writer_batch_size_sum") >= 4);
}
