// users.info through the adapter: the engine learns each user's name, locale and time zone, cached and refreshed
// daily; a slow users.info never holds the ack.
#include <catch2/catch.hpp>

#include "tests/slack/slack_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

TEST_CASE("users.info is asked once a day per user and fills the user's locale, time zone and name") {
    SlackFixture f;
    f.fake.script("users.info", {testing::Scripted{200,
        R"({"ok":true,"user":{"id":"U5","tz":"America/Montreal","locale":"fr-CA","profile":{"display_name":"Zoé"}}})", {}, {}}});
    auto r = f.command("U5", "me");
    REQUIRE(r.status == 200);
    const auto info = f.fake.calls("users.info");
    REQUIRE(info.size() == 1);
    CHECK(info[0].args.at("user").as_string() == "U5");
    CHECK(info[0].args.at("include_locale").as_string() == "true");
    CHECK(info[0].content_type == "application/x-www-form-urlencoded");
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id = 'U5' AND locale = 'fr' AND "
                   "time_zone = 'America/Montreal' AND display_name = 'Zoé'") == 1);

    REQUIRE(f.command("U5", "me").status == 200);
    CHECK(f.fake.calls("users.info").size() == 1);  // cached
    f.clock.advance(hours(25));
    REQUIRE(f.command("U5", "me").status == 200);
    CHECK(f.fake.calls("users.info").size() == 2);  // refreshed after a day
}

TEST_CASE("a slow users.info does not hold the ack, its answer serves the next request") {
    SlackFixture f;
    f.fake.script("users.info", {testing::Scripted{200, "", {}, milliseconds(2000)}});
    const auto start = steady_clock::now();
    REQUIRE(f.command("U6", "me").status == 200);
    CHECK(steady_clock::now() - start < milliseconds(1500));
    REQUIRE(f.fake.wait_for_count("users.info", 1));
    REQUIRE(f.command("U6", "me").status == 200);
    CHECK(f.fake.calls("users.info").size() == 1);
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id = 'U6' AND display_name = 'Display U6'") == 1);
}
