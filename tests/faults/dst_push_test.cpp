// Daily pushes across the daylight-saving nights (issue 8, "Clock"): with a ManualClock ticking through the
// spring-forward and fall-back nights of Europe/Paris and America/New_York, and push_time inside the skipped or
// repeated hour (02:30) or an ordinary one (09:00), every user gets exactly one push per working day, none skipped,
// none doubled, at the local time the calendar promises.
#include <catch2/catch.hpp>

#include <date/tz.h>

#include <map>
#include <string>
#include <vector>

#include "bot/calendar.hpp"
#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

struct Night {
    const char* zone;
    LocalDate day;  // the local date of the transition (a Sunday)
    bool spring;    // true: an hour is skipped; false: an hour is repeated
    minutes odd;    // a push time inside the skipped or repeated hour
};

// 2026's four transition nights.
const Night kNights[] = {
    {"Europe/Paris", year{2026} / 3 / 29, true, hours{2} + minutes{30}},       // 02:00 CET -> 03:00 CEST
    {"Europe/Paris", year{2026} / 10 / 25, false, hours{2} + minutes{30}},     // 03:00 CEST -> 02:00 CET
    {"America/New_York", year{2026} / 3 / 8, true, hours{2} + minutes{30}},    // 02:00 EST -> 03:00 EDT
    {"America/New_York", year{2026} / 11 / 1, false, hours{1} + minutes{30}},  // 02:00 EDT -> 01:00 EST
};

struct LocalPush {
    LocalDate day;
    minutes wall;  // local wall-clock time of the send, from midnight
    sys_seconds at;
};

// The instant of local `day` + `time` (a time that exists once: midnight, noon).
sys_seconds instant(const date::time_zone* zone, LocalDate day, minutes time = minutes{0}) {
    return zone->to_sys(date::local_days{sys_days{day}.time_since_epoch()} + time);
}

LocalPush local_of(sys_seconds at, const date::time_zone* zone) {
    const auto local = zone->to_local(at);
    const auto midnight = std::chrono::floor<days>(local);
    return {LocalDate{sys_days{midnight.time_since_epoch()}}, duration_cast<minutes>(local - midnight), at};
}

}  // namespace

TEST_CASE("dst: one push per working day across spring-forward and fall-back nights") {
    for (const Night& night : kNights) {
        for (const minutes push_time : {night.odd, minutes{hours{9}}}) {
            DYNAMIC_SECTION(night.zone << " " << static_cast<int>(unsigned(night.day.month())) << "/"
                                       << static_cast<unsigned>(night.day.day()) << " push "
                                       << push_time.count() << " min") {
                const date::time_zone* zone = date::locate_zone(night.zone);
                config::Config cfg = test_config();
                cfg.program.time_zone = night.zone;
                cfg.program.push_time = push_time;
                cfg.program.working_days.bits = 0b1111111;  // transitions happen on Sundays: work every day
                cfg.program.stagger_window = minutes{30};
                // From local noon two days before the night; that day's push is not under test.
                const LocalDate first = LocalDate{sys_days{night.day} - days{1}};
                const LocalDate last = LocalDate{sys_days{night.day} + days{1}};
                Harness h(instant(zone, LocalDate{sys_days{night.day} - days{2}}, hours{12}), cfg);
                const Person admin{"admin", "Ada Admin", "en-US", night.zone};
                const Person alice{"alice", "Alice", "en-US", night.zone};
                const Person bruno{"bruno", "Bruno", "fr-FR", night.zone};
                const long campaign = create_campaign(h, "\"DST\" why=\"w\"");
                REQUIRE(campaign > 0);
                for (int i = 0; i < 8; ++i)
                    REQUIRE(add_content(h, campaign, "https://example.com/dst/" + std::to_string(i) +
                                                         " title=\"T\" why=\"w\" text=\"t\"") > 0);
                for (const auto& p : {admin, alice, bruno}) h.text(p, "hello");
                h.run_until(instant(zone, first));
                h.outbox.take();  // the day before "first" is not under test

                // Through three local days, one tick a minute during the transition night, every 5 minutes elsewhere.
                const auto night_start = instant(zone, night.day);
                h.run_until(night_start);
                h.run_until(night_start + hours{6}, minutes{1});
                h.run_until(instant(zone, LocalDate{sys_days{last} + days{1}}));

                std::map<std::string, std::vector<LocalPush>> per_user;
                for (const auto& s : h.outbox.sent)
                    if (s.message.kind == MessageKind::content)
                        per_user[s.to.conversation_id].push_back(local_of(s.at, zone));
                REQUIRE(per_user.size() == 3);
                for (const auto& [user, pushes] : per_user) {
                    INFO(user);
                    REQUIRE(pushes.size() == 3);  // first, the night's day, last: one each
                    for (int i = 0; i < 3; ++i) {
                        const LocalDate expected{sys_days{first} + days{i}};
                        CHECK(pushes[i].day == expected);
                        const minutes wall = pushes[i].wall;
                        INFO("local wall time " << wall.count() << " min on day " << i);
                        if (expected == night.day && night.spring && push_time == night.odd) {
                            // 02:30 does not exist: the push moves forward by the gap (03:30 + stagger).
                            CHECK(wall >= push_time + hours{1});
                            CHECK(wall < push_time + hours{1} + minutes{36});
                        } else {
                            CHECK(wall >= push_time);
                            CHECK(wall < push_time + minutes{36});  // 30-min stagger + one tick
                        }
                        if (expected == night.day && !night.spring && push_time == night.odd) {
                            // The time happens twice: sent in its first occurrence (summer time) and never again.
                            const auto first_occurrence = zone->to_sys(
                                date::local_days{sys_days{night.day}.time_since_epoch()} + push_time,
                                date::choose::earliest);
                            CHECK(pushes[i].at < first_occurrence + minutes{36});
                        }
                    }
                }
            }
        }
    }
}
