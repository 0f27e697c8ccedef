#pragma once
// The Teams adapter end to end (as tests/teams/teams_fixture.hpp builds it: real server, engine, SQLite file, token
// validation against the fake identity provider, the bot's token from its token endpoint) with the conversations'
// serviceUrl pointing at a FaultFront in front of the fake Bot Connector: pushes and replies meet the fault.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "adapters/teams/stack.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/net/http_client.hpp"
#include "bot/server/server.hpp"
#include "storage/database.hpp"
#include "tests/faults/bot_client_options.hpp"
#include "tests/faults/fault_front.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/teams/fake_connector.hpp"
#include "tests/faults/probe.hpp"
#include "tests/teams_support/fake_identity.hpp"

namespace advocacy::faults_test {

namespace json = boost::json;

inline constexpr const char* kTeamsTenant = "tenant-1111";
inline constexpr const char* kTeamsAdmin = "29:admin";

struct TeamsFaults {
    TeamsFaults()
        : front("http://127.0.0.1:" + std::to_string(connector.port())),
          clock(sys_days{year{2026} / 11 / 23} + hours(8)),  // Monday 09:00 in Paris
          random(11) {
        using testing::FakeIdentity;
        config.program.time_zone = "Europe/Paris";
        auto& t = config.teams;
        t.enabled = true;
        t.app_id = FakeIdentity::default_app_id;
        t.tenant_id = kTeamsTenant;
        t.app_password = config::Secret("test", FakeIdentity::default_app_password);
        t.openid_metadata_url = idp.metadata_url();
        t.openid_issuer = idp.issuer();
        t.token_url = idp.token_url(kTeamsTenant);
        config.admins.teams = {kTeamsAdmin};
        db = storage::Database::open(dir.file("teams.db"));
        server::ServerOptions server_options;
        server_options.port = 0;
        http = std::make_unique<server::HttpServer>(server_options);
        port = http->bind();
        config.server.public_base_url = "http://127.0.0.1:" + std::to_string(port);
        engine = std::make_unique<Engine>(config, *db, clock, random);
        client = std::make_unique<net::HttpClient>(bot_client_options());
        stack = std::make_unique<teams::TeamsStack>(config, *engine, *db, clock, *client);
        outbox = stack->outbox.get();
        adapter = stack->adapter;
        add_core_routes(http->routes(), *engine, {database_writable(*db)});
        teams::add_teams_routes(http->routes(), adapter);
        http->start();
    }
    ~TeamsFaults() {
        front.heal();
        http->stop();
        http->wait();
        adapter->drain(seconds(15));
        http.reset();
        adapter.reset();
        stack.reset();
    }

    std::string service_url() const { return front.url("/amer/"); }
    std::string bot_id() const { return "28:" + config.teams.app_id; }

    // POST /api/messages, authenticated like the Bot Framework does; the HTTP status.
    int post(const json::object& activity) {
        const std::string body = json::serialize(activity);
        std::string req = "POST /api/messages HTTP/1.1\r\nHost: bot.example\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\nAuthorization: " +
                          idp.authorization(config.teams.app_id, service_url(), clock.now()) + "\r\n\r\n" + body;
        testing::RawClient c(port, seconds(10));
        if (!c.send(req)) return 0;
        const auto response = c.read_response();
        return response ? testing::status_of(*response) : 0;
    }

    json::object activity(const std::string& type, const std::string& user) {
        return json::object{
            {"type", type},
            {"id", "act-" + std::to_string(++activity_count)},
            {"timestamp", "2026-11-23T08:00:00.000Z"},
            {"serviceUrl", service_url()},
            {"channelId", "msteams"},
            {"from", {{"id", user}, {"name", "Name " + user}, {"aadObjectId", "aad-" + user}}},
            {"conversation", {{"id", "a:chat-" + user}, {"conversationType", "personal"}, {"tenantId", kTeamsTenant}}},
            {"recipient", {{"id", bot_id()}, {"name", "Advocacy"}}},
            {"locale", "en-US"},
            {"entities", json::array{json::object{
                             {"type", "clientInfo"}, {"locale", "en-US"}, {"timezone", "Europe/Paris"}}}},
            {"channelData", {{"tenant", {{"id", kTeamsTenant}}}}}};
    }
    json::object install(const std::string& user) {
        auto a = activity("installationUpdate", user);
        a["action"] = "add";
        return a;
    }
    json::object text(const std::string& user, const std::string& words) {
        auto a = activity("message", user);
        a["text"] = words;
        return a;
    }

    static std::string user(int i) { return "29:emp-" + std::to_string(1000 + i); }

    // `n` employees who installed the app, the admin's campaign with content, the clock at the end of the stagger
    // window: the next tick pushes to everyone.
    void program_for(int n) {
        REQUIRE(post(install(kTeamsAdmin)) == 200);
        for (int i = 0; i < n; ++i) REQUIRE(post(install(user(i))) == 200);
        REQUIRE(post(text(kTeamsAdmin, "campaign create \"Faults\" why=\"Because\"")) == 200);
        for (int i = 1; i <= 3; ++i)
            REQUIRE(post(text(kTeamsAdmin, "content add 1 https://example.com/post/" + std::to_string(i) +
                                               " title=\"Post\" why=\"w\" text=\"t\"")) == 200);
        REQUIRE(adapter->drain(seconds(10)));
        REQUIRE(scalar("SELECT count(*) FROM contents") == 3);
        clock.advance(minutes(31));  // Monday 09:31 in Paris
    }

    // Content pushes the fake connector accepted after the first `from` sends, per conversation.
    std::map<std::string, int> pushes_since(std::size_t from) const {
        std::map<std::string, int> n;
        const auto all = connector.calls("send");
        for (std::size_t i = from; i < all.size(); ++i) {
            if (all[i].status < 200 || all[i].status > 299) continue;
            if (json::serialize(all[i].body).find("example.com/post/") == std::string::npos) continue;
            ++n[all[i].conversation_id];
        }
        return n;
    }

    std::int64_t scalar(const std::string& sql) {
        std::int64_t value = 0;
        db->read([&](storage::Connection& c) {
            auto& st = c.prepare(sql);
            st.executeStep();
            value = st.getColumn(0).getInt64();
        });
        return value;
    }

    testing::FakeIdentity idp;
    testing::FakeConnector connector;
    testing::FaultFront front;
    testing::TempDir dir;
    config::Config config;
    ManualClock clock;
    SeededRandom random;
    int activity_count = 0;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<net::HttpClient> client;
    std::unique_ptr<teams::TeamsStack> stack;
    teams::TeamsOutbox* outbox = nullptr;
    std::shared_ptr<teams::TeamsAdapter> adapter;
};

}  // namespace advocacy::faults_test
