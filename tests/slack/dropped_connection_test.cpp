// Slack's Web API dropping the connection mid-call (network blip, load balancer reset): the call is retried on a
// fresh connection and the push still goes out once.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "adapters/slack/outbox.hpp"
#include "adapters/slack/web_api.hpp"
#include "bot/net/http_client.hpp"
#include "tests/net/fake_http_server.hpp"

using namespace advocacy;
using namespace std::chrono;

TEST_CASE("a dropped connection during chat.postMessage is retried and the push is delivered") {
    testing::FakeHttpServer fake;
    fake.route("/api/conversations.open", [](const testing::FakeRequest&, int) {
        return testing::FakeReply{200, {{"Content-Type", "application/json"}}, R"({"ok":true,"channel":{"id":"D42"}})"};
    });
    fake.route("/api/chat.postMessage", [](const testing::FakeRequest&, int nth) {
        testing::FakeReply r{200, {{"Content-Type", "application/json"}}, R"({"ok":true,"channel":"D42","ts":"1700.0001"})"};
        r.drop = nth <= 2;  // the first two attempts die with the connection
        return r;
    });
    net::ClientOptions options;
    options.retry.base_delay = milliseconds(10);
    options.retry.max_delay = milliseconds(50);
    net::HttpClient client(options);
    slack::WebApi api(client, fake.url("/api"), "xoxb-test-token");
    slack::SlackOutbox outbox(api);

    Message m;
    m.fallback_text = "hello";
    const SendResult r = outbox.send(Conversation{Platform::slack, "T1", "U42", true}, m);
    REQUIRE(r.ok);
    CHECK(r.platform_ref == "D42:1700.0001");
    int posts = 0;
    for (const auto& req : fake.requests()) posts += req.path == "/api/chat.postMessage";
    CHECK(posts == 3);
    CHECK(fake.connections_accepted() >= 3);  // each drop forced a new connection
}
