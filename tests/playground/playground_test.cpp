// The playground end to end at the protocol level: a real server, engine and SQLite file, a WebSocket client
// speaking the page's JSON frames. (The browser test in tests/e2e drives the page itself.)
#include <catch2/catch.hpp>

#include <algorithm>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include "adapters/playground/demo_seed.hpp"
#include "adapters/playground/playground.hpp"
#include "adapters/playground/routes.hpp"
#include "bot/app/core_routes.hpp"
#include "bot/clock.hpp"
#include "bot/engine.hpp"
#include "bot/server/server.hpp"
#include "storage/campaigns.hpp"
#include "storage/database.hpp"
#include "storage/deliveries.hpp"
#include "storage/users.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/support/temp_dir.hpp"

namespace json = boost::json;
namespace websocket = boost::beast::websocket;
using tcp = boost::asio::ip::tcp;
using namespace advocacy;

namespace {

struct Fixture {
    Fixture() : clock(std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours(8)), random(7) {
        config.program.time_zone = "Europe/Paris";
        config.admins.playground = {"claire"};
        db = storage::Database::open(dir.file("playground.db"));
        server::ServerOptions options;
        options.port = 0;
        http = std::make_unique<server::HttpServer>(options);
        port = http->bind();
        config.server.public_base_url = "http://127.0.0.1:" + std::to_string(port);
        engine = std::make_unique<Engine>(config, *db, clock, random);
        playground = std::make_shared<playground::Playground>(*engine);
        add_core_routes(http->routes(), *engine, {database_writable(*db)});
        playground::add_playground_routes(http->routes(), playground);
        playground::seed_demo(*engine, *playground, *db, config, clock);
        http->start();
    }
    ~Fixture() {
        http->stop();
        http->wait();
    }
    testing::TempDir dir;
    config::Config config;
    ManualClock clock;
    SeededRandom random;
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<server::HttpServer> http;
    std::uint16_t port = 0;
    std::unique_ptr<Engine> engine;
    std::shared_ptr<playground::Playground> playground;
};

struct Browser {
    explicit Browser(std::uint16_t port) : ws(ioc) {
        tcp::resolver resolver(ioc);
        boost::asio::connect(ws.next_layer(), resolver.resolve("127.0.0.1", std::to_string(port)));
        ws.next_layer().set_option(boost::asio::socket_base::receive_buffer_size(1 << 20));
        ws.handshake("127.0.0.1", "/playground/ws");
    }
    json::object read() {
        boost::beast::flat_buffer b;
        ws.read(b);
        return json::parse(boost::beast::buffers_to_string(b.data())).as_object();
    }
    // Reads frames until one of `type` arrives (frames of other types are skipped).
    json::object read_until(std::string_view type) {
        for (int i = 0; i < 50; ++i) {
            auto f = read();
            if (f.at("type").as_string() == type) return f;
        }
        FAIL("no frame of type " << type);
        return {};
    }
    void send(const json::object& frame) { ws.write(boost::asio::buffer(json::serialize(frame))); }
    boost::asio::io_context ioc;
    websocket::stream<tcp::socket> ws;
};

std::string all_text(const json::value& v) { return json::serialize(v); }

}  // namespace

TEST_CASE("the page, its assets and health endpoints are served") {
    Fixture f;
    testing::RawClient c(f.port);
    for (const char* path : {"/", "/playground/app.js", "/playground/app.css"}) {
        REQUIRE(c.send(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        const auto r = c.read_response();
        REQUIRE(r);
        CHECK(testing::status_of(*r) == 200);
        CHECK(testing::body_of(*r).size() > 500);
        CHECK(testing::header_of(*r, "Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    }
    REQUIRE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(testing::body_of(*r) == R"({"status":"ok"})");
    REQUIRE(c.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n"));
    r = c.read_response();
    REQUIRE(r);
    CHECK(testing::status_of(*r) == 200);
    CHECK(testing::body_of(*r).find(R"("database":"ok")") != std::string::npos);
}

TEST_CASE("an unknown tracked-link token is a 404 page and writes nothing") {
    Fixture f;
    testing::RawClient c(f.port);
    for (const char* path : {"/r/AAAAAAAAAAAAAAAAAAAAAA", "/s/AAAAAAAAAAAAAAAAAAAAAA", "/r/not-a-token!"}) {
        REQUIRE(c.send(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        const auto r = c.read_response();
        REQUIRE(r);
        CHECK(testing::status_of(*r) == 404);
        CHECK(testing::body_of(*r).find("not valid") != std::string::npos);
    }
}

TEST_CASE("identities, hello with history, a command and its answer") {
    Fixture f;
    Browser b(f.port);
    const auto ids = b.read_until("identities");
    CHECK(ids.at("users").as_array().size() >= 4);
    b.send({{"type", "hello"}, {"user", "jordan"}});
    const auto history = b.read_until("history");
    // Seeding sent Jordan the onboarding message in his DM.
    REQUIRE(!history.at("dm").as_array().empty());
    b.send({{"type", "text"}, {"conversation", "dm"}, {"text", "/advocacy help"}});
    const auto echo = b.read_until("message");  // the user's own line first
    CHECK(echo.at("message").at("from").as_string() == "jordan");
    const auto answer = b.read_until("message");
    CHECK(answer.at("message").at("from").as_string() == "bot");
    CHECK(all_text(answer).find("why") != std::string::npos);
}

TEST_CASE("bad frames get an error frame and the connection stays usable") {
    Fixture f;
    Browser b(f.port);
    b.read_until("identities");
    b.send({{"type", "text"}, {"text", "hi"}});  // before hello
    CHECK(b.read_until("error").at("error").as_string().find("hello") != std::string::npos);
    b.ws.write(boost::asio::buffer(std::string("{not json")));
    CHECK(b.read_until("error").at("error").as_string().find("JSON") != std::string::npos);
    b.send({{"type", "hello"}, {"user", "mallory"}});
    CHECK(b.read_until("error").at("error").as_string() == "unknown user");
    b.send({{"type", "hello"}, {"user", "priya"}});
    CHECK(b.read_until("history").at("user").as_string() == "priya");
}

TEST_CASE("an admin push reaches an employee's DM as a content message with working buttons") {
    Fixture f;
    Browser admin(f.port);
    admin.read_until("identities");
    admin.send({{"type", "hello"}, {"user", "claire"}});
    admin.read_until("history");
    Browser employee(f.port);
    employee.read_until("identities");
    employee.send({{"type", "hello"}, {"user", "lukas"}});
    employee.read_until("history");

    admin.send({{"type", "text"}, {"conversation", "dm"}, {"text", "/advocacy push"}});
    admin.read_until("message");  // her own line
    admin.read_until("message");  // the engine's answer
    f.engine->tick(*f.playground);

    json::object content;
    for (int i = 0; i < 10 && content.empty(); ++i) {
        auto m = employee.read_until("message");
        const auto& body = m.at("message").as_object();
        if (body.contains("body") && body.at("body").at("kind").as_string() == "content") content = body;
    }
    REQUIRE(!content.empty());
    const std::string message_id(content.at("id").as_string());
    const auto text = all_text(content);
    CHECK(text.find("advocacy_shared") != std::string::npos);
    CHECK(text.find("/s/") != std::string::npos);

    // "I shared it": the same message comes back, replaced in place.
    std::string content_id;
    for (const auto& block : content.at("body").at("blocks").as_array()) {
        if (block.at("type").as_string() == "content_card") content_id = std::to_string(block.at("content_id").as_int64());
    }
    REQUIRE(!content_id.empty());
    employee.send({{"type", "action"}, {"message_id", message_id}, {"action_id", "advocacy_shared"}, {"value", content_id}});
    const auto updated = employee.read_until("message");
    CHECK(updated.at("message").at("id").as_string() == message_id);
    CHECK(updated.at("message").as_object().contains("replaces"));
}

TEST_CASE("the demo's items carry their language: Amélie (fr) gets a French item first, Lukas (en) an English one") {
    Fixture f;
    const Conversation dm{Platform::playground, "playground", "dm:claire", true};
    f.engine->handle(Event{UserIdentity{Platform::playground, "playground", "claire", "Claire Dubois (admin)", "en",
                                        "Europe/Paris"},
                           dm, CommandInvoked{"push"}});
    storage::Users users(*f.db);
    storage::Campaigns campaigns(*f.db);
    storage::Contents contents(*f.db);
    storage::Deliveries deliveries(*f.db);
    const auto workspace = users.ensure_workspace("playground", "playground");
    std::optional<storage::Campaign> kickoff;
    for (auto& c : campaigns.in_workspace(workspace))
        if (c.status == storage::CampaignStatus::active) kickoff = c;
    REQUIRE(kickoff);
    const auto items = contents.in_campaign(kickoff->id);
    REQUIRE(items.size() == 5);
    CHECK(std::count_if(items.begin(), items.end(), [](const auto& c) { return c.lang == "fr"; }) == 2);
    CHECK(std::count_if(items.begin(), items.end(), [](const auto& c) { return c.lang == "en"; }) == 3);

    const auto pushed_to = [&](const std::string& id) {
        const auto user = users.find_by_platform_id(workspace, id);
        REQUIRE(user);
        const auto day = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(f.clock.now())};
        const auto got = deliveries.for_user_between(user->id, kickoff->id, std::chrono::sys_days{day} - std::chrono::days{1},
                                                     std::chrono::sys_days{day} + std::chrono::days{1});
        REQUIRE(got.size() == 1);
        return *contents.find(got.front().content_id);
    };
    const auto amelie = pushed_to("amelie");
    CHECK(amelie.lang == "fr");
    CHECK(amelie.title.starts_with("Pourquoi nos équipes partagent"));
    const auto lukas = pushed_to("lukas");
    CHECK(lukas.lang == "en");
    CHECK(lukas.title == "Employee advocacy: what the research says");
}
