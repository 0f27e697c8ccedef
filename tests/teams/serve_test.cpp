// The real binary with Teams enabled: `advocacy-bot serve FILE` against the fake identity provider and the fake
// Bot Connector, ready once its token is obtained, answering a signed install with the onboarding card, refusing an
// unsigned request, stopped with SIGTERM; and refusing to start with credentials the token endpoint rejects.
#include <catch2/catch.hpp>

#include <signal.h>

#include <boost/json.hpp>

#include "tests/server/raw_client.hpp"
#include "tests/slack/process_harness.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/teams/fake_connector.hpp"
#include "tests/teams_support/fake_identity.hpp"

using namespace advocacy;
using advocacy::slack_test::free_port;
using advocacy::slack_test::Process;
using advocacy::slack_test::read_file;
using testing::FakeIdentity;
namespace json = boost::json;

namespace {

constexpr const char* kTenant = "tenant-serve";

std::string teams_config(std::uint16_t port, const FakeIdentity& idp, const std::filesystem::path& db) {
    return "[server]\nlisten_address = \"127.0.0.1\"\nport = " + std::to_string(port) +
           "\npublic_base_url = \"http://127.0.0.1:" + std::to_string(port) + "\"\n[storage]\ndatabase = \"" +
           db.string() + "\"\n[teams]\nenabled = true\napp_id = \"" + FakeIdentity::default_app_id +
           "\"\ntenant_id = \"" + kTenant + "\"\napp_password_env = \"TEST_TEAMS_PASSWORD\"\nopenid_metadata_url = \"" +
           idp.metadata_url() + "\"\ntoken_url = \"" + idp.token_url(kTenant) + "\"\n";
}

int request(std::uint16_t port, const std::string& raw, std::string* body = nullptr) {
    return testing::request_status(port, raw, body);
}

std::string post_activity(const json::object& activity, const std::string& authorization) {
    const std::string body = json::serialize(activity);
    std::string req = "POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n";
    if (!authorization.empty()) req += "Authorization: " + authorization + "\r\n";
    return req + "\r\n" + body;
}

}  // namespace

TEST_CASE("serve answers Teams, reports ready, and stops cleanly on SIGTERM", "[teams][serve]") {
    FakeIdentity idp;
    testing::FakeConnector connector;
    testing::TempDir dir;
    const auto port = free_port();
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << teams_config(port, idp, dir.file("serve.db"));
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()},
              {std::string("TEST_TEAMS_PASSWORD=") + FakeIdentity::default_app_password}, dir.file("out"),
              dir.file("err"));

    std::string ready;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (request(port, "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n", &ready) != 200) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        REQUIRE(p.exit_code.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout);
    }
    CHECK(ready.find(R"("teams":"ok")") != std::string::npos);

    const json::object install{
        {"type", "installationUpdate"}, {"action", "add"}, {"id", "1"}, {"serviceUrl", connector.service_url()},
        {"channelId", "msteams"}, {"from", {{"id", "29:u1"}, {"name", "Ann"}}},
        {"conversation", {{"id", "a:chat-29:u1"}, {"conversationType", "personal"}, {"tenantId", kTenant}}},
        {"recipient", {{"id", std::string("28:") + FakeIdentity::default_app_id}}}, {"locale", "fr-FR"}};
    CHECK(request(port, post_activity(install, "")) == 401);
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(request(port, post_activity(install, idp.authorization(FakeIdentity::default_app_id,
                                                                 connector.service_url(), now))) == 200);
    REQUIRE(connector.wait_for_count("send", 1));
    const auto onboarding = connector.calls("send").at(0);
    CHECK(onboarding.conversation_id == "a:chat-29:u1");
    CHECK(onboarding.authorization == "Bearer " + idp.last_access_token());
    CHECK(json::serialize(onboarding.body).find("bienvenue dans le programme") != std::string::npos);  // fr-FR

    ::kill(p.pid, SIGTERM);
    CHECK(p.wait(std::chrono::seconds(30)) == 0);
    CHECK(read_file(dir.file("out")).find("/api/messages") != std::string::npos);
    CHECK(read_file(dir.file("err")).find(FakeIdentity::default_app_password) == std::string::npos);
}

TEST_CASE("serve refuses credentials the token endpoint rejects", "[teams][serve]") {
    FakeIdentity idp;
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << teams_config(free_port(), idp, dir.file("serve.db"));
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()}, {"TEST_TEAMS_PASSWORD=not-the-secret"}, dir.file("out"),
              dir.file("err"));
    CHECK(p.wait(std::chrono::seconds(30)) == 1);
    const std::string err = read_file(dir.file("err"));
    CHECK(err.find("rejected the Teams app credentials") != std::string::npos);
    CHECK(err.find("not-the-secret") == std::string::npos);
}
