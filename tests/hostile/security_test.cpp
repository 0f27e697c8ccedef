// Issue 8, security: hostile text in every command argument is stored verbatim and shown inert to other people;
// non-http URLs are refused at `content add`; tracked-link tokens cannot be guessed; secrets stay out of /readyz,
// /metrics and the log. Real server and routes, real SQLite file, fake Slack Web API (tests/hostile/hostile_fixture.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "bot/log/apply_config.hpp"
#include "bot/log/log.hpp"
#include "tests/hostile/hostile_fixture.hpp"
#include "tests/slack/employee_flow.hpp"
#include "tests/teams/teams_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

namespace {

struct Reply {
    int status = 0;
    std::string text;  // the ephemeral reply's "text" (or the raw body when it is not JSON)
};

// A signed slash command `/advocacy <text>` from `user`, through the real HTTP route.
Reply command(const HostileServer& f, const std::string& user, const std::string& text) {
    const std::string body = form_body(f.command_fields(user, text, "C0GENERAL"));
    testing::RawClient c(f.port);
    Reply r;
    if (!c.send(f.signed_head("application/x-www-form-urlencoded", body) +
                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body)) {
        return r;
    }
    const auto response = c.read_response();
    if (!response) return r;
    r.status = testing::status_of(*response);
    r.text = testing::body_of(*response);
    boost::system::error_code ec;
    const auto parsed = json::parse(r.text, ec);
    if (!ec && parsed.is_object() && parsed.as_object().contains("text") && parsed.at("text").is_string()) {
        r.text = std::string(parsed.at("text").as_string());
    }
    return r;
}

// What Slack sends for text a person typed: & < > as entities (control sequences are sent raw, see below).
std::string slack_escaped(const std::string& typed) {
    std::string out;
    for (char c : typed) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// A quoted command value: `"` inside is written \" (commands/tokenizer.cpp).
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string column(HostileServer& f, const std::string& sql) {
    std::string value;
    f.db->read([&](storage::Connection& c) {
        auto& st = c.prepare(sql);
        REQUIRE(st.executeStep());
        value = st.getColumn(0).getString();
    });
    return value;
}

// Every string anywhere in a JSON value (block texts, fallback text, button labels and values, URLs).
void collect_strings(const json::value& v, std::vector<std::string>& out) {
    if (v.is_string()) {
        out.emplace_back(v.as_string());
    } else if (v.is_array()) {
        for (const auto& e : v.as_array()) collect_strings(e, out);
    } else if (v.is_object()) {
        for (const auto& [k, e] : v.as_object()) collect_strings(e, out);
    }
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Captures the logger's lines (from any thread) for the test's duration, at debug level.
struct CapturedLog {
    std::mutex mutex;
    std::vector<std::string> lines;
    CapturedLog() {
        config::LogConfig debug;
        debug.level = config::LogLevel::debug;
        advocacy::log::apply(debug);
        advocacy::log::set_sink([this](std::string_view line) {
            std::lock_guard lock(mutex);
            lines.emplace_back(line);
        });
    }
    ~CapturedLog() {
        advocacy::log::set_sink({});
        advocacy::log::apply(config::LogConfig{});
    }
    std::vector<std::string> snapshot() {
        std::lock_guard lock(mutex);
        return lines;
    }
};

const std::string kSqlQuote = "Robert'); DROP TABLE users;--";
const std::string kSqlOr = "\" OR 1=1 --";
const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "<img src=x onerror=alert(1)>";
const std::string kLink = "<https://evil.example|click>";
const std::string kAmp = "&amp;";

}  // namespace

TEST_CASE("SQL metacharacters and markup in every argument are stored verbatim and pushed inert to another user",
          "[hostile][security]") {
    HostileServer f;
    REQUIRE(command(f, "U1", "me").status == 200);  // the other user, known to the bot

    // What Slack sends for what a person typed: & < > as entities, @-mentions as the control sequences Slack makes
    // of them. Stored: the text as typed (entities decoded once, so a typed "&amp;" stays "&amp;"), mentions kept
    // as written and shown inert.
    const std::string typed = kScript + " " + kImg + " *bold* " + kAmp + " R&D <3";
    const std::string mentions = " <!channel> <!here> <@U999>";
    const std::string hostile_sent = slack_escaped(typed) + mentions;
    const std::string hostile = typed + mentions;
    const std::string name = kSqlQuote + " " + kSqlOr;
    const std::string campaign_why = kSqlOr + " " + hostile;
    const std::string title = "T " + kSqlQuote + " " + hostile;
    const std::string why = "W " + kSqlQuote + " " + hostile;
    const std::string post = "P " + kSqlOr + " " + hostile;
    // A link control sequence is a link: the text keeps its label (commands/slack_markup.hpp), never the target.
    const std::string summary_sent = "S " + kSqlOr + " " + kLink + " " + hostile_sent;
    const std::string summary_stored = "S " + kSqlOr + " click " + hostile;
    const auto sent = [&](const std::string& stored) {
        return stored.substr(0, stored.size() - hostile.size()) + hostile_sent;
    };

    auto r = command(f, kAdmin, "campaign create " + quoted(name) + " why=" + quoted(sent(campaign_why)));
    REQUIRE(r.status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM campaigns") == 1);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    r = command(f, kAdmin, "content add " + campaign + " https://example.com/a?x=1&amp;y=2 title=" +
                               quoted(sent(title)) + " summary=" + quoted(summary_sent) + " why=" + quoted(sent(why)) +
                               " text=" + quoted(sent(post)));
    INFO(r.text);
    REQUIRE(r.status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM contents") == 1);

    // Byte for byte in the database, and every table still there.
    CHECK(column(f, "SELECT name FROM campaigns") == name);
    CHECK(column(f, "SELECT why FROM campaigns") == campaign_why);
    CHECK(column(f, "SELECT title FROM contents") == title);
    CHECK(column(f, "SELECT summary FROM contents") == summary_stored);
    CHECK(column(f, "SELECT why FROM contents") == why);
    CHECK(column(f, "SELECT suggested_text FROM contents") == post);
    CHECK(column(f, "SELECT url FROM contents") == "https://example.com/a?x=1&y=2");
    CHECK(f.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'campaigns', "
                   "'contents', 'deliveries', 'interactions', 'link_tokens')") == 6);
    CHECK(f.scalar("SELECT count(*) FROM users WHERE platform_user_id IN ('U1', 'UADMIN')") == 2);

    // Pushed to U1: the card carries the text, every < > & escaped, no live mention or link markup.
    REQUIRE(command(f, kAdmin, "push").status == 200);
    f.engine->tick(*f.outbox);
    REQUIRE(f.adapter->drain(seconds(10)));
    const auto pushes = slack_test::pushes_to(f, "DU1");
    REQUIRE(pushes.size() == 1);
    std::vector<std::string> strings;
    collect_strings(pushes[0].args, strings);
    std::string all;
    for (const auto& s : strings) all += s + "\n";
    INFO(json::serialize(pushes[0].args));
    for (const auto& s : strings) {
        INFO(s);
        CHECK(!contains(s, "<!channel>"));
        CHECK(!contains(s, "<!here>"));
        CHECK(!contains(s, "<@U999>"));
        CHECK(!contains(s, "<script"));
        CHECK(!contains(s, "<img"));
        CHECK(!contains(s, "evil.example"));
    }
    // The text is there, escaped as Slack requires, in the fallback and the blocks.
    CHECK(contains(std::string(pushes[0].args.at("text").as_string()), "&lt;!channel&gt;"));
    CHECK(contains(all, "&lt;!here&gt; &lt;@U999&gt;"));
    CHECK(contains(all, "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"));
    CHECK(contains(all, "&amp;amp; R&amp;D &lt;3"));  // escaped exactly once on the way out
    CHECK(!contains(all, "&amp;amp;amp;"));
    CHECK(contains(all, "P \" OR 1=1 --"));
    CHECK(contains(all, "Robert'); DROP TABLE users;--"));
    CHECK(contains(all, "S \" OR 1=1 -- click"));
}

TEST_CASE("content add refuses non-http URLs with a clear message and stores nothing", "[hostile][security]") {
    HostileServer f;
    REQUIRE(command(f, kAdmin, "campaign create \"Launch\" why=\"w\"").status == 200);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    const auto rows = f.total_rows();
    for (const std::string url : {"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x",
                                  "file:///etc/passwd", "//evil.example", "JavaScript:alert(1)"}) {
        INFO(url);
        const auto r = command(f, kAdmin, "content add " + campaign + " " + quoted(slack_escaped(url)) +
                                              " title=\"T\" why=\"w\" text=\"t\"");
        INFO(r.text);
        CHECK(r.status == 200);
        CHECK(contains(r.text, "expected a web address starting with http:// or https://"));
        CHECK(!contains(r.text, "Content #"));
    }
    REQUIRE(f.adapter->drain(seconds(10)));
    CHECK(f.scalar("SELECT count(*) FROM contents") == 0);
    CHECK(f.total_rows() == rows);
}

TEST_CASE("1,000 guessed tokens on /r/ and /s/ are 404s and write nothing", "[hostile][security]") {
    HostileServer f;
    // A real program with real tokens, so a guess has something to collide with.
    REQUIRE(command(f, "U1", "me").status == 200);
    REQUIRE(command(f, kAdmin, "campaign create \"Launch\" why=\"w\"").status == 200);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    REQUIRE(command(f, kAdmin, "content add " + campaign + " https://example.com/a title=\"T\" why=\"w\" text=\"t\"")
                .status == 200);
    REQUIRE(command(f, kAdmin, "push").status == 200);
    f.engine->tick(*f.outbox);
    REQUIRE(f.adapter->drain(seconds(10)));
    REQUIRE(f.scalar("SELECT count(*) FROM link_tokens") > 0);
    const std::string real = column(f, "SELECT token FROM link_tokens ORDER BY token LIMIT 1");
    const auto rows = f.total_rows();
    const auto interactions = f.scalar("SELECT count(*) FROM interactions");

    // Well-formed guesses: the real tokens' length and alphabet.
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::mt19937_64 gen(20261203);
    std::uniform_int_distribution<std::size_t> pick(0, 63);
    int not_found = 0;
    for (int i = 0; i < 1000; ++i) {
        std::string token;
        for (std::size_t k = 0; k < real.size(); ++k) token += kAlphabet[pick(gen)];
        for (const char* prefix : {"/r/", "/s/"}) {
            not_found += testing::request_status(f.port, std::string("GET ") + prefix + token +
                                                             " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 404;
        }
    }
    CHECK(not_found == 2000);
    CHECK(f.scalar("SELECT count(*) FROM interactions") == interactions);
    CHECK(f.total_rows() == rows);
    // The real one works (so the 404s above are the tokens', not the route's).
    const std::string kind = column(f, "SELECT kind FROM link_tokens WHERE token = '" + real + "'");
    CHECK(testing::request_status(f.port, std::string("GET ") + (kind == "post" ? "/r/" : "/s/") + real +
                                              " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 302);
}

TEST_CASE("secrets are absent from /readyz, /metrics and the log", "[hostile][security]") {
    CapturedLog captured;
    HostileServer f;
    const std::vector<std::string> secrets = {"xoxb-test-token", kSecret};
    // A request flow: a program, a push, a bad signature, a Slack failure.
    REQUIRE(command(f, "U1", "me").status == 200);
    REQUIRE(command(f, kAdmin, "campaign create \"Launch\" why=\"w\"").status == 200);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    REQUIRE(command(f, kAdmin, "content add " + campaign + " https://example.com/a title=\"T\" why=\"w\" text=\"t\"")
                .status == 200);
    f.fake.script("chat.postMessage", {testing::FakeSlack::error("invalid_auth")});
    REQUIRE(command(f, kAdmin, "push").status == 200);
    f.engine->tick(*f.outbox);
    REQUIRE(f.adapter->drain(seconds(10)));
    const std::string forged = "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\nContent-Length: 2\r\n\r\n{}";
    CHECK(f.status_of(forged) / 100 == 4);

    std::string readyz, metrics;
    CHECK(testing::get_status(f.port, "/readyz", &readyz) == 200);
    CHECK(testing::get_status(f.port, "/metrics", &metrics) == 200);
    CHECK(!readyz.empty());
    CHECK(!metrics.empty());
    const auto lines = captured.snapshot();
    // The flow was logged (so the check below looks at something): the commands' and the forged request's lines.
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return contains(l, "/slack/events"); }));
    for (const auto& secret : secrets) {
        INFO(secret);
        CHECK(!contains(readyz, secret));
        CHECK(!contains(metrics, secret));
        for (const auto& line : lines) {
            INFO(line);
            CHECK(!contains(line, secret));
        }
    }
}

// Teams: the same hostile text typed to the bot is stored verbatim and reaches another user's Adaptive Card only as
// TextRun text (never markdown), and the app password stays out of /readyz, /metrics and the log.
TEST_CASE("Teams: hostile text is stored verbatim, pushed as plain TextRuns, and the app password is never shown",
          "[hostile][security][teams]") {
    using teams_test::TeamsFixture;
    CapturedLog captured;
    TeamsFixture f;
    const std::string admin = teams_test::kAdmin;
    const std::string hostile = kScript + " " + kImg + " **bold** [click](https://evil.example) " + kAmp;
    const std::string name = kSqlQuote + " " + kSqlOr;
    const std::string title = "T " + kSqlQuote + " " + hostile;
    const std::string post = "P " + kSqlOr + " " + hostile;
    REQUIRE(f.post(f.install(admin)).status == 200);
    REQUIRE(f.post(f.install("29:u1")).status == 200);
    REQUIRE(f.post(f.text(admin, "campaign create " + quoted(name) + " why=" + quoted(hostile))).status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM campaigns") == 1);
    const auto campaign = std::to_string(f.scalar("SELECT id FROM campaigns"));
    REQUIRE(f.post(f.text(admin, "content add " + campaign + " https://example.com/a title=" + quoted(title) +
                                     " why=" + quoted(hostile) + " text=" + quoted(post)))
                .status == 200);
    REQUIRE(f.scalar("SELECT count(*) FROM contents") == 1);
    CHECK(f.text_scalar("SELECT name FROM campaigns") == name);
    CHECK(f.text_scalar("SELECT why FROM campaigns") == hostile);
    CHECK(f.text_scalar("SELECT title FROM contents") == title);
    CHECK(f.text_scalar("SELECT why FROM contents") == hostile);
    CHECK(f.text_scalar("SELECT suggested_text FROM contents") == post);
    CHECK(f.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'") == 1);

    REQUIRE(f.post(f.text(admin, "push")).status == 200);
    f.engine->tick(*f.outbox);
    REQUIRE(f.adapter->drain(seconds(10)));
    const testing::ConnectorCall* card_send = nullptr;
    const auto sends = f.connector.calls("send");
    for (const auto& c : sends) {
        if (c.status == 200 && c.conversation_id == TeamsFixture::chat_of("29:u1") &&
            json::serialize(c.body).find("advocacy_shared") != std::string::npos) {
            card_send = &c;
        }
    }
    REQUIRE(card_send != nullptr);
    INFO(json::serialize(card_send->body));
    // Walk the card: the hostile text only ever in a TextRun (RichTextBlock inlines are never markdown), verbatim.
    bool title_run = false, post_run = false;
    std::function<void(const json::value&)> walk = [&](const json::value& v) {
        if (v.is_array()) {
            for (const auto& e : v.as_array()) walk(e);
            return;
        }
        if (!v.is_object()) return;
        const auto& o = v.as_object();
        const auto* type = o.if_contains("type");
        const auto* text = o.if_contains("text");
        if (text && text->is_string()) {
            const std::string t(text->as_string());
            if (contains(t, "<script>") || contains(t, "evil.example")) {
                CHECK((type && *type == "TextRun"));
            }
            title_run = title_run || (type && *type == "TextRun" && contains(t, title));
            post_run = post_run || (type && *type == "TextRun" && contains(t, post));
        }
        for (const auto& [k, e] : o) walk(e);
    };
    walk(card_send->body.at("attachments"));
    CHECK(title_run);
    CHECK(post_run);

    std::string readyz, metrics;
    CHECK(testing::get_status(f.port, "/readyz", &readyz) == 200);
    CHECK(testing::get_status(f.port, "/metrics", &metrics) == 200);
    const std::string password = testing::FakeIdentity::default_app_password;
    REQUIRE(password.size() >= 8);
    CHECK(!contains(readyz, password));
    CHECK(!contains(metrics, password));
    const auto lines = captured.snapshot();
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return contains(l, "/api/messages"); }));
    for (const auto& line : lines) {
        INFO(line);
        CHECK(!contains(line, password));
    }
}
