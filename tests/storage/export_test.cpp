// CSV export (storage/export.hpp) on a real SQLite file: RFC 4180 quoting, the formula guard, exact period bounds,
// the workspace filter and keyset pages.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "storage/export.hpp"
#include "tests/storage/storage_fixture.hpp"

using namespace advocacy::storage;
using namespace advocacy::storage::test;

namespace {

constexpr std::int64_t kFrom = 1'796'083'200;  // 2026-12-01T00:00:00Z
constexpr std::int64_t kTo = kFrom + 86'400;
const Period kDayPeriod{at(kFrom), at(kTo)};

std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto end = csv.find("\r\n"); end != std::string::npos; end = csv.find("\r\n", start)) {
        out.push_back(csv.substr(start, end - start));
        start = end + 2;
    }
    CHECK(start == csv.size());  // every line ends with CRLF
    return out;
}

struct Exported {
    std::size_t rows = 0;
    std::string csv;
};

Exported run(Database& db, ExportKind kind, std::optional<Id> ws, Period period) {
    std::ostringstream out;
    Exported e;
    e.rows = export_csv(db, kind, ws, period, out);
    e.csv = out.str();
    return e;
}

}  // namespace

TEST_CASE("csv_field quotes commas, quotes and line breaks, and guards formulas") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+33 1 23") == "'+33 1 23");
    CHECK(csv_field("-1") == "'-1");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\tcmd") == "'\tcmd");
    CHECK(csv_field("\r\n") == "\"'\r\n\"");
    CHECK(csv_field("a=b") == "a=b");  // only a leading sign matters
    CHECK(csv_field("Zoë, café 日本") == "\"Zoë, café 日本\"");  // UTF-8 bytes kept as they are
}

TEST_CASE("export kinds by name") {
    CHECK(export_kind_from_string("shares") == ExportKind::shares);
    CHECK(export_kind_from_string("deliveries") == ExportKind::deliveries);
    CHECK(export_kind_from_string("interactions") == ExportKind::interactions);
    CHECK_FALSE(export_kind_from_string("Shares").has_value());
    CHECK_FALSE(export_kind_from_string("").has_value());
    CHECK(to_string(ExportKind::deliveries) == "deliveries");
}

TEST_CASE("an empty period exports the header alone") {
    Fixture f;
    for (const auto kind : {ExportKind::shares, ExportKind::deliveries, ExportKind::interactions}) {
        const auto e = run(*f.db, kind, std::nullopt, kDayPeriod);
        CHECK(e.rows == 0);
        const auto l = lines(e.csv);
        REQUIRE(l.size() == 1);
        CHECK(l[0].find("content_title") != std::string::npos);
    }
}

TEST_CASE("shares: the period [from, to) exactly, oldest first, text quoted and guarded, UTF-8 intact") {
    Fixture f;
    auto campaign = f.add_campaign("Launch, \"Q1\"");
    auto zoe = f.add_user("Zoë =cmd", "=Sales");
    auto bob = f.add_user("bob");
    auto item = f.add_content(campaign.id, "café");
    auto other = f.add_content(campaign.id, "second");
    const auto d = f.deliver(item, zoe, day(2026, 12, 1));
    f.interactions.record_click(*f.deliveries.resolve_token("s-" + std::to_string(item.id) + "-" +
                                                            std::to_string(zoe.id)),
                                f.points(0), 20, at(kFrom + 5));
    f.interactions.record_share(zoe.id, item.id, d.id, f.points(10), at(kTo - 1));  // last second: in
    f.interactions.record_share(bob.id, item.id, std::nullopt, f.points(10), at(kFrom));  // first second: in
    f.interactions.record_share(bob.id, other.id, std::nullopt, f.points(10), at(kTo));  // `to`: out
    f.interactions.record_share(zoe.id, other.id, std::nullopt, f.points(10), at(kFrom - 1));  // before: out

    const auto e = run(*f.db, ExportKind::shares, std::nullopt, kDayPeriod);
    CHECK(e.rows == 2);
    const auto l = lines(e.csv);
    REQUIRE(l.size() == 3);
    CHECK(l[0] == "share_id,shared_at,workspace_platform,workspace,user,user_name,team,campaign_id,campaign,"
                  "content_id,content_title,content_url,network,delivery_id");
    const auto c = std::to_string(campaign.id);
    const auto i = std::to_string(item.id);
    // bob's first (oldest), no network, no delivery.
    CHECK(l[1].find(",2026-12-01T00:00:00Z,slack,T1,U-bob,bob,," + c + ",\"Launch, \"\"Q1\"\"\"," + i +
                    ",café,https://example.com/café,,") != std::string::npos);
    CHECK(l[1].ends_with(",,"));
    CHECK(l[2].find(",2026-12-01T23:59:59Z,slack,T1,U-Zoë =cmd,Zoë =cmd,'=Sales,") != std::string::npos);
    CHECK(l[2].ends_with(",linkedin," + std::to_string(d.id)));
}

TEST_CASE("the workspace filter keeps one workspace; without it every workspace is in") {
    Fixture f;
    const Id t2 = f.users.ensure_workspace("teams", "tenant-2");
    auto mine = f.add_content(f.add_campaign("Mine").id, "mine");
    auto theirs = f.add_content(f.add_campaign("Theirs", t2).id, "theirs");
    auto ann = f.add_user("ann");
    auto zed = f.add_user("zed", "", t2);
    f.interactions.record_share(ann.id, mine.id, std::nullopt, f.points(10), at(kFrom + 1));
    f.interactions.record_share(zed.id, theirs.id, std::nullopt, PointsContext{t2, "2026-W49", 10}, at(kFrom + 2));

    const auto one = run(*f.db, ExportKind::shares, f.workspace, kDayPeriod);
    CHECK(one.rows == 1);
    CHECK(one.csv.find("mine") != std::string::npos);
    CHECK(one.csv.find("theirs") == std::string::npos);
    const auto all = run(*f.db, ExportKind::shares, std::nullopt, kDayPeriod);
    CHECK(all.rows == 2);
    CHECK(all.csv.find(",teams,tenant-2,") != std::string::npos);
}

TEST_CASE("deliveries and interactions: sent deliveries by their send time, every interaction kind") {
    Fixture f;
    auto campaign = f.add_campaign();
    auto item = f.add_content(campaign.id, "item");
    auto ann = f.add_user("ann");
    auto bob = f.add_user("bob");
    const auto sent = f.deliver(item, ann, day(2026, 12, 1));
    const auto failed = f.deliver(item, bob, day(2026, 12, 1));
    f.deliveries.mark_sent(sent.id, "C1:1.2", at(kFrom + 60));
    f.deliveries.mark_failed(failed.id, "channel_not_found");
    f.interactions.record_why(ann.id, item.id, sent.id, at(kFrom + 70));
    f.interactions.record_click(*f.deliveries.resolve_token("r-" + std::to_string(item.id) + "-" +
                                                            std::to_string(ann.id)),
                                f.points(1), 20, at(kFrom + 80));
    f.interactions.record_skip(bob.id, item.id, std::nullopt, at(kFrom + 90));

    const auto d = run(*f.db, ExportKind::deliveries, std::nullopt, kDayPeriod);
    CHECK(d.rows == 1);  // a failed push has no send time
    const auto dl = lines(d.csv);
    REQUIRE(dl.size() == 2);
    CHECK(dl[1] == std::to_string(sent.id) + ",2026-12-01T00:01:00Z,slack,T1,U-ann,ann,," +
                       std::to_string(campaign.id) + ",Launch," + std::to_string(item.id) +
                       ",item,https://example.com/item,sent,2026-12-01,0");

    const auto i = run(*f.db, ExportKind::interactions, std::nullopt, kDayPeriod);
    CHECK(i.rows == 3);
    const auto il = lines(i.csv);
    REQUIRE(il.size() == 4);
    CHECK(il[1].ends_with(",why_asked,," + std::to_string(sent.id)));
    CHECK(il[2].ends_with(",post_click,linkedin," + std::to_string(sent.id)));
    CHECK(il[3].ends_with(",skipped,,"));
}

TEST_CASE("a large export is read in pages, each row exactly once, oldest first, ties by id") {
    Fixture f;
    auto campaign = f.add_campaign();
    std::vector<Content> items;
    for (int n = 0; n < 3; ++n) items.push_back(f.add_content(campaign.id, "item" + std::to_string(n)));
    // 1,203 whys, three per second: pages of 500 end inside a run of equal times.
    constexpr int kRows = 1203;
    auto ann = f.add_user("ann");
    f.db->write([&](Connection& c) {
        auto& st = c.prepare("INSERT INTO interactions (user_id, content_id, kind, at) VALUES (?1, ?2, 'why_asked', ?3)");
        for (int n = 0; n < kRows; ++n) {
            st.reset();
            st.bind(1, ann.id);
            st.bind(2, items[static_cast<std::size_t>(n % 3)].id);
            st.bind(3, static_cast<std::int64_t>(kTo - 1 - n / 3));  // inserted newest first
            st.exec();
        }
    });
    const auto e = run(*f.db, ExportKind::interactions, f.workspace, kDayPeriod);
    CHECK(e.rows == kRows);
    const auto l = lines(e.csv);
    REQUIRE(l.size() == kRows + 1);
    std::string last_time;
    long long last_id = 0;
    std::set<long long> ids;
    for (std::size_t n = 1; n < l.size(); ++n) {
        const auto comma = l[n].find(',');
        const long long id = std::stoll(l[n].substr(0, comma));
        const std::string time = l[n].substr(comma + 1, 20);
        INFO(l[n]);
        CHECK((time > last_time || (time == last_time && id > last_id)));
        last_time = time;
        last_id = id;
        ids.insert(id);
    }
    CHECK(ids.size() == static_cast<std::size_t>(kRows));
}
