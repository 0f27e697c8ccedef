#pragma once
// A real database file in a temp dir with the repositories on it, plus small builders for test data.
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>

#include "storage/audit.hpp"
#include "storage/campaigns.hpp"
#include "storage/database.hpp"
#include "storage/deliveries.hpp"
#include "storage/interactions.hpp"
#include "storage/leaderboard.hpp"
#include "storage/users.hpp"
#include "tests/support/temp_dir.hpp"

namespace advocacy::storage::test {

inline Timestamp at(std::int64_t unix_seconds) { return Timestamp{std::chrono::seconds{unix_seconds}}; }
inline Date day(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

// COUNT(*)-style single integer through a reader connection.
inline std::int64_t scalar(Database& db, const std::string& sql) {
    std::int64_t value = 0;
    db.read([&](Connection& c) {
        auto& st = c.prepare(sql);
        st.executeStep();
        value = st.getColumn(0).getInt64();
    });
    return value;
}

struct Fixture {
    advocacy::testing::TempDir dir;
    std::unique_ptr<Database> db = Database::open(dir.file("advocacy.sqlite"));
    Users users{*db};
    Campaigns campaigns{*db};
    Contents contents{*db};
    Deliveries deliveries{*db};
    Interactions interactions{*db};
    Leaderboard board{*db};
    AuditLog audit{*db};
    Settings settings{*db};
    Id workspace = users.ensure_workspace("slack", "T1");

    User add_user(const std::string& name, const std::string& group = "", Id in_workspace = 0) {
        UserSighting s{"slack", "T1", "U-" + name, name, "", "", "D-" + name, false};
        if (in_workspace != 0) s.workspace_external_id = users.workspace(in_workspace)->external_id;
        auto user = users.upsert(s, at(1'700'000'000)).user;
        if (!group.empty()) {
            users.set_group(user.id, group);
            user.group = group;
        }
        return user;
    }

    Campaign add_campaign(const std::string& name = "Launch", Id in_workspace = 0) {
        NewCampaign c;
        c.workspace_id = in_workspace != 0 ? in_workspace : workspace;
        c.name = name;
        c.why = "because";
        return campaigns.create(c, at(1'700'000'000));
    }

    Content add_content(Id campaign_id, const std::string& title, std::optional<Date> scheduled = std::nullopt,
                        ContentStatus status = ContentStatus::published, std::optional<Id> suggested_by = std::nullopt) {
        NewContent n;
        n.campaign_id = campaign_id;
        n.title = title;
        n.url = "https://example.com/" + title;
        n.scheduled_on = scheduled;
        n.status = status;
        n.suggested_by = suggested_by;
        return contents.add(n, at(1'700'000'000));
    }

    Delivery deliver(const Content& content, const User& user, Date local_date, const std::string& token_prefix = "") {
        NewDelivery d{content.id, user.id, content.campaign_id, local_date, {}};
        const std::string prefix = token_prefix.empty() ? std::to_string(content.id) + "-" + std::to_string(user.id)
                                                        : token_prefix;
        d.tokens.push_back(LinkToken{"s-" + prefix, 0, "linkedin", LinkKind::intent});
        d.tokens.push_back(LinkToken{"r-" + prefix, 0, "linkedin", LinkKind::post});
        return deliveries.create(d).value();
    }

    PointsContext points(int n, const std::string& week = "2026-W48") { return PointsContext{workspace, week, n}; }
};

}  // namespace advocacy::storage::test
