// The Teams side of bad payloads: an activity nested 100,000 levels deep, and invalid UTF-8, from a sender with a
// genuine token. Refused quickly with nothing stored: 400 when the activity parses, 403 when it does not (the
// token's key endorsements are checked against the activity's channelId, which an unparseable body does not give).
#include <catch2/catch.hpp>

#include "tests/hostile/hostile_fixture.hpp"
#include "tests/teams/teams_fixture.hpp"

using namespace advocacy;
using namespace advocacy::teams_test;

namespace {

// POST /api/messages with a raw body and a genuine token for the fake connector's serviceUrl.
int post_raw(TeamsFixture& f, const std::string& body) {
    const std::string auth = f.idp.authorization(f.config.teams.app_id, f.connector.service_url(), f.clock.now());
    testing::RawClient c(f.port);
    if (!c.send("POST /api/messages HTTP/1.1\r\nHost: bot.example\r\nContent-Type: application/json\r\n"
                "Authorization: " + auth + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body)) {
        return 0;
    }
    const auto response = c.read_response();
    return response ? testing::status_of(*response) : 0;
}

bool refused(int status) { return status == 400 || status == 403; }

}  // namespace

TEST_CASE("a Teams activity nested 100,000 levels deep is refused quickly", "[hostile][json][teams]") {
    TeamsFixture f;
    const auto rows = f.total_rows();
    auto activity = f.text(kAdmin, "stats");
    activity["value"] = "@@";
    std::string body = json::serialize(activity);
    body.replace(body.find("\"@@\""), 4, std::string(100'000, '[') + std::string(100'000, ']'));
    const auto start = steady_clock::now();
    CHECK(refused(post_raw(f, body)));
    CHECK(steady_clock::now() - start < hostile_test::kPrompt);
    CHECK(refused(post_raw(f, std::string(100'000, '[') + std::string(100'000, ']'))));
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.total_rows() == rows);
}

TEST_CASE("invalid UTF-8 in a Teams activity is refused with nothing stored", "[hostile][utf8][teams]") {
    TeamsFixture f;
    const auto rows = f.total_rows();
    auto activity = f.text(kAdmin, "campaign create \"@@\" why=\"x\"");
    const std::string good = json::serialize(activity);
    for (const std::string bad : {"\xC0\xAF", "\x80", "\xED\xA0\x80", "\xFF"}) {
        std::string body = good;
        body.replace(body.find("@@"), 2, bad);
        CHECK(refused(post_raw(f, body)));
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.total_rows() == rows);
}
