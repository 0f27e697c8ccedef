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

// The dashboard (storage/analytics.hpp). ?1 workspace, ?2 from, ?3 to ([from, to), unix seconds). A workspace's
// interactions are reached through its campaigns and contents, then interactions_by_content_time (covering): no index
// on the share path is needed for them. CROSS JOIN pins that order (the planner might otherwise walk the whole
// period of every workspace on interactions_by_time).
inline constexpr std::string_view analytics_interactions = R"sql(
SELECT COALESCE(SUM(i.kind = 'shared'), 0), COALESCE(SUM(i.kind = 'intent_click'), 0),
       COALESCE(SUM(i.kind = 'post_click'), 0), COUNT(DISTINCT CASE WHEN i.kind = 'shared' THEN i.user_id END)
FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
     CROSS JOIN interactions AS i ON i.content_id = c.id
WHERE ca.workspace_id = ?1 AND i.at >= ?2 AND i.at < ?3)sql";

inline constexpr std::string_view analytics_deliveries = R"sql(
SELECT COUNT(*) FROM campaigns AS ca CROSS JOIN deliveries AS d ON d.campaign_id = ca.id
WHERE ca.workspace_id = ?1 AND d.sent_at >= ?2 AND d.sent_at < ?3)sql";

// ?1 workspace, ?2 first month, ?3 end month ('YYYY-MM', [first, end)): clicks purged by retention.
inline constexpr std::string_view analytics_rolled_clicks = R"sql(
SELECT COALESCE(SUM(CASE WHEN r.kind = 'intent_click' THEN r.count END), 0),
       COALESCE(SUM(CASE WHEN r.kind = 'post_click' THEN r.count END), 0)
FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
     CROSS JOIN interaction_rollups AS r ON r.content_id = c.id
WHERE ca.workspace_id = ?1 AND r.month >= ?2 AND r.month < ?3)sql";

// The time of every share in the range (bucketed by the caller).
inline constexpr std::string_view analytics_share_times = R"sql(
SELECT i.at FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
     CROSS JOIN interactions AS i ON i.content_id = c.id
WHERE ca.workspace_id = ?1 AND i.at >= ?2 AND i.at < ?3 AND i.kind = 'shared')sql";

// ?1 workspace, ?2 week.
inline constexpr std::string_view analytics_week = R"sql(
SELECT COALESCE(SUM(shares > 0), 0), COALESCE(SUM(shares), 0) FROM week_scores WHERE workspace_id = ?1 AND week = ?2)sql";

// ?1 workspace. Newest first.
inline constexpr std::string_view analytics_campaigns = R"sql(
SELECT id, name, status FROM campaigns WHERE workspace_id = ?1 ORDER BY created_at DESC, id DESC)sql";

// ?1 workspace, ?2 from, ?3 to, ?4 limit, ?5 ?6 whole rollup months. Content ranked by shares then post clicks
// (rolled-up clicks of whole months included); deliveries counted for the ranked few only.
inline constexpr std::string_view analytics_top_content = R"sql(
WITH counts AS (
    SELECT i.content_id AS id, i.kind = 'shared' AS shares, i.kind = 'post_click' AS clicks
    FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
         CROSS JOIN interactions AS i ON i.content_id = c.id
    WHERE ca.workspace_id = ?1 AND i.at >= ?2 AND i.at < ?3 AND i.kind IN ('shared', 'post_click')
    UNION ALL
    SELECT r.content_id, 0, r.count
    FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
         CROSS JOIN interaction_rollups AS r ON r.content_id = c.id
    WHERE ca.workspace_id = ?1 AND r.kind = 'post_click' AND r.month >= ?5 AND r.month < ?6),
ranked AS (
    SELECT counts.id AS id, SUM(shares) AS shares, SUM(clicks) AS clicks, c.title AS title
    FROM counts JOIN contents AS c ON c.id = counts.id
    GROUP BY counts.id
    ORDER BY shares DESC, clicks DESC, title, counts.id
    LIMIT ?4)
SELECT ranked.id, ranked.title, c.url, ca.name,
       (SELECT COUNT(*) FROM deliveries AS d WHERE d.content_id = ranked.id AND d.sent_at >= ?2 AND d.sent_at < ?3),
       ranked.shares, ranked.clicks
FROM ranked JOIN contents AS c ON c.id = ranked.id JOIN campaigns AS ca ON ca.id = c.campaign_id
ORDER BY ranked.shares DESC, ranked.clicks DESC, ranked.title, ranked.id)sql";

// ?1 workspace, ?2 from, ?3 to. Shares are recorded without a network: a share counts for the network of the user's
// last share-button click (intent click) on that item at or before it, else ''. That lookup walks the user's intent
// clicks backwards on interactions_by_user (the unary + keeps the planner off the item's index, which holds every
// user's rows for the item); MATERIALIZED runs it once per share.
inline constexpr std::string_view analytics_networks = R"sql(
WITH rows AS MATERIALIZED (
    SELECT CASE WHEN i.kind <> 'shared' THEN i.network ELSE COALESCE(
               (SELECT j.network FROM interactions AS j
                WHERE j.user_id = i.user_id AND j.kind = 'intent_click' AND +j.content_id = i.content_id
                  AND +j.at <= i.at
                ORDER BY j.id DESC LIMIT 1), '') END AS network,
           i.kind
    FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
         CROSS JOIN interactions AS i ON i.content_id = c.id
    WHERE ca.workspace_id = ?1 AND i.at >= ?2 AND i.at < ?3 AND i.kind IN ('shared', 'intent_click', 'post_click'))
SELECT network, SUM(kind = 'shared') AS shares, SUM(kind = 'intent_click'), SUM(kind = 'post_click')
FROM rows GROUP BY network
ORDER BY shares DESC, network)sql";

// ?1 workspace, ?2 from, ?3 to. Every team (group_name, '' = none) with its members, advocates and shares.
inline constexpr std::string_view analytics_teams = R"sql(
WITH sharers AS (
    SELECT i.user_id AS user_id, COUNT(*) AS shares
    FROM campaigns AS ca CROSS JOIN contents AS c ON c.campaign_id = ca.id
         CROSS JOIN interactions AS i ON i.content_id = c.id
    WHERE ca.workspace_id = ?1 AND i.at >= ?2 AND i.at < ?3 AND i.kind = 'shared'
    GROUP BY i.user_id)
SELECT u.group_name, COUNT(*), COUNT(s.user_id) AS advocates, COALESCE(SUM(s.shares), 0)
FROM users AS u LEFT JOIN sharers AS s ON s.user_id = u.id
WHERE u.workspace_id = ?1
GROUP BY u.group_name
ORDER BY advocates DESC, u.group_name)sql";

// The CSV export (storage/export.hpp): the keyset ?1 at, ?2 id of the last row written (first page: from, 0), ?3 to
// (exclusive), ?4 workspace or NULL for all, ?5 page size. One lower bound only, so the index range starts at the
// keyset, not at `from` again. Walks the v8 time indexes oldest first (interactions_by_time,
// deliveries_by_sent): a page costs its rows, never a sort of the period.
#define ADVOCACY_EXPORT_PEOPLE_COLUMNS \
    "w.platform, w.external_id, u.platform_user_id, u.display_name, u.group_name, ca.id, ca.name, c.id, c.title, c.url"
#define ADVOCACY_EXPORT_JOINS                                                                             \
    " CROSS JOIN users AS u ON u.id = x.user_id CROSS JOIN contents AS c ON c.id = x.content_id"              \
    " CROSS JOIN campaigns AS ca ON ca.id = c.campaign_id CROSS JOIN workspaces AS w ON w.id = ca.workspace_id"

inline constexpr std::string_view export_interactions =
    "SELECT x.id, x.at, " ADVOCACY_EXPORT_PEOPLE_COLUMNS ", x.kind, x.network, x.delivery_id "
    "FROM interactions AS x" ADVOCACY_EXPORT_JOINS
    " WHERE x.at >= ?1 AND (x.at > ?1 OR x.id > ?2) AND x.at < ?3"
    " AND (?4 IS NULL OR ca.workspace_id = ?4)"
    " ORDER BY x.at, x.id LIMIT ?5";

// Shares with the network attributed as in analytics_networks.
inline constexpr std::string_view export_shares =
    "SELECT x.id, x.at, " ADVOCACY_EXPORT_PEOPLE_COLUMNS ", COALESCE((SELECT j.network FROM interactions AS j"
    " WHERE j.user_id = x.user_id AND j.kind = 'intent_click' AND +j.content_id = x.content_id AND +j.at <= x.at"
    " ORDER BY j.id DESC LIMIT 1), ''), x.delivery_id "
    "FROM interactions AS x" ADVOCACY_EXPORT_JOINS
    " WHERE x.at >= ?1 AND (x.at > ?1 OR x.id > ?2) AND x.at < ?3 AND x.kind = 'shared'"
    " AND (?4 IS NULL OR ca.workspace_id = ?4)"
    " ORDER BY x.at, x.id LIMIT ?5";

inline constexpr std::string_view export_deliveries =
    "SELECT x.id, x.sent_at, " ADVOCACY_EXPORT_PEOPLE_COLUMNS ", x.state, x.local_date, x.attempts "
    "FROM deliveries AS x" ADVOCACY_EXPORT_JOINS
    " WHERE x.sent_at >= ?1 AND (x.sent_at > ?1 OR x.id > ?2) AND x.sent_at < ?3"
    " AND x.sent_at IS NOT NULL AND (?4 IS NULL OR ca.workspace_id = ?4)"
    " ORDER BY x.sent_at, x.id LIMIT ?5";

#undef ADVOCACY_EXPORT_PEOPLE_COLUMNS
#undef ADVOCACY_EXPORT_JOINS

struct Named {
    std::string_view name;
    std::string_view sql;
};

inline constexpr std::array<Named, 31> all = {{
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
    {"analytics_interactions", analytics_interactions},
    {"analytics_deliveries", analytics_deliveries},
    {"analytics_rolled_clicks", analytics_rolled_clicks},
    {"analytics_share_times", analytics_share_times},
    {"analytics_week", analytics_week},
    {"analytics_campaigns", analytics_campaigns},
    {"analytics_top_content", analytics_top_content},
    {"analytics_networks", analytics_networks},
    {"analytics_teams", analytics_teams},
    {"export_interactions", export_interactions},
    {"export_shares", export_shares},
    {"export_deliveries", export_deliveries},
}};

}  // namespace advocacy::storage::queries
