// The employee flow of tests/slack/flow_test.cpp, in Socket Mode: the same steps over envelopes instead of signed
// HTTP requests (push, "I shared it", repeat click, why, share button, reaction, leaderboard).
#include <catch2/catch.hpp>

#include "tests/slack/employee_flow.hpp"
#include "tests/slack_socket/socket_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

TEST_CASE("socket mode: slash commands, a push to three people, I shared it, why, repeat click", "[socket][flow]") {
    SocketFixture f;
    check_push_share_why(f);
}

TEST_CASE("socket mode: the configured reaction counts as a share", "[socket][flow]") {
    SocketFixture f;
    check_reaction_share(f);
}

TEST_CASE("socket mode: the leaderboard post", "[socket][flow]") {
    SocketFixture f;
    check_leaderboard_post(f);
}
