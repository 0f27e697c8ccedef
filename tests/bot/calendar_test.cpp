#include "bot/calendar.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace std::chrono;
using advocacy::LocalDate;

namespace {

const date::time_zone* zone(const char* name) { return date::locate_zone(name); }

// A UTC instant written as calendar fields, for readable expectations.
sys_seconds utc(int y, unsigned m, unsigned d, int hh, int mm) {
    return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm};
}

LocalDate ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

// Wall-clock minutes since local midnight of an instant in a zone (checks what a user would see).
minutes local_clock(sys_seconds t, const date::time_zone* z) {
    const auto local = z->to_local(t);
    return duration_cast<minutes>(local - date::floor<date::days>(local));
}

}  // namespace

TEST_CASE("zone_or never throws and falls back", "[calendar]") {
    CHECK(advocacy::zone_or("Europe/Paris", "UTC")->name() == "Europe/Paris");
    CHECK(advocacy::zone_or("Mars/Olympus_Mons", "America/New_York")->name() == "America/New_York");
    CHECK(advocacy::zone_or("", "Europe/Paris")->name() == "Europe/Paris");
    const auto* last_resort = advocacy::zone_or("Mars/Olympus_Mons", "Not/A_Zone");
    REQUIRE(last_resort != nullptr);
    CHECK((last_resort->name() == "UTC" || last_resort->name() == "Etc/UTC"));
}

TEST_CASE("local_date follows the zone's offset on both sides of DST changes", "[calendar]") {
    const auto* paris = zone("Europe/Paris");
    const auto* ny = zone("America/New_York");

    SECTION("Europe/Paris, spring forward 2026-03-29 (CET +1 -> CEST +2)") {
        CHECK(advocacy::local_date(utc(2026, 3, 28, 22, 59), paris) == ymd(2026, 3, 28));  // 23:59 CET
        CHECK(advocacy::local_date(utc(2026, 3, 28, 23, 0), paris) == ymd(2026, 3, 29));   // 00:00 CET
        CHECK(advocacy::local_date(utc(2026, 3, 29, 21, 59), paris) == ymd(2026, 3, 29));  // 23:59 CEST
        CHECK(advocacy::local_date(utc(2026, 3, 29, 22, 0), paris) == ymd(2026, 3, 30));   // 00:00 CEST
    }
    SECTION("Europe/Paris, fall back 2026-10-25 (CEST +2 -> CET +1)") {
        CHECK(advocacy::local_date(utc(2026, 10, 24, 21, 59), paris) == ymd(2026, 10, 24));
        CHECK(advocacy::local_date(utc(2026, 10, 24, 22, 0), paris) == ymd(2026, 10, 25));
        CHECK(advocacy::local_date(utc(2026, 10, 25, 22, 59), paris) == ymd(2026, 10, 25));
        CHECK(advocacy::local_date(utc(2026, 10, 25, 23, 0), paris) == ymd(2026, 10, 26));
    }
    SECTION("America/New_York, spring forward 2026-03-08 (EST -5 -> EDT -4)") {
        CHECK(advocacy::local_date(utc(2026, 3, 8, 4, 59), ny) == ymd(2026, 3, 7));
        CHECK(advocacy::local_date(utc(2026, 3, 8, 5, 0), ny) == ymd(2026, 3, 8));
        CHECK(advocacy::local_date(utc(2026, 3, 9, 3, 59), ny) == ymd(2026, 3, 8));
        CHECK(advocacy::local_date(utc(2026, 3, 9, 4, 0), ny) == ymd(2026, 3, 9));
    }
    SECTION("America/New_York, fall back 2026-11-01 (EDT -4 -> EST -5)") {
        CHECK(advocacy::local_date(utc(2026, 11, 1, 3, 59), ny) == ymd(2026, 10, 31));
        CHECK(advocacy::local_date(utc(2026, 11, 1, 4, 0), ny) == ymd(2026, 11, 1));
        CHECK(advocacy::local_date(utc(2026, 11, 2, 4, 59), ny) == ymd(2026, 11, 1));
        CHECK(advocacy::local_date(utc(2026, 11, 2, 5, 0), ny) == ymd(2026, 11, 2));
    }
    SECTION("a zone far from UTC changes the day") {
        CHECK(advocacy::local_date(utc(2026, 12, 31, 11, 0), zone("Pacific/Kiritimati")) == ymd(2027, 1, 1));
        CHECK(advocacy::local_date(utc(2026, 12, 31, 11, 0), zone("UTC")) == ymd(2026, 12, 31));
    }
}

TEST_CASE("local_weekday uses the C encoding, Sunday = 0", "[calendar]") {
    CHECK(advocacy::local_weekday(ymd(2026, 11, 29)) == 0);  // Sunday
    CHECK(advocacy::local_weekday(ymd(2026, 11, 23)) == 1);  // Monday
    CHECK(advocacy::local_weekday(ymd(2026, 11, 27)) == 5);  // Friday
    CHECK(advocacy::local_weekday(ymd(2026, 11, 28)) == 6);  // Saturday
}

TEST_CASE("at_local_time around DST transitions", "[calendar]") {
    const auto* paris = zone("Europe/Paris");
    const auto* ny = zone("America/New_York");

    SECTION("ordinary days on each side of the change keep the local time") {
        CHECK(advocacy::at_local_time(ymd(2026, 3, 28), 9h, paris) == utc(2026, 3, 28, 8, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 3, 29), 9h, paris) == utc(2026, 3, 29, 7, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 3, 30), 9h, paris) == utc(2026, 3, 30, 7, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 10, 25), 9h, paris) == utc(2026, 10, 25, 8, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 3, 7), 9h, ny) == utc(2026, 3, 7, 14, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 3, 8), 9h, ny) == utc(2026, 3, 8, 13, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 11, 1), 9h, ny) == utc(2026, 11, 1, 14, 0));
    }
    SECTION("a time inside the spring-forward gap moves forward past it") {
        // Paris: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist; it becomes 03:30 CEST = 01:30 UTC.
        const auto paris_gap = advocacy::at_local_time(ymd(2026, 3, 29), 2h + 30min, paris);
        CHECK(paris_gap == utc(2026, 3, 29, 1, 30));
        CHECK(local_clock(paris_gap, paris) == 3h + 30min);
        CHECK(advocacy::at_local_time(ymd(2026, 3, 29), 2h, paris) == utc(2026, 3, 29, 1, 0));  // 03:00 CEST
        // New York: 02:00 EST jumps to 03:00 EDT; 02:30 becomes 03:30 EDT = 07:30 UTC.
        const auto ny_gap = advocacy::at_local_time(ymd(2026, 3, 8), 2h + 30min, ny);
        CHECK(ny_gap == utc(2026, 3, 8, 7, 30));
        CHECK(local_clock(ny_gap, ny) == 3h + 30min);
        CHECK(advocacy::local_date(ny_gap, ny) == ymd(2026, 3, 8));
    }
    SECTION("an ambiguous fall-back time takes its first occurrence") {
        // Paris: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30 UTC (CEST) and 01:30 UTC (CET).
        CHECK(advocacy::at_local_time(ymd(2026, 10, 25), 2h + 30min, paris) == utc(2026, 10, 25, 0, 30));
        // New York: 02:00 EDT falls back to 01:00 EST; 01:30 happens at 05:30 UTC (EDT) and 06:30 UTC (EST).
        CHECK(advocacy::at_local_time(ymd(2026, 11, 1), 1h + 30min, ny) == utc(2026, 11, 1, 5, 30));
        // Just outside the overlap there is a single answer.
        CHECK(advocacy::at_local_time(ymd(2026, 11, 1), 2h, ny) == utc(2026, 11, 1, 7, 0));
        CHECK(advocacy::at_local_time(ymd(2026, 11, 1), 59min, ny) == utc(2026, 11, 1, 4, 59));
    }
    SECTION("every day of 2026 round-trips in several zones") {
        for (const char* name : {"Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"}) {
            const auto* z = zone(name);
            for (sys_days d = sys_days{ymd(2026, 1, 1)}; d <= sys_days{ymd(2026, 12, 31)}; d += days{1}) {
                const auto t = advocacy::at_local_time(LocalDate{d}, 9h + 15min, z);
                INFO(name << " day " << (d.time_since_epoch().count()));
                REQUIRE(advocacy::local_date(t, z) == LocalDate{d});
                REQUIRE(local_clock(t, z) == 9h + 15min);
            }
        }
    }
}

TEST_CASE("ISO week keys", "[calendar]") {
    CHECK(advocacy::iso_week_key(ymd(2026, 11, 27)) == "2026-W48");
    CHECK(advocacy::iso_week_key(ymd(2026, 1, 1)) == "2026-W01");   // Thursday: week 1 of its own year
    CHECK(advocacy::iso_week_key(ymd(2025, 12, 29)) == "2026-W01"); // Monday of 2026-W01
    CHECK(advocacy::iso_week_key(ymd(2025, 12, 28)) == "2025-W52"); // the Sunday before
    CHECK(advocacy::iso_week_key(ymd(2026, 12, 31)) == "2026-W53");
    CHECK(advocacy::iso_week_key(ymd(2027, 1, 1)) == "2026-W53");
    CHECK(advocacy::iso_week_key(ymd(2027, 1, 3)) == "2026-W53");
    CHECK(advocacy::iso_week_key(ymd(2027, 1, 4)) == "2027-W01");
    CHECK(advocacy::iso_week_key(ymd(2024, 12, 30)) == "2025-W01");
    CHECK(advocacy::iso_week_key(ymd(2021, 1, 3)) == "2020-W53");

    SECTION("an instant's week is the week of its local day") {
        const auto t = utc(2027, 1, 3, 23, 30);  // Sunday 23:30 UTC = Monday 00:30 in Paris
        CHECK(advocacy::iso_week_key(t, zone("UTC")) == "2026-W53");
        CHECK(advocacy::iso_week_key(t, zone("Europe/Paris")) == "2027-W01");
        CHECK(advocacy::iso_week_key(t, zone("America/New_York")) == "2026-W53");
    }
    SECTION("Monday of the week") {
        CHECK(advocacy::iso_week_monday(ymd(2027, 1, 1)) == ymd(2026, 12, 28));
        CHECK(advocacy::iso_week_monday(ymd(2026, 11, 23)) == ymd(2026, 11, 23));  // a Monday is its own
        CHECK(advocacy::iso_week_monday(ymd(2026, 11, 29)) == ymd(2026, 11, 23));  // Sunday ends the week
    }
}

TEST_CASE("iso_week_keys_back lists weeks newest first across a year boundary", "[calendar]") {
    using V = std::vector<std::string>;
    CHECK(advocacy::iso_week_keys_back(ymd(2027, 1, 6), 3) == V{"2027-W01", "2026-W53", "2026-W52"});
    CHECK(advocacy::iso_week_keys_back(ymd(2026, 1, 7), 3) == V{"2026-W02", "2026-W01", "2025-W52"});
    CHECK(advocacy::iso_week_keys_back(ymd(2026, 11, 27), 1) == V{"2026-W48"});
    CHECK(advocacy::iso_week_keys_back(ymd(2026, 11, 27), 0).empty());

    const auto many = advocacy::iso_week_keys_back(ymd(2027, 3, 1), 60);
    REQUIRE(many.size() == 60);
    CHECK(std::set<std::string>(many.begin(), many.end()).size() == 60);  // no week twice, none skipped below
    CHECK(many.back() == "2026-W03");  // 2027-W09 back 59 weeks, through the 53-week year 2026
}

TEST_CASE("stagger_offset is deterministic, in range and spread", "[calendar]") {
    const auto day = ymd(2026, 11, 27);

    SECTION("range and determinism") {
        for (const auto window : {1min, 7min, 30min, 120min}) {
            for (std::int64_t user = -5; user < 500; ++user) {
                const auto off = advocacy::stagger_offset(user, day, window);
                REQUIRE(off >= 0s);
                REQUIRE(off < window);
                REQUIRE(off == advocacy::stagger_offset(user, day, window));
            }
        }
    }
    SECTION("an empty or negative window gives no offset") {
        CHECK(advocacy::stagger_offset(42, day, 0min) == 0s);
        CHECK(advocacy::stagger_offset(42, day, -5min) == 0s);
    }
    SECTION("differs across users on the same day") {
        std::set<std::int64_t> seen;
        std::int64_t total = 0;
        for (std::int64_t user = 1; user <= 200; ++user) {
            const auto off = advocacy::stagger_offset(user, day, 30min).count();
            seen.insert(off);
            total += off;
        }
        CHECK(seen.size() > 150);  // 200 draws in 1800 seconds: a few collisions at most
        const double mean = static_cast<double>(total) / 200.0;
        CHECK(mean > 600.0);  // roughly centred on 900 s, not bunched at one end
        CHECK(mean < 1200.0);
    }
    SECTION("varies from day to day for one user") {
        std::set<std::int64_t> seen;
        for (sys_days d = sys_days{day}; d < sys_days{day} + days{30}; d += days{1}) {
            seen.insert(advocacy::stagger_offset(7, LocalDate{d}, 30min).count());
        }
        CHECK(seen.size() > 20);
    }
}
