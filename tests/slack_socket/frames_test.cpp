// Socket Mode's wire format and the envelope ledger, without a network.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "adapters/slack/socket_mode/envelope_ledger.hpp"
#include "adapters/slack/socket_mode/frames.hpp"
#include "tests/slack_socket/fake_socket_server.hpp"

using namespace advocacy;
using namespace advocacy::slack::socket_mode;
namespace json = boost::json;

TEST_CASE("frames: hello, disconnect, envelopes, and what is not a frame", "[socket][frames]") {
    auto parsed = parse_frame(testing::hello_frame(3));
    REQUIRE(parsed.frame);
    REQUIRE(std::holds_alternative<Hello>(*parsed.frame));
    CHECK(std::get<Hello>(*parsed.frame).num_connections == 3);

    parsed = parse_frame(testing::disconnect_frame("refresh_requested"));
    REQUIRE(parsed.frame);
    CHECK(std::get<Disconnect>(*parsed.frame).reason == "refresh_requested");

    parsed = parse_frame(testing::envelope_frame("e1", "slash_commands", R"({"command":"/advocacy"})", true, 2));
    REQUIRE(parsed.frame);
    const auto& e = std::get<Envelope>(*parsed.frame);
    CHECK(e.envelope_id == "e1");
    CHECK(e.type == "slash_commands");
    CHECK(e.accepts_response_payload);
    CHECK(e.retry_attempt == 2);
    CHECK(e.retry_reason == "timeout");
    CHECK(e.payload.at("command").as_string() == "/advocacy");

    CHECK(std::holds_alternative<OtherFrame>(*parse_frame(R"({"type":"something_new"})").frame));
    CHECK(parse_frame("not json").error == "not a JSON object");
    CHECK(parse_frame("[1,2]").error == "not a JSON object");
    CHECK(parse_frame(R"({"envelope_id":"","type":"events_api","payload":{}})").error == "envelope without an envelope_id");
    CHECK(parse_frame(R"({"envelope_id":"e","type":"events_api"})").error == "envelope without a payload object");
}

TEST_CASE("acks: the envelope id, and the handler's JSON body as payload only where Slack accepts one",
          "[socket][frames]") {
    CHECK(json::parse(ack_text("e1")) == json::parse(R"({"envelope_id":"e1"})"));
    const json::object payload{{"text", "hi"}};
    CHECK(json::parse(ack_text("e2", &payload)) == json::parse(R"({"envelope_id":"e2","payload":{"text":"hi"}})"));

    Envelope accepts;
    accepts.accepts_response_payload = true;
    Envelope refuses;
    const auto body = server::HttpResponse::json(200, R"({"response_action":"errors","errors":{"b":"x"}})");
    REQUIRE(response_payload(accepts, body));
    CHECK(response_payload(accepts, body)->at("response_action").as_string() == "errors");
    CHECK_FALSE(response_payload(refuses, body));
    CHECK_FALSE(response_payload(accepts, server::HttpResponse::text(200, "")));            // plain ack
    CHECK_FALSE(response_payload(accepts, server::HttpResponse::text(400, "bad request")));  // malformed
}

TEST_CASE("ledger: first, in progress, done with the same ack, abandoned, bounded", "[socket][frames]") {
    EnvelopeLedger ledger(2);
    CHECK(ledger.begin("a").seen == EnvelopeLedger::Seen::first);
    CHECK(ledger.begin("a").seen == EnvelopeLedger::Seen::in_progress);
    ledger.finish("a", "ack-a");
    const auto again = ledger.begin("a");
    CHECK(again.seen == EnvelopeLedger::Seen::done);
    CHECK(again.ack == "ack-a");

    CHECK(ledger.begin("b").seen == EnvelopeLedger::Seen::first);
    ledger.abandon("b");
    CHECK(ledger.begin("b").seen == EnvelopeLedger::Seen::first);  // a failed one is handled again

    CHECK(ledger.begin("c").seen == EnvelopeLedger::Seen::first);
    CHECK(ledger.begin("d").seen == EnvelopeLedger::Seen::first);
    CHECK(ledger.begin("a").seen == EnvelopeLedger::Seen::first);  // forgotten: capacity 2
}
