// Reading Slack's replies: ok:false is an error with its code; permanent errors are told apart.
#include <catch2/catch.hpp>

#include "adapters/slack/web_api.hpp"
#include "tests/slack/fake_slack.hpp"

using namespace advocacy;
using namespace advocacy::slack;

namespace {
net::ClientResult response(int status, std::string body) {
    net::ClientResult r;
    r.response = net::ClientResponse{status, {}, std::move(body)};
    r.attempts = 1;
    return r;
}
}  // namespace

TEST_CASE("Slack replies are read as ok, or an error with Slack's code") {
    auto r = interpret(response(200, R"({"ok":true,"channel":"D1","ts":"1.2"})"));
    CHECK(r.ok);
    CHECK(r.reply.at("channel").as_string() == "D1");
    r = interpret(response(200, R"({"ok":false,"error":"channel_not_found"})"));
    CHECK(!r.ok);
    CHECK(r.error == "channel_not_found");
    CHECK(r.permanent());
    r = interpret(response(200, R"({"ok":false,"error":"ratelimited"})"));
    CHECK(!r.permanent());
    r = interpret(response(200, R"({"ok":false})"));
    CHECK(r.error == "unknown_error");
    r = interpret(response(200, "<html>proxy error</html>"));
    CHECK(!r.ok);
    CHECK(r.error == "invalid_reply");
    r = interpret(response(200, "ok"));  // response_url's answer
    CHECK(r.ok);
    r = interpret(response(500, "oops"));
    CHECK(r.error == "http_500");
    CHECK(!r.permanent());
    r = interpret(response(404, R"({"ok":false,"error":"unknown_method"})"));
    CHECK(r.error == "unknown_method");
    net::ClientResult none;
    none.error = "connection refused";
    r = interpret(none);
    CHECK(!r.ok);
    CHECK(r.error == "connection refused");
}

TEST_CASE("calls carry the bearer token and a JSON body, users.info is form-encoded") {
    testing::FakeSlack fake;
    net::HttpClient client;
    WebApi api(client, fake.api_base() + "/", "xoxb-secret-token");
    auto r = api.call("auth.test", {});
    CHECK(r.ok);
    CHECK(r.reply.at("user_id").as_string() == "UBOT");
    fake.script("chat.postMessage", {testing::FakeSlack::error("not_in_channel")});
    r = api.call("chat.postMessage", {{"channel", "C1"}, {"text", "hi"}});
    CHECK(!r.ok);
    CHECK(r.error == "not_in_channel");
    CHECK(r.permanent());
    r = api.call_form("users.info", {{"user", "U1"}, {"include_locale", "true"}});
    const auto calls = fake.calls();
    REQUIRE(calls.size() == 3);
    for (const auto& c : calls) {
        CHECK(c.authorization == "Bearer xoxb-secret-token");
        CHECK(c.path.find("token") == std::string::npos);
    }
    CHECK(calls[0].path == "/api/auth.test");
    CHECK(calls[1].content_type == "application/json; charset=utf-8");
    CHECK(calls[1].args.at("channel").as_string() == "C1");
    CHECK(calls[2].content_type == "application/x-www-form-urlencoded");
    CHECK(calls[2].args.at("user").as_string() == "U1");
    CHECK(calls[2].args.at("include_locale").as_string() == "true");
}

TEST_CASE("a Slack that cannot be reached is a transient failure, reported after bounded retries") {
    std::uint16_t dead_port = 0;
    {
        testing::FakeSlack gone;  // started and stopped: nothing listens on its port any more
        dead_port = gone.port();
    }
    net::ClientOptions options;
    options.retry.max_attempts = 2;
    options.retry.base_delay = std::chrono::milliseconds(10);
    options.retry.max_delay = std::chrono::milliseconds(20);
    options.connect_timeout = std::chrono::milliseconds(2000);
    net::HttpClient client(options);
    WebApi api(client, "http://127.0.0.1:" + std::to_string(dead_port) + "/api", "xoxb-secret-token");
    const auto r = api.call("chat.postMessage", {{"channel", "C1"}, {"text", "hi"}});
    CHECK(!r.ok);
    CHECK(!r.error.empty());
    CHECK(!r.permanent());
    CHECK(r.error.find("xoxb") == std::string::npos);
}

TEST_CASE("cursor-paged methods are read to the last page") {
    testing::FakeSlack fake;
    fake.script("conversations.members",
                {testing::Scripted{200, R"({"ok":true,"members":["U1","U2"],"response_metadata":{"next_cursor":"dXNlcjpVMDYxTkZUVDI="}})", {}, {}},
                 testing::Scripted{200, R"({"ok":true,"members":["U3"],"response_metadata":{"next_cursor":"c2Vjb25k"}})", {}, {}},
                 testing::Scripted{200, R"({"ok":true,"members":["U4"],"response_metadata":{"next_cursor":""}})", {}, {}}});
    net::HttpClient client;
    WebApi api(client, fake.api_base(), "xoxb-t");
    const auto paged = api.call_paged("conversations.members", {{"channel", "C1"}}, "members", 2);
    CHECK(paged.last.ok);
    REQUIRE(paged.items.size() == 4);
    CHECK(paged.items[3].as_string() == "U4");
    const auto calls = fake.calls("conversations.members");
    REQUIRE(calls.size() == 3);
    CHECK(!calls[0].args.contains("cursor"));
    CHECK(calls[1].args.at("cursor").as_string() == "dXNlcjpVMDYxTkZUVDI=");
    CHECK(calls[2].args.at("cursor").as_string() == "c2Vjb25k");
    for (const auto& c : calls) {
        CHECK(c.args.at("channel").as_string() == "C1");
        CHECK(c.args.at("limit").as_string() == "2");
    }

    fake.script("conversations.members",
                {testing::Scripted{200, R"({"ok":true,"members":["U1"],"response_metadata":{"next_cursor":"x"}})", {}, {}},
                 testing::FakeSlack::error("channel_not_found")});
    const auto failed = api.call_paged("conversations.members", {{"channel", "C9"}}, "members");
    CHECK(!failed.last.ok);
    CHECK(failed.last.error == "channel_not_found");
}
