// Reading activities tolerantly: every field the adapter uses, old payloads, unknown fields and entities, mentions.
#include <catch2/catch.hpp>

#include "adapters/teams/activity.hpp"

using namespace advocacy::teams;

TEST_CASE("a message activity with its identity, locale, time zone and mention", "[teams][activity]") {
    const auto parsed = parse_activity(R"({
        "type": "message", "id": "1712", "timestamp": "2026-11-23T08:00:00Z", "serviceUrl": "https://smba.example/emea/",
        "channelId": "msteams", "from": {"id": "29:u1", "name": "Ann", "aadObjectId": "aad-1"},
        "conversation": {"id": "19:gen@thread.tacv2;messageid=99", "conversationType": "channel", "tenantId": "t1",
                         "isGroup": true},
        "recipient": {"id": "28:app", "name": "Advocacy"}, "text": "<at>Advocacy</at> admins add <at>Bob</at>",
        "locale": "fr-FR", "replyToId": "1:5", "brandNewField": {"x": [1, 2]},
        "entities": [{"type": "clientInfo", "locale": "fr-FR", "timezone": "Europe/Paris", "country": "FR"},
                     {"type": "mention", "text": "<at>Advocacy</at>", "mentioned": {"id": "28:app", "name": "Advocacy"}},
                     {"type": "mention", "text": "<at>Bob</at>", "mentioned": {"id": "29:bob", "name": "Bob"}},
                     {"type": "futureEntity", "data": 1}, 42],
        "channelData": {"tenant": {"id": "t1"}, "team": {"id": "19:team@thread.tacv2"}, "channel": {"id": "19:gen"}}
    })");
    REQUIRE(parsed.activity);
    const Activity& a = *parsed.activity;
    CHECK(a.type == "message");
    CHECK(a.service_url == "https://smba.example/emea/");
    CHECK(a.channel_id == "msteams");
    CHECK(a.from.id == "29:u1");
    CHECK(a.from.name == "Ann");
    CHECK(a.from.aad_object_id == "aad-1");
    CHECK(a.recipient.id == "28:app");
    CHECK(a.conversation_id == "19:gen@thread.tacv2;messageid=99");
    CHECK_FALSE(a.personal());
    CHECK(a.kind() == "channel");
    CHECK(a.tenant_id == "t1");
    CHECK(a.team_id == "19:team@thread.tacv2");
    CHECK(a.locale == "fr-FR");
    CHECK(a.time_zone == "Europe/Paris");
    CHECK(a.reply_to_id == "1:5");
    CHECK(strip_bot_mention(a) == "admins add <@29:bob>");
}

TEST_CASE("old payloads carry the tenant only in channelData; conversations without a type", "[teams][activity]") {
    const auto parsed = parse_activity(
        R"({"type":"message","from":{"id":"29:u1"},"conversation":{"id":"a:1"},"channelData":{"tenant":{"id":"t9"}},
            "recipient":{"id":"28:app"},"text":"  <at>Bot</at>&nbsp;why  "})");
    REQUIRE(parsed.activity);
    CHECK(parsed.activity->tenant_id == "t9");
    CHECK(parsed.activity->personal());
    CHECK(parsed.activity->kind() == "personal");
    CHECK(strip_bot_mention(*parsed.activity) == "Bot why");  // no entity: the tag goes, its text stays
}

TEST_CASE("the text is trimmed by whole code points, never by bytes", "[teams][activity]") {
    // "¡" is C2 A1: trimming the bytes of a no-break space (C2 A0) one by one left a lone A1 (invalid UTF-8).
    const auto parsed = parse_activity(
        "{\"type\":\"message\",\"recipient\":{\"id\":\"28:app\"},\"text\":\"\u00a0\u00a1Hola! why\u00a0 \"}");
    REQUIRE(parsed.activity);
    CHECK(strip_bot_mention(*parsed.activity) == "\u00a1Hola! why");
}

TEST_CASE("installs, removals, reactions and card values", "[teams][activity]") {
    auto a = parse_activity(R"({"type":"conversationUpdate","membersAdded":[{"id":"28:app"},{"id":"29:u2"},{"x":1}],
                               "membersRemoved":[{"id":"29:u3"}],"conversation":{"id":"a:1","isGroup":true}})");
    REQUIRE(a.activity);
    CHECK(a.activity->members_added == std::vector<std::string>{"28:app", "29:u2"});
    CHECK(a.activity->members_removed == std::vector<std::string>{"29:u3"});
    CHECK(a.activity->kind() == "groupChat");

    a = parse_activity(R"({"type":"installationUpdate","action":"remove-upgrade"})");
    REQUIRE(a.activity);
    CHECK(a.activity->action == "remove-upgrade");

    a = parse_activity(R"({"type":"messageReaction","reactionsAdded":[{"type":"like"},{"type":"heart"}],"replyToId":"1:2"})");
    REQUIRE(a.activity);
    CHECK(a.activity->reactions_added == std::vector<std::string>{"like", "heart"});

    a = parse_activity(R"({"type":"invoke","name":"adaptiveCard/action",
                           "value":{"action":{"type":"Action.Execute","verb":"advocacy_shared","data":{"advocacy_value":"7"}}}})");
    REQUIRE(a.activity);
    CHECK(a.activity->name == "adaptiveCard/action");
    REQUIRE(a.activity->value);
    CHECK(a.activity->value->at("action").at("verb") == "advocacy_shared");
}

TEST_CASE("what is not an activity", "[teams][activity]") {
    CHECK(parse_activity("").error == "body is not a JSON object");
    CHECK(parse_activity("[1,2]").error == "body is not a JSON object");
    CHECK(parse_activity("{\"type\":").error == "body is not a JSON object");
    CHECK(parse_activity("{\"id\":\"1\"}").error == "activity without \"type\"");
    CHECK(parse_activity("{\"type\":7}").error == "activity without \"type\"");
    // Wrong types inside are tolerated, not fatal.
    const auto odd = parse_activity(R"({"type":"message","from":"x","conversation":[1],"entities":{},"value":"v"})");
    REQUIRE(odd.activity);
    CHECK(odd.activity->from.id.empty());
    CHECK_FALSE(odd.activity->value);
}
