// The dashboard's JSON summary and CSV export over real HTTP, against a small dataset made through the engine:
// every figure is what was recorded, for the signed-in admin's workspace only.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "storage/deliveries.hpp"
#include "tests/dashboard/dashboard_fixture.hpp"

using namespace advocacy;
using namespace advocacy::dashboard_test;
namespace json = boost::json;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};
const Person kCarla{"carla", "Carla", "en-US", "Europe/Paris"};
constexpr const char* kBrowser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0";

// Monday 26 October 2026 (W44), Paris: a campaign, one item pushed to four people at 09:00; Alice and Bruno share
// it, Alice's post gets 3 clicks and her LinkedIn button 1; Bruno stays off the leaderboard.
struct Dataset : Fixture {
    long campaign = 0;
    long content = 0;
    int deliveries = 0;
    Dataset() {
        campaign = create_campaign(h, "\"Launch\" why=\"It matters\"");
        content = add_content(h, campaign, "https://example.com/launch title=\"Launch, part 1\" why=\"Because\" text=\"Look\"");
        for (const auto* p : {&kAlice, &kBruno, &kCarla}) h.text(*p, "hi");
        h.command(kAdmin, "group set @alice Sales");
        h.command(kAdmin, "group set @bruno Sales");
        h.command(kBruno, "optout");
        h.run_until(utc(2026, 10, 26, 8, 40));
        for (const auto& s : h.outbox.take())
            if (s.message.kind == MessageKind::content) ++deliveries;
        const std::string id = std::to_string(content);
        h.click(kAlice, "advocacy_shared", id);
        h.click(kBruno, "advocacy_shared", id);

        const auto alice = h.users().find_by_platform_id(1, "alice");
        const auto delivery = h.deliveries().find_for(alice->id, content);
        for (const auto& t : h.deliveries().tokens_for(delivery->id)) {
            if (t.network != "linkedin") continue;
            if (t.kind == storage::LinkKind::post)
                for (int i = 0; i < 3; ++i) h.engine->follow_link('r', t.token, kBrowser);
            if (t.kind == storage::LinkKind::intent) h.engine->follow_link('s', t.token, kBrowser);
        }
    }
    json::object summary(const std::string& query, const std::string& cookie) {
        const Response r = get("/admin/api/summary" + query, cookie);
        INFO(r.raw.substr(0, 400));
        REQUIRE(r.status == 200);
        CHECK(r.header("Content-Type").rfind("application/json", 0) == 0);
        CHECK(has_security_headers(r));
        return json::parse(r.body).as_object();
    }
};

double number(const json::value& v) { return v.is_double() ? v.as_double() : static_cast<double>(v.to_number<std::int64_t>()); }
std::int64_t integer(const json::value& v) { return v.to_number<std::int64_t>(); }

}  // namespace

TEST_CASE("the summary's figures are what was recorded", "[dashboard][server][summary]") {
    Dataset d;
    REQUIRE(d.deliveries == 4);
    const std::string cookie = d.sign_in();
    const json::object s = d.summary("?from=2026-10-26&to=2026-10-26", cookie);

    CHECK(s.at("workspace").at("platform").as_string() == "playground");
    CHECK(s.at("workspace").at("id").as_string() == "playground");
    CHECK(s.at("period").at("from").as_string() == "2026-10-26");
    CHECK(s.at("period").at("to").as_string() == "2026-10-26");
    CHECK(integer(s.at("period").at("days")) == 1);
    CHECK(s.at("period").at("time_zone").as_string() == "Europe/Paris");
    CHECK(s.at("previous_period").at("from").as_string() == "2026-10-25");
    CHECK(s.at("previous_period").at("to").as_string() == "2026-10-25");

    const auto& t = s.at("totals");
    CHECK(integer(t.at("audience")) == 4);
    CHECK(integer(t.at("advocates")) == 2);
    CHECK(number(t.at("participation")) == 0.5);
    CHECK(integer(t.at("shares")) == 2);
    CHECK(integer(t.at("deliveries")) == 4);
    CHECK(integer(t.at("intent_clicks")) == 1);
    CHECK(integer(t.at("post_clicks")) == 3);
    const auto& p = s.at("previous_totals");
    CHECK(integer(p.at("shares")) == 0);
    CHECK(integer(p.at("deliveries")) == 0);
    CHECK(number(p.at("participation")) == 0.0);

    const auto& per_day = s.at("shares_per_day").as_array();
    REQUIRE(per_day.size() == 1);
    CHECK(per_day[0].at("day").as_string() == "2026-10-26");
    CHECK(integer(per_day[0].at("shares")) == 2);

    const auto& weeks = s.at("weekly_advocates").as_array();
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].at("week").as_string() == "2026-W44");
    CHECK(integer(weeks[0].at("advocates")) == 2);
    CHECK(integer(weeks[0].at("shares")) == 2);

    const auto& campaigns = s.at("campaigns").as_array();
    REQUIRE(campaigns.size() == 1);
    CHECK(integer(campaigns[0].at("id")) == d.campaign);
    CHECK(campaigns[0].at("name").as_string() == "Launch");
    CHECK(campaigns[0].at("status").as_string() == "active");
    CHECK(integer(campaigns[0].at("delivered")) == 4);
    CHECK(integer(campaigns[0].at("shared")) == 2);
    CHECK(integer(campaigns[0].at("intent_clicks")) == 1);
    CHECK(integer(campaigns[0].at("post_clicks")) == 3);
    CHECK(integer(campaigns[0].at("advocates")) == 2);

    const auto& top = s.at("top_content").as_array();
    REQUIRE(top.size() == 1);
    CHECK(integer(top[0].at("id")) == d.content);
    CHECK(top[0].at("title").as_string() == "Launch, part 1");
    CHECK(top[0].at("url").as_string() == "https://example.com/launch");
    CHECK(top[0].at("campaign").as_string() == "Launch");
    CHECK(integer(top[0].at("shares")) == 2);
    CHECK(integer(top[0].at("post_clicks")) == 3);

    bool linkedin = false;
    for (const auto& n : s.at("networks").as_array()) {
        if (n.at("network").as_string() != "linkedin") continue;
        linkedin = true;
        CHECK(integer(n.at("intent_clicks")) == 1);
        CHECK(integer(n.at("post_clicks")) == 3);
    }
    CHECK(linkedin);

    int teams_seen = 0;
    for (const auto& team : s.at("teams").as_array()) {
        if (team.at("team").as_string() == "Sales") {
            ++teams_seen;
            CHECK(integer(team.at("members")) == 2);
            CHECK(integer(team.at("advocates")) == 2);
            CHECK(integer(team.at("shares")) == 2);
            CHECK(number(team.at("participation")) == 1.0);
        } else if (team.at("team").as_string() == "") {
            ++teams_seen;
            CHECK(integer(team.at("members")) == 2);
            CHECK(integer(team.at("advocates")) == 0);
            CHECK(number(team.at("participation")) == 0.0);
        }
    }
    CHECK(teams_seen == 2);

    const auto& board = s.at("leaderboard");
    CHECK(board.at("week").as_string() == "2026-W44");
    const auto& rows = board.at("rows").as_array();
    REQUIRE(rows.size() == 1);  // Bruno opted out: never named
    CHECK(integer(rows[0].at("rank")) == 1);
    CHECK(rows[0].at("name").as_string() == "Alice");
    CHECK(rows[0].at("team").as_string() == "Sales");
    CHECK(integer(rows[0].at("points")) == 13);  // 10 for the share + 3 post clicks
    CHECK(integer(rows[0].at("shares")) == 1);
    CHECK(s.at("leaderboard").at("rows").as_array().size() == 1);
    CHECK(json::serialize(s).find("Bruno") == std::string::npos);

    const auto& reach = s.at("reach");
    CHECK(integer(reach.at("post_clicks")) == 3);
    CHECK(number(reach.at("value_per_click")) == 0.5);
    CHECK(reach.at("currency").as_string() == "EUR");
    CHECK(number(reach.at("earned_media_value")) == 1.5);
}

TEST_CASE("the summary's default period is the 28 days ending today, the previous one just before", "[dashboard][server][summary]") {
    Dataset d;
    const std::string cookie = d.sign_in();
    const json::object s = d.summary("", cookie);
    CHECK(s.at("period").at("from").as_string() == "2026-09-29");
    CHECK(s.at("period").at("to").as_string() == "2026-10-26");
    CHECK(integer(s.at("period").at("days")) == 28);
    CHECK(s.at("previous_period").at("from").as_string() == "2026-09-01");
    CHECK(s.at("previous_period").at("to").as_string() == "2026-09-28");
    CHECK(s.at("shares_per_day").as_array().size() == 28U);
    CHECK(integer(s.at("totals").at("shares")) == 2);

    // The day after: the share falls in the previous period.
    const json::object next = d.summary("?from=2026-10-27&to=2026-10-27", cookie);
    CHECK(integer(next.at("totals").at("shares")) == 0);
    CHECK(integer(next.at("previous_totals").at("shares")) == 2);
    CHECK(integer(next.at("previous_totals").at("advocates")) == 2);
}

TEST_CASE("bad dates and ranges are a 400 with a JSON error", "[dashboard][server][summary]") {
    Dataset d;
    const std::string cookie = d.sign_in();
    for (const std::string& query : std::vector<std::string>{"?from=2026-10-27&to=2026-10-26", "?from=2026-13-01&to=2026-12-31", "?from=yesterday",
                                    "?to=2026-02-30", "?from=2025-10-25&to=2026-10-26", "?from=2026-10-01&from=2026-10-02",
                                    "?from=%ZZ", "?from=2026-10-01&to=2026-10-26T00:00"}) {
        INFO(query);
        const Response r = d.get("/admin/api/summary" + query, cookie);
        CHECK(r.status == 400);
        CHECK(has_security_headers(r));
        CHECK(json::parse(r.body).at("error").is_string());
        const Response csv = d.get("/admin/export.csv?kind=shares&" + query.substr(1), cookie);
        CHECK(csv.status == 400);
    }
    // Dates far from now are still dates: answered, never a server error.
    for (const std::string& query : std::vector<std::string>{"?from=0000-01-01&to=0000-01-02", "?from=9999-12-30&to=9999-12-31"}) {
        INFO(query);
        CHECK(d.get("/admin/api/summary" + query, cookie).status == 200);
        CHECK(d.get("/admin/export.csv?kind=interactions&" + query.substr(1), cookie).status == 200);
    }
    // 366 days is the most.
    CHECK(d.get("/admin/api/summary?from=2025-10-26&to=2026-10-26", cookie).status == 200);
    CHECK(d.get("/admin/api/summary?from=2025-10-27&to=2026-10-26", cookie).status == 200);
    CHECK(d.get("/admin/export.csv?kind=everything", cookie).status == 400);
    CHECK(d.get("/admin/export.csv", cookie).status == 400);
}

TEST_CASE("the CSV export is quoted CSV of the admin's workspace only", "[dashboard][server][csv]") {
    Dataset d;
    // Another workspace with its own admin, campaign and share, the same day.
    const auto in_acme = [&](const Person& p, EventKind kind) {
        UserIdentity who = identity(p);
        who.workspace_id = "acme";
        return d.h.engine->handle(Event{who, Conversation{Platform::playground, "acme", "dm-acme-" + p.id, true}, kind});
    };
    const std::string created = all_text(in_acme(kAdmin, CommandInvoked{"campaign create \"Acme plan\" why=\"x\""}));
    const auto campaign_at = created.find("Campaign #");
    REQUIRE(campaign_at != std::string::npos);
    const std::string campaign = std::to_string(std::stol(created.substr(campaign_at + 10)));
    const std::string added = all_text(in_acme(kAdmin, CommandInvoked{"content add " + campaign +
                                                    " https://acme.example/x title=\"Acme secret post\" why=\"y\" text=\"z\""}));
    const auto content_at = added.find("Content #");
    REQUIRE(content_at != std::string::npos);
    const std::string content = std::to_string(std::stol(added.substr(content_at + 9)));
    in_acme(kCarla, TextMessage{"hi"});
    in_acme(kAdmin, CommandInvoked{"push " + content});
    d.h.tick();
    CHECK(all_text(in_acme(kCarla, ButtonClicked{"advocacy_shared", content, std::nullopt})).find("Shared") != std::string::npos);

    const std::string cookie = d.sign_in();
    const Response r = d.get("/admin/export.csv?kind=shares&from=2026-10-26&to=2026-10-26", cookie);
    INFO(r.raw.substr(0, 600));
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "text/csv; charset=utf-8");
    CHECK(r.header("Content-Disposition") == "attachment; filename=\"advocacy-shares-2026-10-26-2026-10-26.csv\"");
    CHECK(has_security_headers(r));
    CHECK(r.body.rfind("share_id,", 0) == 0);
    CHECK(r.body.find("\"Launch, part 1\"") != std::string::npos);  // the comma is quoted
    std::size_t lines = 0;
    for (std::size_t at = r.body.find("\r\n"); at != std::string::npos; at = r.body.find("\r\n", at + 2)) ++lines;
    CHECK(lines == 3U);  // header + Alice + Bruno
    CHECK(r.body.find("Acme") == std::string::npos);

    const Response deliveries = d.get("/admin/export.csv?kind=deliveries&from=2026-10-26&to=2026-10-26", cookie);
    CHECK(deliveries.status == 200);
    CHECK(deliveries.body.rfind("delivery_id,", 0) == 0);
    // The other workspace's admin sees only theirs.
    std::string acme_token;
    for (const auto& m : in_acme(kAdmin, CommandInvoked{"dashboard"}).messages)
        if (const auto b = find_button(m, "advocacy_dashboard"); b && b->url) acme_token = b->url->substr(b->url->find("token=") + 6);
    const std::string set_cookie = d.get("/admin/login?token=" + acme_token).header("Set-Cookie");
    REQUIRE(set_cookie.size() > 62U);
    const std::string acme_cookie = set_cookie.substr(19, 43);
    const Response acme = d.get("/admin/export.csv?kind=shares&from=2026-10-26&to=2026-10-26", acme_cookie);
    CHECK(acme.body.find("Acme secret post") != std::string::npos);
    CHECK(acme.body.find("Launch") == std::string::npos);
    const json::object acme_summary = d.summary("?from=2026-10-26&to=2026-10-26", acme_cookie);
    CHECK(acme_summary.at("workspace").at("id").as_string() == "acme");
    CHECK(integer(acme_summary.at("totals").at("shares")) == 1);

    const Response none = d.get("/admin/export.csv?kind=interactions&from=2026-10-01&to=2026-10-25", cookie);
    CHECK(none.status == 200);
    CHECK(none.body.find("\r\n") == none.body.size() - 2);  // the header line only
}
