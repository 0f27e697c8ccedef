// `/advocacy content add` with no arguments: the modal, inline field errors, and the command it becomes.
#include <catch2/catch.hpp>

#include "adapters/slack/content_modal.hpp"
#include "tests/slack/slack_fixture.hpp"

using namespace advocacy;
using namespace advocacy::slack_test;

namespace {

json::object field_value(const std::string& v) { return {{"value", json::object{{"type", "plain_text_input"}, {"value", v}}}}; }

json::object view_with(const std::map<std::string, std::string>& fields, const std::string& on = {}) {
    json::object values;
    for (const auto& [k, v] : fields) values[k] = field_value(v);
    if (!on.empty()) values["on"] = json::object{{"value", json::object{{"type", "datepicker"}, {"selected_date", on}}}};
    return {{"id", "V1"},
            {"type", "modal"},
            {"callback_id", slack::kContentAddCallback},
            {"private_metadata", "C0GENERAL"},
            {"state", json::object{{"values", values}}}};
}

json::object submission(const std::string& user, const json::object& view) {
    return {{"type", "view_submission"},
            {"team", {{"id", kTeam}, {"domain", "acme"}}},
            {"user", {{"id", user}, {"name", "name-" + user}, {"team_id", kTeam}}},
            {"api_app_id", "A1"},
            {"view", view}};
}

}  // namespace

TEST_CASE("only a bare `content add` opens the modal") {
    CHECK(slack::wants_content_modal("content add"));
    CHECK(slack::wants_content_modal("  Content \t ADD "));
    CHECK(!slack::wants_content_modal("content add 1 https://e.com title=\"x\""));
    CHECK(!slack::wants_content_modal("content list"));
    CHECK(slack::quoted_value(R"(say "hi" \o/)") == R"("say \"hi\" \\o/")");
}

TEST_CASE("the submission is checked field by field") {
    auto s = slack::read_content_add(view_with({{"campaign", "abc"}, {"url", "ftp://e.com/x"}, {"title", " "},
                                                {"why", "w"}, {"text", "t"}}, "2026-02-30"), "en");
    CHECK(s.errors.size() == 4);
    CHECK(s.errors.count("campaign"));
    CHECK(s.errors.count("url"));
    CHECK(s.errors.at("title") == "This field is required.");
    CHECK(s.errors.count("on"));
    CHECK(s.command_text.empty());
    s = slack::read_content_add(view_with({}), "fr");
    CHECK(s.errors.at("why") == "Ce champ est obligatoire.");
    CHECK(!s.errors.count("summary"));  // optional

    s = slack::read_content_add(view_with({{"campaign", "3"}, {"url", "https://e.com/a?b=1"}, {"title", "T"},
                                           {"why", "W"}, {"text", "Post \"it\""}, {"summary", "S"}}, "2026-12-01"), "en");
    CHECK(s.errors.empty());
    CHECK(s.command_text == R"(content add 3 "https://e.com/a?b=1" title="T" why="W" text="Post \"it\"" summary="S" on=2026-12-01)");
}

TEST_CASE("content add opens the modal, field errors come back inline, a valid form adds the content") {
    SlackFixture f;
    REQUIRE(f.command(kAdmin, "campaign create \"Spring\" why=\"Launch\"").status == 200);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));

    auto r = f.command(kAdmin, "content add");
    CHECK(r.status == 200);
    CHECK(r.body.empty());
    REQUIRE(f.fake.wait_for_count("views.open", 1));
    const auto open = f.fake.calls("views.open").at(0);
    CHECK(open.args.at("trigger_id").as_string() == "1.2.3");
    CHECK(open.args.at("view").at("callback_id").as_string() == slack::kContentAddCallback);
    CHECK(open.args.at("view").at("blocks").as_array().size() == 7);

    const auto rows = f.total_rows();
    r = f.interaction(submission(kAdmin, view_with({{"campaign", campaign}, {"url", "not a url"}, {"title", "T"},
                                                    {"why", "W"}, {"text", "P"}})));
    CHECK(r.status == 200);
    const auto answer = json::parse(r.body).as_object();
    CHECK(answer.at("response_action").as_string() == "errors");
    CHECK(answer.at("errors").as_object().contains("url"));
    CHECK(f.total_rows() == rows);

    const std::string title = R"(He said "ship it" \o/ — déjà)";
    r = f.interaction(submission(kAdmin, view_with({{"campaign", campaign}, {"url", "https://example.com/spring"},
                                                    {"title", title}, {"why", "Customers asked"},
                                                    {"text", "Proud!\nSecond line"}})));
    CHECK(r.status == 200);
    CHECK(r.body.empty());  // closes the modal
    REQUIRE(f.scalar("SELECT count(*) FROM contents") == 1);
    std::string stored;
    f.db->read([&](storage::Connection& c) {
        auto& st = c.prepare("SELECT title FROM contents");
        REQUIRE(st.executeStep());
        stored = st.getColumn(0).getString();
    });
    CHECK(stored == title);
    // The engine's answer goes to the admin's DM.
    REQUIRE(f.fake.wait_for([](const auto& calls) {
        for (const auto& c : calls)
            if (c.method == "chat.postMessage" && c.status == 200 && c.args.at("channel").as_string() == "DUADMIN") return true;
        return false;
    }));
    REQUIRE(f.adapter->drain(seconds(10)));
}

TEST_CASE("if views.open fails, the admin is told how to type the command instead") {
    SlackFixture f;
    f.fake.script("views.open", {testing::FakeSlack::error("expired_trigger_id")});
    CHECK(f.command(kAdmin, "content add").status == 200);
    REQUIRE(f.fake.wait_for_count("response_url", 1));
    const auto hint = f.fake.calls("response_url").at(0);
    CHECK(hint.args.at("response_type").as_string() == "ephemeral");
    CHECK(hint.args.at("text").as_string().find("content add CAMPAIGN_ID URL") != std::string::npos);
    REQUIRE(f.adapter->drain(seconds(10)));
}
