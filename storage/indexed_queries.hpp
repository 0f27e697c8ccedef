#pragma once
// Private: the SQL of the leaderboard, stats and hot-path queries, shared with tests/storage/query_plans_test.cpp
// so the test checks the plans of exactly these statements (none may SCAN points_ledger, interactions or
// deliveries; see docs/storage.md).
#include <array>
#include <string_view>

namespace advocacy::storage::queries {

// ?1 workspace, ?2 week. Points and shares per user, ranked (everyone: tests, exports).
inline constexpr std::string_view week_points = R"sql(
SELECT s.user_id, u.display_name, u.group_name, u.leaderboard_opt_out, s.points, s.shares
FROM week_scores AS s JOIN users AS u ON u.id = s.user_id
WHERE s.workspace_id = ?1 AND s.week = ?2 AND s.points > 0
ORDER BY s.points DESC, u.display_name, s.user_id)sql";

// ?1 workspace, ?2 week, ?3 board size N. The N best users shown (opted-out users left out), walking
// week_scores_by_points from the top: the cost follows N, not the workspace. Among users tied at the boundary, the
// most recent sign-ups come first (index order); week_tied counts the others.
inline constexpr std::string_view week_top = R"sql(
SELECT s.user_id, u.display_name, u.group_name, u.leaderboard_opt_out, s.points, s.shares
FROM week_scores AS s JOIN users AS u ON u.id = s.user_id
WHERE s.workspace_id = ?1 AND s.week = ?2 AND s.points > 0 AND u.leaderboard_opt_out = 0
ORDER BY s.points DESC, s.user_id DESC
LIMIT ?3)sql";

// ?1 workspace, ?2 week, ?3 points. Users shown with exactly these points this week.
inline constexpr std::string_view week_tied = R"sql(
SELECT COUNT(*) FROM week_scores AS s JOIN users AS u ON u.id = s.user_id
WHERE s.workspace_id = ?1 AND s.week = ?2 AND s.points = ?3 AND u.leaderboard_opt_out = 0)sql";

// ?1 workspace, ?2 week. Every group of the workspace, with its points and members (active: points > 0). The week's
// side reads week_scores_by_group (covering); the members' side users_by_group (covering).
inline constexpr std::string_view group_points = R"sql(
WITH week AS (
    SELECT group_name, SUM(points) AS pts, COUNT(*) AS active FROM week_scores
    WHERE workspace_id = ?1 AND week = ?2 AND group_name <> '' AND points > 0
    GROUP BY group_name),
teams AS (
    SELECT group_name, COUNT(*) AS members FROM users
    WHERE workspace_id = ?1 AND group_name <> ''
    GROUP BY group_name)
SELECT teams.group_name, COALESCE(week.pts, 0) AS pts, COALESCE(week.active, 0), teams.members
FROM teams LEFT JOIN week ON week.group_name = teams.group_name
ORDER BY pts DESC, teams.group_name)sql";

// ?1 workspace, ?2 week.
inline constexpr std::string_view active_advocates = R"sql(
SELECT COUNT(*) FROM week_scores WHERE workspace_id = ?1 AND week = ?2 AND shares > 0)sql";

// ?1 workspace.
inline constexpr std::string_view audience_size = "SELECT COUNT(*) FROM users WHERE workspace_id = ?1";

// ?1 user. All-time totals.
inline constexpr std::string_view user_totals = R"sql(
SELECT COALESCE(SUM(points), 0), COALESCE(SUM(reason = 'share'), 0) FROM points_ledger WHERE user_id = ?1)sql";

// ?1 user, ?2 week.
inline constexpr std::string_view user_week = R"sql(
SELECT COALESCE(SUM(points), 0), COALESCE(SUM(shares), 0) FROM week_scores WHERE user_id = ?1 AND week = ?2)sql";

// ?1 workspace, ?2 week, ?3 the user's points: how many users have more (competition rank = that + 1).
inline constexpr std::string_view users_ahead = R"sql(
SELECT COUNT(*) FROM week_scores WHERE workspace_id = ?1 AND week = ?2 AND points > ?3)sql";

// ?1 user. The weeks in which the user shared, for the streak.
inline constexpr std::string_view share_weeks = R"sql(
SELECT DISTINCT week FROM points_ledger WHERE user_id = ?1 AND reason = 'share')sql";

// ?1 campaign, ?2 from, ?3 to (unix seconds, [from, to)).
inline constexpr std::string_view campaign_delivered = R"sql(
SELECT COUNT(*) FROM deliveries WHERE campaign_id = ?1 AND sent_at >= ?2 AND sent_at < ?3)sql";

inline constexpr std::string_view campaign_interactions = R"sql(
SELECT COALESCE(SUM(i.kind = 'why_asked'), 0), COALESCE(SUM(i.kind = 'intent_click'), 0),
       COALESCE(SUM(i.kind = 'shared'), 0), COALESCE(SUM(i.kind = 'skipped'), 0),
       COALESCE(SUM(i.kind = 'post_click'), 0),
       COUNT(DISTINCT CASE WHEN i.kind = 'shared' THEN i.user_id END)
FROM contents AS c JOIN interactions AS i ON i.content_id = c.id
WHERE c.campaign_id = ?1 AND i.at >= ?2 AND i.at < ?3)sql";

// ?1 user, ?2 content. Points already earned by clicks on the user's post of that content (for the cap).
inline constexpr std::string_view post_click_points = R"sql(
SELECT COALESCE(SUM(points), 0) FROM points_ledger
WHERE user_id = ?1 AND content_id = ?2 AND reason = 'post_click')sql";

// ?1 user, ?2 content, ?3 kind ('shared' or 'skipped').
inline constexpr std::string_view has_shared = R"sql(
SELECT EXISTS (SELECT 1 FROM interactions WHERE user_id = ?1 AND content_id = ?2 AND kind = 'shared'))sql";
inline constexpr std::string_view has_skipped = R"sql(
SELECT EXISTS (SELECT 1 FROM interactions WHERE user_id = ?1 AND content_id = ?2 AND kind = 'skipped'))sql";

// ?1 campaign, ?2 user, ?3 day, ?4 the user's language ("en" | "fr"). Columns as in contents.cpp (content_columns).
// Order: scheduled for the day, then items in the user's language or without one, then the rest; oldest first.
inline constexpr std::string_view next_content = R"sql(
SELECT c.id, c.campaign_id, c.title, c.url, c.summary, c.why, c.suggested_text, c.scheduled_on, c.expires_on,
       c.status, c.suggested_by, c.created_at, c.lang
FROM contents AS c
WHERE c.campaign_id = ?1 AND c.status = 'published'
  AND (c.expires_on IS NULL OR c.expires_on >= ?3)
  AND (c.scheduled_on IS NULL OR c.scheduled_on <= ?3)
  AND NOT EXISTS (SELECT 1 FROM deliveries AS d WHERE d.content_id = c.id AND d.user_id = ?2)
ORDER BY c.scheduled_on IS NOT ?3, c.lang NOT IN ('', ?4), c.id
LIMIT 1)sql";

// ?1 max attempts. `state <> 'sent'` repeats the partial index's condition so SQLite may use it.
inline constexpr std::string_view unsent_deliveries = R"sql(
SELECT id, content_id, user_id, campaign_id, local_date, state, platform_ref, attempts, last_error, sent_at
FROM deliveries
WHERE state IN ('pending', 'failed') AND state <> 'sent' AND (state = 'pending' OR (attempts < ?1 AND gave_up = 0))
ORDER BY id)sql";

// ?1 workspace, ?2 channel (no '#'). The channel's members in the workspace (before replacing them). CROSS JOIN keeps
// user_channels outside: the cost follows the channel's size, not the workspace's.
inline constexpr std::string_view channel_members = R"sql(
SELECT uc.user_id FROM user_channels AS uc CROSS JOIN users AS u ON u.id = uc.user_id
WHERE uc.channel = ?2 AND u.workspace_id = ?1)sql";

// ?1 workspace, ?2 channel (no '#'). Asked once per channel per process by the scheduler's channel sync.
inline constexpr std::string_view channel_synced_at = R"sql(
SELECT synced_at FROM channel_syncs WHERE workspace_id = ?1 AND channel = ?2)sql";

struct Named {
    std::string_view name;
    std::string_view sql;
};

inline constexpr std::array<Named, 19> all = {{
    {"week_points", week_points},
    {"week_top", week_top},
    {"week_tied", week_tied},
    {"group_points", group_points},
    {"active_advocates", active_advocates},
    {"audience_size", audience_size},
    {"user_totals", user_totals},
    {"user_week", user_week},
    {"users_ahead", users_ahead},
    {"share_weeks", share_weeks},
    {"campaign_delivered", campaign_delivered},
    {"campaign_interactions", campaign_interactions},
    {"post_click_points", post_click_points},
    {"has_shared", has_shared},
    {"has_skipped", has_skipped},
    {"next_content", next_content},
    {"unsent_deliveries", unsent_deliveries},
    {"channel_members", channel_members},
    {"channel_synced_at", channel_synced_at},
}};

}  // namespace advocacy::storage::queries
