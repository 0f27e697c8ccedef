// ReplyDelivery's follow-up lanes on their own, against the fake Slack; and the packing of a waiting follow-up.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>

#include "adapters/slack/block_kit.hpp"
#include "adapters/slack/packed_message.hpp"
#include "adapters/slack/reply_delivery.hpp"
#include "tests/slack/fake_slack.hpp"

using namespace advocacy;
using namespace std::chrono;

namespace {

struct Lanes {
    testing::FakeSlack fake;
    net::HttpClient client;
    slack::WebApi api{client, fake.api_base(), "xoxb-test-token"};
    slack::SlackOutbox outbox{api};
    slack::ReplyDelivery delivery;
    explicit Lanes(std::size_t max_in_flight) : delivery(api, outbox, slack::ReplyDeliveryOptions{max_in_flight}) {}

    // The card of (channel, ts) replaced by a message whose text is `text`.
    void update(const std::string& channel, const std::string& ts, const std::string& text) {
        Message m;
        m.fallback_text = text;
        m.blocks.push_back(HeaderBlock{text});
        m.replace_original = true;
        Reply reply;
        reply.messages.push_back(std::move(m));
        delivery.deliver(std::move(reply), slack::ReplyOrigin{channel, "U1", true, slack::MessageRef{channel, ts},
                                                              false, {}});
    }
    std::vector<std::string> updates() const {
        std::vector<std::string> out;
        for (const auto& c : fake.calls("chat.update")) {
            out.push_back(std::string(c.args.at("channel").as_string()) + " " +
                          std::string(c.args.at("text").as_string()));
        }
        return out;
    }
};

testing::Scripted slow_ok() {
    testing::Scripted s;
    s.delay = milliseconds(400);  // the fake's slowness: the next updates arrive while this call is in flight
    return s;
}

}  // namespace

TEST_CASE("a newer update of a message that waits for a slot replaces it, and one message's updates never overlap") {
    Lanes f(1);
    f.fake.script("chat.update", {slow_ok()});
    f.update("D1", "1.1", "v1");  // sent at once, answered 400 ms later
    f.update("D1", "1.1", "v2");  // waits...
    f.update("D2", "2.2", "other");
    f.update("D1", "1.1", "v3");  // ...and is replaced by this one
    CHECK(f.delivery.waiting() == 2);
    REQUIRE(f.delivery.drain(seconds(10)));  // every reply's chain has finished, the replaced one included
    CHECK(f.delivery.coalesced() == 1);
    CHECK(f.updates() == std::vector<std::string>{"D1 v1", "D1 v3", "D2 other"});
    CHECK(f.fake.calls("chat.update").back().args.at("ts").as_string() == "2.2");
}

TEST_CASE("follow-ups beyond the lane's slots wait, and every one of them is sent") {
    Lanes f(2);
    f.fake.script("chat.update", {slow_ok(), slow_ok()});
    for (int i = 0; i < 5; ++i) f.update("D" + std::to_string(i), "1.1", "card " + std::to_string(i));
    CHECK(f.delivery.waiting() == 3);  // two in flight, held by the fake
    REQUIRE(f.delivery.drain(seconds(10)));
    CHECK(f.delivery.waiting() == 0);
    CHECK(f.delivery.coalesced() == 0);
    auto sent = f.updates();
    std::sort(sent.begin(), sent.end());
    CHECK(sent == std::vector<std::string>{"D0 card 0", "D1 card 1", "D2 card 2", "D3 card 3", "D4 card 4"});
}

TEST_CASE("a packed message unpacks to the same message, every block kind included") {
    Message m;
    m.kind = MessageKind::content;
    m.fallback_text = "Bench item 7 — à partager";
    m.replace_original = true;
    m.blocks.push_back(HeaderBlock{"Spring launch"});
    m.blocks.push_back(RichTextBlock{{TextSpan{"Read ", false, false, std::nullopt},
                                      TextSpan{"this", true, true, std::string("https://example.com/a?b=c")}}});
    m.blocks.push_back(ContentCardBlock{-42, "Title", "https://example.com/item/7", std::string(2000, 's'), "Post it"});
    m.blocks.push_back(FieldsBlock{{Field{"Points", "10"}, Field{"", ""}}});
    m.blocks.push_back(ButtonsBlock{{Button{"I shared it", "advocacy_shared", "7", std::nullopt, ButtonStyle::primary},
                                     Button{"LinkedIn", "advocacy_share_linkedin", "", std::string("https://x/s/1"),
                                            ButtonStyle::danger}}});
    m.blocks.push_back(ContextBlock{"Campaign: Spring"});
    m.blocks.push_back(DividerBlock{});

    const std::string packed = slack::pack_message(m);
    CHECK(packed.size() < 2400);  // its text (2,208 bytes) and ~4 bytes per field, one allocation
    const Message back = slack::unpack_message(packed);
    CHECK(back.kind == m.kind);
    CHECK(back.fallback_text == m.fallback_text);
    CHECK(back.replace_original);
    CHECK_FALSE(back.ephemeral);
    REQUIRE(back.blocks.size() == m.blocks.size());
    for (std::size_t i = 0; i < m.blocks.size(); ++i) CHECK(back.blocks[i].index() == m.blocks[i].index());
    CHECK(std::get<ContentCardBlock>(back.blocks[2]).content_id == -42);
    CHECK(std::get<RichTextBlock>(back.blocks[1]).spans[1].link ==
          std::optional<std::string>("https://example.com/a?b=c"));
    CHECK(std::get<ButtonsBlock>(back.blocks[4]).buttons[1].style == ButtonStyle::danger);
    CHECK(slack::render_message(back) == slack::render_message(m));

    CHECK_THROWS(slack::unpack_message(std::string_view(packed).substr(0, packed.size() - 1)));
    CHECK_THROWS(slack::unpack_message(packed + "x"));
}
