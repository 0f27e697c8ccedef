// A simulated week on a real SQLite file: an admin sets up a campaign with commands, colleagues in Paris and New York
// get their daily push at their own 09:00 across the US DST change (Sun 2026-11-01), nothing on weekends, staggered;
// they ask why, share (twice: one record), skip, pause, opt out; the Friday board has a tie; the bot restarts
// mid-week and is down at push time on Thursday. The clock moves in 5-minute ticks; nothing sleeps.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "bot/calendar.hpp"
#include "bot/log/log.hpp"
#include "storage/leaderboard.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-GB", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};
const Person kNora{"nora", "Nora", "en-US", "America/New_York"};
const Person kOlga{"olga", "Olga", "en-US", "Europe/Paris"};
const Person kPaul{"paul", "Paul", "fr-FR", "Europe/Paris"};

struct Push {
    std::string user;  // conversation id
    LocalDate local_day;
    minutes local_time;  // since local midnight
    sys_seconds at;
    std::int64_t content_id;
};

minutes local_minutes(sys_seconds t, const std::string& zone) {
    const auto* z = date::locate_zone(zone);
    const auto local = z->to_local(t);
    return duration_cast<minutes>(local - floor<days>(local));
}

std::string zone_of(const std::string& conversation) {
    return conversation == "dm-nora" ? "America/New_York" : "Europe/Paris";
}

std::vector<Push> pushes(const std::vector<Sent>& sent) {
    std::vector<Push> out;
    for (const auto& s : sent) {
        if (s.message.kind != MessageKind::content) continue;
        const std::string zone = zone_of(s.to.conversation_id);
        out.push_back({s.to.conversation_id, local_date(s.at, date::locate_zone(zone)), local_minutes(s.at, zone), s.at,
                       card(s.message)->content_id});
    }
    return out;
}

int leaderboard_posts(const std::vector<Sent>& sent) {
    int n = 0;
    for (const auto& s : sent) n += s.message.kind == MessageKind::leaderboard;
    return n;
}

}  // namespace

TEST_CASE("scenario: a week of daily pushes across a DST change, with shares, pauses, a restart and a downtime") {
    Harness h(utc(2026, 10, 26, 6));  // Monday 07:00 in Paris, 02:00 in New York
    std::vector<Sent> all;
    auto collect = [&] {
        for (auto& s : h.outbox.take()) all.push_back(std::move(s));
    };

    // Setup through commands, the way an admin does it.
    const long campaign = create_campaign(h, "\"Autumn launch\" why=\"Our biggest launch this year\"");
    REQUIRE(campaign == 1);
    for (int i = 1; i <= 8; ++i) {
        REQUIRE(add_content(h, campaign, "https://example.com/post/" + std::to_string(i) + " title=\"Post " +
                                             std::to_string(i) + "\" why=\"Reason " + std::to_string(i) +
                                             "\" text=\"Look at this\"") == i);
    }
    for (const auto& p : {kAlice, kBruno, kNora, kOlga, kPaul}) {
        const Reply hello = h.text(p, "hello");
        REQUIRE(hello.messages.at(0).kind == MessageKind::onboarding);
    }
    h.command(kOlga, "optout");

    // Monday.
    h.run_until(utc(2026, 10, 26, 15));
    collect();
    {
        const auto monday = pushes(all);
        CHECK(monday.size() == 6);  // admin + 5 colleagues, once each
        for (const auto& p : monday) {
            CHECK(p.local_time >= hours{9});
            CHECK(p.local_time < hours{9} + minutes{35});  // 30-minute stagger window + one tick
        }
    }
    // Alice asks why and shares twice; Bruno skips; Nora shares once.
    CHECK(all_text(h.click(kAlice, "advocacy_why", "1")).find("Reason 1") != std::string::npos);
    h.click(kAlice, "advocacy_shared", "1");
    CHECK(all_text(h.click(kAlice, "advocacy_shared", "1")).find("Already recorded") != std::string::npos);
    h.click(kBruno, "advocacy_skip", "1");
    h.run_until(utc(2026, 10, 26, 19));
    h.click(kNora, "advocacy_shared", "1");
    // Olga shares too (hidden from the board, counted in totals).
    h.click(kOlga, "advocacy_shared", "1");

    // Tuesday: Paul pauses for 2 days (Tuesday to Thursday included) after his push.
    h.run_until(utc(2026, 10, 27, 10));
    CHECK(all_text(h.command(kPaul, "pause 2")).find("jeu. 29 octobre") != std::string::npos);

    // Wednesday 09:15 in Paris, in the middle of the stagger window: restart (engine and database destroyed, the
    // same file reopened). Who was served is not served again; the others still get their push.
    h.run_until(utc(2026, 10, 28, 8, 15));
    collect();
    {
        int served = 0;
        for (const auto& p : pushes(all)) served += p.local_day == LocalDate{year{2026} / 10 / 28};
        CHECK(served > 0);
        CHECK(served < 4);  // admin, Alice, Bruno, Olga are due in Paris this morning
    }
    h.restart();
    // And again at noon UTC: nothing at all is sent by the first tick after it.
    h.run_until(utc(2026, 10, 28, 12));
    collect();
    const auto before_restart = all.size();
    h.restart();
    h.tick();
    collect();
    CHECK(all.size() == before_restart);  // nothing sent twice after the restart
    h.click(kAlice, "advocacy_shared", "3");
    h.run_until(utc(2026, 10, 28, 20));
    h.click(kNora, "advocacy_shared", "3");

    // Thursday: the bot is down from 06:00 to 11:00 UTC (Paris push time is 08:00 UTC); it sends once when back.
    h.run_until(utc(2026, 10, 29, 6));
    h.clock.set(utc(2026, 10, 29, 11));
    h.tick();
    h.tick();
    collect();
    {
        int thursday_paris = 0;
        for (const auto& p : pushes(all)) {
            if (p.local_day == LocalDate{year{2026} / 10 / 29} && p.user != "dm-nora") {
                ++thursday_paris;
                CHECK(p.at == utc(2026, 10, 29, 11));
            }
        }
        CHECK(thursday_paris == 4);  // admin, Alice, Bruno, Olga (Paul is paused)
    }
    h.run_until(utc(2026, 11, 3, 23));  // to the end of next Tuesday, through the weekend and the US DST change
    collect();

    const auto all_pushes = pushes(all);
    {
        INFO("one push per user per working day, nothing on weekends");
        std::map<std::pair<std::string, long>, int> per_day;
        for (const auto& p : all_pushes) {
            ++per_day[{p.user, sys_days(p.local_day).time_since_epoch().count()}];
            const unsigned wd = local_weekday(p.local_day);
            CHECK(wd != 0);
            CHECK(wd != 6);
        }
        for (const auto& [key, n] : per_day) CHECK(n == 1);
        // Wednesday: everyone but Paul (paused) got exactly one push despite the restart mid-stagger.
        int wednesday = 0;
        for (const auto& p : all_pushes) wednesday += p.local_day == LocalDate{year{2026} / 10 / 28};
        CHECK(wednesday == 5);
        // Never the same content twice to one user.
        std::set<std::pair<std::string, std::int64_t>> seen;
        for (const auto& p : all_pushes) CHECK(seen.insert({p.user, p.content_id}).second);
    }
    {
        INFO("New York pushes follow 09:00 local across the DST change");
        std::vector<Push> nora;
        for (const auto& p : all_pushes)
            if (p.user == "dm-nora") nora.push_back(p);
        REQUIRE(nora.size() == 7);  // Mon-Fri, Mon, Tue
        for (const auto& p : nora) {
            CHECK(p.local_time >= hours{9});
            CHECK(p.local_time < hours{9} + minutes{35});
            const auto utc_hour = duration_cast<hours>(p.at - floor<days>(p.at)).count();
            const bool after_change = p.at >= utc(2026, 11, 1, 6);
            CHECK(utc_hour == (after_change ? 14 : 13));  // 09:xx EDT = 13:xx UTC, 09:xx EST = 14:xx UTC
        }
    }
    {
        INFO("the stagger spreads push times");
        std::set<minutes> times;
        for (const auto& p : all_pushes)
            if (p.at != utc(2026, 10, 29, 11)) times.insert(p.local_time);
        CHECK(times.size() >= 3);
    }
    {
        INFO("pause: Paul gets nothing from Wednesday to Thursday, then pushes resume");
        std::set<long> paul_days;
        for (const auto& p : all_pushes)
            if (p.user == "dm-paul") paul_days.insert(sys_days(p.local_day).time_since_epoch().count());
        auto has = [&](unsigned m, unsigned d) {
            return paul_days.contains(sys_days(year{2026} / m / d).time_since_epoch().count());
        };
        CHECK(has(10, 26));
        CHECK(has(10, 27));
        CHECK_FALSE(has(10, 28));
        CHECK_FALSE(has(10, 29));
        CHECK(has(10, 30));
        CHECK(has(11, 2));
    }
    {
        INFO("skip: Bruno never gets item 1 again");
        for (const auto& p : all_pushes)
            if (p.user == "dm-bruno") CHECK((p.content_id != 1 || p.local_day == LocalDate{year{2026} / 10 / 26}));
    }
    {
        INFO("the Friday board: one post, a tie at the top, Olga counted but not named");
        CHECK(leaderboard_posts(all) == 1);
        const Sent* board = nullptr;
        for (const auto& s : all)
            if (s.message.kind == MessageKind::leaderboard) board = &s;
        REQUIRE(board);
        CHECK(board->at >= utc(2026, 10, 30, 15));
        CHECK(board->at < utc(2026, 10, 30, 15, 5) + minutes{1});
        const std::string text = all_text(board->message);
        CHECK(text.find("1. Alice - 20 points, 2 shared\n1. Nora - 20 points, 2 shared") != std::string::npos);
        CHECK(text.find("Olga") == std::string::npos);
        CHECK(text.find("3 of 6 colleagues shared this week.") != std::string::npos);
        // Sharing twice made one record and one points entry.
        storage::Leaderboard lb(*h.db);
        CHECK(lb.campaign_stats(campaign, sys_seconds{}, utc(2026, 12, 1)).shared == 5);
    }
}

TEST_CASE("scenario: push failures are retried on each tick, then marked failed and left alone") {
    Harness h(utc(2026, 10, 26, 7));
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    add_content(h, campaign, "https://example.com/x title=\"T\" why=\"w\" text=\"t\"");
    h.text(kAlice, "hi");
    h.outbox.failing = true;
    log::set_min_level(log::Level::error);  // the expected "push not sent" warnings
    h.run_until(utc(2026, 10, 26, 12));
    // admin + Alice, 5 attempts each, then no more.
    CHECK(h.outbox.attempts == 10);
    CHECK(h.outbox.sent.empty());
    const auto alice = h.users().find_by_platform_id(1, "alice");
    const auto d = h.deliveries().find_for(alice->id, 1);
    REQUIRE(d);
    CHECK(d->state == storage::DeliveryState::failed);
    CHECK(d->attempts == 5);
    CHECK(d->last_error == "channel_not_found");

    // A transient failure heals: sent on the next tick.
    h.command(kAdmin, "help");
    add_content(h, campaign, "https://example.com/y title=\"U\" why=\"w\" text=\"t\"");
    h.run_until(utc(2026, 10, 27, 8, 0));
    h.outbox.failing = false;
    h.run_until(utc(2026, 10, 27, 9, 0));
    log::set_min_level(log::Level::info);
    int alice_pushes = 0;
    for (const auto& s : h.outbox.sent) alice_pushes += s.to.conversation_id == "dm-alice";
    CHECK(alice_pushes == 1);
}

TEST_CASE("scenario: admin push now queues deliveries sent by the next tick, at most one per campaign a day") {
    Harness h(utc(2026, 10, 31, 10));  // a Saturday: no scheduled push
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    add_content(h, campaign, "https://example.com/x title=\"T\" why=\"w\" text=\"t\"");
    add_content(h, campaign, "https://example.com/y title=\"U\" why=\"w\" text=\"t\"");
    h.text(kAlice, "hi");
    h.tick();
    CHECK(pushes(h.outbox.sent).empty());
    CHECK(all_text(h.command(kAdmin, "push 2")).find("2 message(s) queued") != std::string::npos);
    h.tick();
    CHECK(pushes(h.outbox.take()).size() == 2);
    CHECK(all_text(h.command(kAdmin, "push")).find("0 message(s) queued") != std::string::npos);
    h.tick();
    CHECK(h.outbox.sent.empty());
}
