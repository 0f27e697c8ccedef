// Slack's Web API failing during the daily push to 50 employees (issue 8): down, slow, 500s, garbage, cut mid-body,
// rate limiting for a window. Meanwhile slash commands are acked within Slack's 3 s and /healthz answers 200; when
// the platform recovers, every employee has exactly one push.
#include <catch2/catch.hpp>

#include "tests/faults/slack_faults_fixture.hpp"

using namespace advocacy;
using namespace advocacy::faults_test;
using testing::Fault;

namespace {

constexpr int kEmployees = 50;

Outcome tick_under_probe(SlackFaults& f) {
    return faults_test::tick_under_probe(*f.engine, *f.outbox, f.port, [&] { return f.command("UPROBE", "help"); });
}

void check_responsive(const Outcome& out, Fault fault) {
    faults_test::check_responsive(out, std::string("slack ") + testing::fault_name(fault));
}

// Every recipient got exactly one content push after call `from`, and every delivery is recorded as sent.
void check_exactly_once(SlackFaults& f, std::size_t from, std::int64_t recipients) {
    const auto posts = f.posts_since(from);
    CHECK(static_cast<std::int64_t>(posts.size()) == recipients);
    for (const auto& [channel, n] : posts) {
        INFO(channel);
        CHECK(n == 1);
    }
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'sent'") == recipients);
}

}  // namespace

TEST_CASE("slack web api: down, failing or garbled during the push, sent once by the first tick after recovery") {
    for (const Fault fault : {Fault::refused, Fault::server_error, Fault::garbage, Fault::cut_mid_body}) {
        DYNAMIC_SECTION(testing::fault_name(fault)) {
            SlackFaults f;
            f.program_for(kEmployees);
            REQUIRE(f.command("UPROBE", "help") == 200);
            const auto recipients = f.scalar("SELECT count(*) FROM users");
            REQUIRE(recipients == kEmployees + 2);  // the employees, the admin, the probe
            const auto before = f.fake.calls("chat.postMessage").size();

            const int forwarded_before = f.front.forwarded();
            f.front.set(fault);
            const Outcome out = tick_under_probe(f);
            check_responsive(out, fault);
            // Nothing went out; every push is kept, failed once, for the next tick.
            CHECK(f.posts_since(before).empty());
            CHECK(f.scalar("SELECT count(*) FROM deliveries") == recipients);
            CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'failed' AND attempts = 1") == recipients);
            if (fault == Fault::server_error || fault == Fault::cut_mid_body) {
                // Each DM open was retried by the client (5 attempts) before the push was given back to the engine.
                CHECK(f.front.faulted() >= 5 * recipients);
            }
            CHECK(f.front.forwarded() == forwarded_before);  // the platform never saw a request

            f.front.heal();
            f.engine->tick(*f.outbox);
            check_exactly_once(f, before, recipients);
        }
    }
}

TEST_CASE("slack web api: answers 10 s late are waited for and the push completes in the same tick") {
    SlackFaults f;
    f.program_for(kEmployees);
    REQUIRE(f.command("UPROBE", "help") == 200);
    const auto recipients = f.scalar("SELECT count(*) FROM users");
    const auto before = f.fake.calls("chat.postMessage").size();

    f.front.set(Fault::slow, seconds(2));  // every request arriving in the next 2 s is answered 10 s late
    const Outcome out = tick_under_probe(f);
    check_responsive(out, Fault::slow);
    CHECK(f.front.faulted() > 0);
    CHECK(out.tick >= seconds(10));
    CHECK(out.tick < seconds(15));  // no request timed out (the client's timeout is 15 s)
    check_exactly_once(f, before, recipients);
}

TEST_CASE("slack web api: 429 + Retry-After on everything for a window (a minute, scaled to 5 s) is waited out") {
    SlackFaults f;
    f.program_for(kEmployees);
    REQUIRE(f.command("UPROBE", "help") == 200);
    const auto recipients = f.scalar("SELECT count(*) FROM users");
    const auto before = f.fake.calls("chat.postMessage").size();

    f.front.set(Fault::rate_limited, seconds(5));
    const Outcome out = tick_under_probe(f);
    check_responsive(out, Fault::rate_limited);
    std::cout << "slack rate_limited: " << f.front.faulted() << " requests got 429\n";
    // Retry-After pauses each method's queue: the requests in flight when the window opened get a 429, then the
    // queue waits instead of hammering (at most 8 in flight per method, a few methods).
    CHECK(f.front.faulted() > 0);
    CHECK(f.front.faulted() <= 40);
    CHECK(out.tick >= seconds(4));
    check_exactly_once(f, before, recipients);
}
