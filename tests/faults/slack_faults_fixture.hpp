#pragma once
// The Slack adapter in HTTP mode (SlackCore: engine, SQLite file, FakeSlack) with its Web API client pointed at a
// FaultFront in front of the fake, so every outgoing call (pushes, users.info, response_url follow-ups) meets the
// fault.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "tests/faults/bot_client_options.hpp"
#include "tests/faults/fault_front.hpp"
#include "tests/faults/probe.hpp"
#include "tests/slack/slack_fixture.hpp"

namespace advocacy::faults_test {

namespace json = boost::json;

using slack_test::form_body;
using slack_test::HttpResult;

struct SlackFaults : slack_test::SlackCore {
    SlackFaults() : front("http://127.0.0.1:" + std::to_string(fake.port())) {
        // Rewire SlackCore's outgoing side through the front (the engine and the database stay).
        engine->set_channel_directory(Platform::slack, nullptr);
        channels.reset();
        adapter.reset();
        outbox.reset();
        api.reset();
        client = std::make_unique<net::HttpClient>(bot_client_options());
        config.slack.api_base_url = front.url("/api");
        api = std::make_unique<slack::WebApi>(*client, config.slack.api_base_url, config.slack.bot_token.value());
        outbox = std::make_unique<slack::SlackOutbox>(*api);
        adapter = std::make_shared<slack::SlackAdapter>(config, *engine, clock, *api, *outbox);
        channels = std::make_unique<slack::SlackChannelDirectory>(*api);
        channels->identify_from(slack::ApiResult{
            true, {}, json::object{{"ok", true}, {"user_id", "UBOT"}, {"team_id", slack_test::kTeam}}});
        engine->set_channel_directory(Platform::slack, channels.get());

        server::ServerOptions server_options;
        server_options.port = 0;
        http = std::make_unique<server::HttpServer>(server_options);
        port = http->bind();
        config.server.public_base_url = "http://127.0.0.1:" + std::to_string(port);
        add_core_routes(http->routes(), *engine, {database_writable(*db)});
        slack::add_slack_routes(http->routes(), adapter);
        http->start();
    }
    ~SlackFaults() {
        front.heal();  // follow-ups still queued can finish
        http->stop();
        http->wait();
        adapter->drain(seconds(15));
        http.reset();
    }

    // A signed slash command whose response_url also goes through the front. Returns the HTTP status.
    int command(const std::string& user, const std::string& text) {
        auto fields = command_fields(user, text, "C0GENERAL");
        for (auto& [k, v] : fields)
            if (k == "response_url") v = front.url("/response/cmd-" + user);
        const std::string body = form_body(fields);
        const std::string ts = std::to_string(clock.now().time_since_epoch().count());
        const std::string req = "POST /slack/events HTTP/1.1\r\nHost: bot.example\r\n"
                                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\nX-Slack-Request-Timestamp: " + ts +
                                "\r\nX-Slack-Signature: " + slack::compute_signature(slack_test::kSecret, ts, body) +
                                "\r\n\r\n" + body;
        testing::RawClient c(port, seconds(10));
        if (!c.send(req)) return 0;
        const auto r = c.read_response();
        return r ? testing::status_of(*r) : 0;
    }

    // `n` employees who used the bot (so they are in the audience), a campaign with content, and the clock at the
    // end of the push's stagger window: the next tick pushes to everyone.
    void program_for(int n) {
        for (int i = 0; i < n; ++i) REQUIRE(command(user(i), "help") == 200);
        REQUIRE(command(slack_test::kAdmin, "campaign create \"Faults\" why=\"Because\"") == 200);
        for (int i = 1; i <= 3; ++i)
            REQUIRE(command(slack_test::kAdmin, "content add 1 https://example.com/post/" + std::to_string(i) +
                                                    " title=\"Post\" why=\"w\" text=\"t\"") == 200);
        REQUIRE(adapter->drain(seconds(10)));
        REQUIRE(scalar("SELECT count(*) FROM contents") == 3);
        clock.advance(minutes(31));  // Monday 09:31 in Paris
    }
    static std::string user(int i) { return "UEMP" + std::to_string(1000 + i); }

    // Content pushes (chat.postMessage with a content link) the fake answered 200 after the first `from`
    // chat.postMessage calls, per channel.
    std::map<std::string, int> posts_since(std::size_t from) const {
        std::map<std::string, int> n;
        const auto all = fake.calls("chat.postMessage");
        for (std::size_t i = from; i < all.size(); ++i) {
            if (all[i].status != 200) continue;
            if (slack_test::text_of(all[i]).find("example.com/post/") == std::string::npos) continue;
            const auto* ch = all[i].args.if_contains("channel");
            if (ch && ch->is_string()) ++n[std::string(ch->as_string())];
        }
        return n;
    }

    testing::FaultFront front;
    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
};

}  // namespace advocacy::faults_test
