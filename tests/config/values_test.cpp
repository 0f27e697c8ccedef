// The value grammars shared with the command language.
#include <catch2/catch.hpp>

#include "config/values.hpp"

using namespace advocacy::config;
using std::chrono::minutes;

TEST_CASE("times of day are HH:MM from 00:00 to 23:59", "[config][values]") {
    CHECK(parse_time_of_day("09:00") == minutes{9 * 60});
    CHECK(parse_time_of_day("9:30") == minutes{9 * 60 + 30});
    CHECK(parse_time_of_day("00:00") == minutes{0});
    CHECK(parse_time_of_day("23:59") == minutes{23 * 60 + 59});
    for (const char* bad : {"24:00", "25:00", "09:60", "9:5", "0900", "09:00:00", " 09:00", "09:00 ", "", ":", "-1:00",
                            "+9:00", "123:00", "ab:cd", "09h00", "０9:00"}) {
        INFO(bad);
        CHECK_FALSE(parse_time_of_day(bad));
    }
}

TEST_CASE("times of day format with two-digit hours", "[config][values]") {
    CHECK(format_time_of_day(minutes{9 * 60 + 5}) == "09:05");
    CHECK(format_time_of_day(minutes{23 * 60 + 59}) == "23:59");
    CHECK(format_time_of_day(minutes{0}) == "00:00");
    CHECK(format_time_of_day(*parse_time_of_day("7:45")) == "07:45");
}

TEST_CASE("weekdays are English names, short or full, in any case", "[config][values]") {
    CHECK(parse_weekday("sun") == 0U);
    CHECK(parse_weekday("mon") == 1U);
    CHECK(parse_weekday("Monday") == 1U);
    CHECK(parse_weekday("FRI") == 5U);
    CHECK(parse_weekday("saturday") == 6U);
    CHECK_FALSE(parse_weekday("lundi"));
    CHECK_FALSE(parse_weekday("mo"));
    CHECK_FALSE(parse_weekday("mond"));
    CHECK_FALSE(parse_weekday(""));
    CHECK(weekday_name(0) == "sun");
    CHECK(weekday_name(5) == "fri");
    CHECK(weekday_name(7).empty());
}

namespace {
std::uint8_t days(std::initializer_list<unsigned> list) {
    std::uint8_t bits = 0;
    for (unsigned d : list) bits |= static_cast<std::uint8_t>(1U << d);
    return bits;
}
}  // namespace

TEST_CASE("weekday sets: ranges, lists, and ranges that wrap over the weekend", "[config][values]") {
    CHECK(parse_weekday_set("mon-fri")->bits == days({1, 2, 3, 4, 5}));
    CHECK(parse_weekday_set("mon,wed,fri")->bits == days({1, 3, 5}));
    CHECK(parse_weekday_set("sun-thu")->bits == days({0, 1, 2, 3, 4}));
    CHECK(parse_weekday_set("fri-mon")->bits == days({5, 6, 0, 1}));
    CHECK(parse_weekday_set("sat,sun")->bits == days({6, 0}));
    CHECK(parse_weekday_set("mon-wed,fri")->bits == days({1, 2, 3, 5}));
    CHECK(parse_weekday_set("tue-tue")->bits == days({2}));
    CHECK(parse_weekday_set("Monday-Friday")->bits == days({1, 2, 3, 4, 5}));
    CHECK(parse_weekday_set("mon, wed")->bits == days({1, 3}));
    for (const char* bad :
         {"", ",", "mon,", ",mon", "mon,,fri", "mon-", "-fri", "mon-fri-sat", "mon-fro", "daily", "mon;fri"}) {
        INFO(bad);
        CHECK_FALSE(parse_weekday_set(bad));
    }
}

TEST_CASE("weekday sets format as ranges where days follow each other", "[config][values]") {
    CHECK(format_weekday_set(WeekdaySet{}) == "mon-fri");
    CHECK(format_weekday_set({days({1, 3, 5})}) == "mon,wed,fri");
    CHECK(format_weekday_set({days({5, 6, 0, 1})}) == "fri-mon");
    CHECK(format_weekday_set({days({0, 1, 2, 3, 4})}) == "sun-thu");
    CHECK(format_weekday_set({days({6, 0})}) == "sat,sun");
    CHECK(format_weekday_set({days({0, 1, 2, 3, 4, 5, 6})}) == "mon-sun");
    CHECK(format_weekday_set({days({1, 2, 3, 5})}) == "mon-wed,fri");
    CHECK(format_weekday_set({0}).empty());
    for (const char* text : {"mon-fri", "mon,wed,fri", "fri-mon", "sun-thu", "sat,sun", "mon-wed,fri", "wed,sat-mon"}) {
        INFO(text);
        CHECK(format_weekday_set(*parse_weekday_set(text)) == text);
    }
}

TEST_CASE("weekly times are a weekday and a time of day", "[config][values]") {
    CHECK(parse_weekly_time("fri 16:00") == WeeklyTime{5, minutes{16 * 60}});
    CHECK(parse_weekly_time("Monday  9:30") == WeeklyTime{1, minutes{9 * 60 + 30}});
    for (const char* bad :
         {"fri", "16:00", "fri16:00", "fri 24:00", "fry 16:00", "fri 16:00 extra", " fri 16:00", "fri "}) {
        INFO(bad);
        CHECK_FALSE(parse_weekly_time(bad));
    }
    CHECK(format_weekly_time({5, minutes{16 * 60}}) == "fri 16:00");
}

TEST_CASE("dates are real calendar days written YYYY-MM-DD", "[config][values]") {
    using namespace std::chrono;
    CHECK(parse_date("2026-01-31") == year_month_day{year{2026}, January, day{31}});
    CHECK(parse_date("2028-02-29") == year_month_day{year{2028}, February, day{29}});
    CHECK(parse_date("2000-02-29"));
    for (const char* bad : {"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                            "2026-1-31", "26-01-31", "2026/01/31", "2026-01-31T00:00", "", "abcd-ef-gh"}) {
        INFO(bad);
        CHECK_FALSE(parse_date(bad));
    }
    CHECK(format_date(year_month_day{year{2026}, March, day{5}}) == "2026-03-05");
}

TEST_CASE("time zones must be known to the tz database", "[config][values]") {
    CHECK(is_known_time_zone("Europe/Paris"));
    CHECK(is_known_time_zone("America/New_York"));
    CHECK(is_known_time_zone("UTC"));
    CHECK(is_known_time_zone("Asia/Kolkata"));
    CHECK_FALSE(is_known_time_zone("Europe/Pariss"));
    CHECK_FALSE(is_known_time_zone("europe/paris"));
    CHECK_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
    CHECK_FALSE(is_known_time_zone("../../etc/passwd"));
    CHECK_FALSE(is_known_time_zone(""));
}

TEST_CASE("only http and https URLs with a host are accepted", "[config][values]") {
    CHECK(is_http_url("https://example.com"));
    CHECK(is_http_url("http://127.0.0.1:8080/api"));
    CHECK(is_http_url("HTTPS://Example.com/a?b=c#d"));
    CHECK(is_http_url("http://[::1]:9000/"));
    for (const char* bad : {"ftp://example.com", "javascript:alert(1)", "example.com", "https://", "https:///path",
                            "http://exa mple.com", "mailto:a@b.c", "", "//example.com", "file:///etc/passwd"}) {
        INFO(bad);
        CHECK_FALSE(is_http_url(bad));
    }
}
