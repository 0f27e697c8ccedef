// The Bot Connector failing during the daily push to 50 employees (issue 8): down, slow, 500s, garbage, cut
// mid-body, throttling for a window. Meanwhile activities are acked within 3 s and /healthz answers 200; when the
// connector recovers, every employee has exactly one push.
#include <catch2/catch.hpp>

#include "tests/faults/teams_faults_fixture.hpp"

using namespace advocacy;
using namespace advocacy::faults_test;
using testing::Fault;

namespace {

constexpr int kEmployees = 50;
// The probe's "help" messages rotate over several chats: each answer is a send into that chat, and Teams allows a
// chat 8 sends per 2 s and 60 per 30 s (the adapter's rate limiter enforces it, so one chat would slow the drain).
constexpr int kProbeChats = 8;

std::string probe_user(int i) { return "29:probe-" + std::to_string(i); }

Outcome tick_under_probe(TeamsFaults& f) {
    int next = 0;
    return faults_test::tick_under_probe(*f.engine, *f.outbox, f.port, [&f, next]() mutable {
        return f.post(f.text(probe_user(next++ % kProbeChats), "help"));
    });
}

void check_responsive(const Outcome& out, Fault fault) {
    faults_test::check_responsive(out, std::string("teams ") + testing::fault_name(fault));
}

void check_exactly_once(TeamsFaults& f, std::size_t from, std::int64_t recipients) {
    const auto pushes = f.pushes_since(from);
    CHECK(static_cast<std::int64_t>(pushes.size()) == recipients);
    for (const auto& [conversation, n] : pushes) {
        INFO(conversation);
        CHECK(n == 1);
    }
    CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'sent'") == recipients);
}

// The employees, the admin and the probe's users, every one with a push due.
std::int64_t prepare(TeamsFaults& f) {
    f.program_for(kEmployees);
    for (int i = 0; i < kProbeChats; ++i) REQUIRE(f.post(f.install(probe_user(i))) == 200);
    REQUIRE(f.adapter->drain(seconds(10)));
    const auto recipients = f.scalar("SELECT count(*) FROM users");
    REQUIRE(recipients == kEmployees + 1 + kProbeChats);
    return recipients;
}

}  // namespace

TEST_CASE("teams connector: down, failing or garbled during the push, sent once by the first tick after recovery") {
    for (const Fault fault : {Fault::refused, Fault::server_error, Fault::garbage, Fault::cut_mid_body}) {
        DYNAMIC_SECTION(testing::fault_name(fault)) {
            TeamsFaults f;
            const auto recipients = prepare(f);
            const auto before = f.connector.calls("send").size();

            const int forwarded_before = f.front.forwarded();
            f.front.set(fault);
            const Outcome out = tick_under_probe(f);
            check_responsive(out, fault);
            CHECK(f.pushes_since(before).empty());
            CHECK(f.scalar("SELECT count(*) FROM deliveries") == recipients);
            CHECK(f.scalar("SELECT count(*) FROM deliveries WHERE state = 'failed' AND attempts = 1") == recipients);
            if (fault == Fault::server_error || fault == Fault::cut_mid_body)
                CHECK(f.front.faulted() >= 5 * recipients);  // each send retried by the client (5 attempts)
            CHECK(f.front.forwarded() == forwarded_before);  // the platform never saw a request

            f.front.heal();
            f.engine->tick(*f.outbox);
            check_exactly_once(f, before, recipients);
        }
    }
}

TEST_CASE("teams connector: answers 10 s late are waited for and the push completes in the same tick") {
    TeamsFaults f;
    const auto recipients = prepare(f);
    const auto before = f.connector.calls("send").size();

    f.front.set(Fault::slow, seconds(2));
    const Outcome out = tick_under_probe(f);
    check_responsive(out, Fault::slow);
    CHECK(f.front.faulted() > 0);
    CHECK(out.tick >= seconds(10));
    CHECK(out.tick < seconds(15));
    check_exactly_once(f, before, recipients);
}

TEST_CASE("teams connector: 429 + Retry-After on everything for a window (a minute, scaled to 5 s) is waited out") {
    TeamsFaults f;
    const auto recipients = prepare(f);
    const auto before = f.connector.calls("send").size();

    f.front.set(Fault::rate_limited, seconds(5));
    const Outcome out = tick_under_probe(f);
    check_responsive(out, Fault::rate_limited);
    std::cout << "teams rate_limited: " << f.front.faulted() << " requests got 429\n";
    CHECK(f.front.faulted() > 0);
    CHECK(f.front.faulted() <= 40);
    CHECK(out.tick >= seconds(4));
    check_exactly_once(f, before, recipients);
}
