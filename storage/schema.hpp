#pragma once
// Private: the SQL of each schema version (applied by migrations.cpp). Enum columns hold the names from
// enum_text.hpp, dates 'YYYY-MM-DD', times unix seconds. Erasing a user cascades to everything personal.
namespace advocacy::storage {

inline constexpr const char* schema_v1_sql = R"sql(
CREATE TABLE workspaces (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    external_id TEXT NOT NULL,
    UNIQUE (platform, external_id)
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    workspace_id        INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    platform_user_id    TEXT NOT NULL,
    display_name        TEXT NOT NULL DEFAULT '',
    locale              TEXT NOT NULL DEFAULT '',
    time_zone           TEXT NOT NULL DEFAULT '',
    group_name          TEXT NOT NULL DEFAULT '',
    dm_conversation     TEXT NOT NULL DEFAULT '',
    is_admin            INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    leaderboard_opt_out INTEGER NOT NULL DEFAULT 0 CHECK (leaderboard_opt_out IN (0, 1)),
    paused_until        TEXT,
    paused_indefinitely INTEGER NOT NULL DEFAULT 0 CHECK (paused_indefinitely IN (0, 1)),
    frequency           TEXT NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'weekly')),
    created_at          INTEGER NOT NULL,
    UNIQUE (workspace_id, platform_user_id)
);
CREATE INDEX users_by_group ON users (workspace_id, group_name);

-- Channels a user was seen in, for "#channel" audiences. Names without '#', compared case-insensitively.
CREATE TABLE user_channels (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    channel TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (user_id, channel)
) WITHOUT ROWID;
CREATE INDEX user_channels_by_channel ON user_channels (channel, user_id);

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    slug         TEXT NOT NULL,
    why          TEXT NOT NULL DEFAULT '',
    audience     TEXT NOT NULL DEFAULT 'all',
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    start_date   TEXT,
    end_date     TEXT,
    created_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (workspace_id, slug)
);

CREATE TABLE contents (
    id             INTEGER PRIMARY KEY,
    campaign_id    INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    url            TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    why            TEXT NOT NULL DEFAULT '',
    suggested_text TEXT NOT NULL DEFAULT '',
    scheduled_on   TEXT,
    expires_on     TEXT,
    status         TEXT NOT NULL DEFAULT 'published'
                   CHECK (status IN ('pending', 'published', 'rejected', 'removed')),
    suggested_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX contents_by_campaign ON contents (campaign_id, status, scheduled_on);
CREATE INDEX contents_by_status ON contents (status, campaign_id);
CREATE INDEX contents_by_suggester ON contents (suggested_by) WHERE suggested_by IS NOT NULL;

CREATE TABLE content_texts (
    content_id INTEGER NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
    network    TEXT NOT NULL,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (content_id, network)
) WITHOUT ROWID;

CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    content_id   INTEGER NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    local_date   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    platform_ref TEXT NOT NULL DEFAULT '',
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    sent_at      INTEGER,
    UNIQUE (content_id, user_id),
    UNIQUE (user_id, campaign_id, local_date)
);
CREATE INDEX deliveries_by_campaign_sent ON deliveries (campaign_id, sent_at);
CREATE INDEX deliveries_by_ref ON deliveries (platform_ref) WHERE platform_ref <> '';
CREATE INDEX deliveries_unsent ON deliveries (state, attempts) WHERE state <> 'sent';

CREATE TABLE link_tokens (
    token       TEXT PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
    network     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('intent', 'post'))
) WITHOUT ROWID;
CREATE INDEX link_tokens_by_delivery ON link_tokens (delivery_id);

CREATE TABLE interactions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    content_id  INTEGER NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
    delivery_id INTEGER REFERENCES deliveries(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('why_asked', 'intent_click', 'post_click', 'shared', 'skipped')),
    network     TEXT NOT NULL DEFAULT '',
    at          INTEGER NOT NULL
);
-- A share and a skip are each recorded once per (user, content).
CREATE UNIQUE INDEX interactions_one_share ON interactions (user_id, content_id) WHERE kind = 'shared';
CREATE UNIQUE INDEX interactions_one_skip ON interactions (user_id, content_id) WHERE kind = 'skipped';
CREATE INDEX interactions_by_content_time ON interactions (content_id, at, kind, user_id);
CREATE INDEX interactions_by_user ON interactions (user_id, kind);
CREATE INDEX interactions_by_delivery ON interactions (delivery_id) WHERE delivery_id IS NOT NULL;

-- One row per award; `week` is the ISO week key in the program time zone ("2026-W48"). A share always has a row
-- (even worth 0 points) so weekly share counts come from here too.
CREATE TABLE points_ledger (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    week         TEXT NOT NULL,
    points       INTEGER NOT NULL,
    reason       TEXT NOT NULL CHECK (reason IN ('share', 'post_click')),
    content_id   INTEGER REFERENCES contents(id) ON DELETE SET NULL,
    at           INTEGER NOT NULL
);
CREATE INDEX points_by_week ON points_ledger (workspace_id, week, user_id, points, reason);
CREATE INDEX points_by_user ON points_ledger (user_id, week, reason, points);
CREATE INDEX points_by_user_content ON points_ledger (user_id, content_id, reason, points);
CREATE UNIQUE INDEX points_one_share ON points_ledger (user_id, content_id) WHERE reason = 'share';
CREATE INDEX points_by_content ON points_ledger (content_id);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    actor_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action        TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT '',
    at            INTEGER NOT NULL
);
CREATE INDEX audit_by_workspace ON audit_log (workspace_id, id);
CREATE INDEX audit_by_actor ON audit_log (actor_user_id) WHERE actor_user_id IS NOT NULL;

CREATE TABLE settings (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (workspace_id, key)
) WITHOUT ROWID;

-- Scheduled jobs already run ("leaderboard:2026-W48"), so a restart does not run them twice.
CREATE TABLE once_marks (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    at           INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, key)
) WITHOUT ROWID;
)sql";

// v3: when each channel's membership was last replaced from the platform's member list (Users::set_channel_members),
// so the engine asks the platform at most every few hours per channel; and users known only from such a list
// (contacted = 0, never heard from), whose first event is still a first contact (the onboarding message).
inline constexpr const char* schema_v3_sql = R"sql(
ALTER TABLE users ADD COLUMN contacted INTEGER NOT NULL DEFAULT 1 CHECK (contacted IN (0, 1));

CREATE TABLE channel_syncs (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL COLLATE NOCASE,
    synced_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, channel)
) WITHOUT ROWID;
)sql";

// v4: a content item's language ("en" | "fr"; '' = for everyone, which every item of an upgraded file is), so a user
// gets items in their own language first (Contents::next_for).
inline constexpr const char* schema_v4_sql = R"sql(
ALTER TABLE contents ADD COLUMN lang TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'en', 'fr'));
)sql";

// v5: Microsoft Teams conversation references, what a proactive message needs (Bot Connector): for each owner (a
// user id "29:..." for the 1:1 chat, or a channel/group conversation id) in a tenant, the conversation id, the
// serviceUrl (opaque, may change: updated from every inbound activity), the bot's id, and whether the bot may still
// post there (alive = 0 after an uninstall or a 403 from the connector).
inline constexpr const char* schema_v5_sql = R"sql(
CREATE TABLE conversation_refs (
    tenant_id       TEXT NOT NULL,
    owner           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
    conversation_id TEXT NOT NULL,
    service_url     TEXT NOT NULL,
    bot_id          TEXT NOT NULL,
    alive           INTEGER NOT NULL DEFAULT 1 CHECK (alive IN (0, 1)),
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, owner)
) WITHOUT ROWID;
CREATE INDEX conversation_refs_by_conversation ON conversation_refs (conversation_id);
CREATE INDEX conversation_refs_by_tenant ON conversation_refs (tenant_id, alive, updated_at);
)sql";

// v6: each user's points and shares per ISO week, kept by triggers on points_ledger (insert, delete, update), so the
// weekly board, a user's rank, participation and team standings read index ranges instead of summing the week's
// ledger; the ledger stays the record. `group_name` follows the user's current team (trigger on users). Backfilled.
inline constexpr const char* schema_v6_sql = R"sql(
CREATE TABLE week_scores (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    week         TEXT NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_name   TEXT NOT NULL,
    points       INTEGER NOT NULL,
    shares       INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, week, user_id)
) WITHOUT ROWID;
CREATE INDEX week_scores_by_points ON week_scores (workspace_id, week, points);
CREATE INDEX week_scores_by_group ON week_scores (workspace_id, week, group_name, points);
CREATE INDEX week_scores_by_user ON week_scores (user_id, week);

CREATE TRIGGER points_ledger_add AFTER INSERT ON points_ledger BEGIN
    INSERT INTO week_scores (workspace_id, week, user_id, group_name, points, shares)
    VALUES (NEW.workspace_id, NEW.week, NEW.user_id,
            COALESCE((SELECT group_name FROM users WHERE id = NEW.user_id), ''), NEW.points, NEW.reason = 'share')
    ON CONFLICT (workspace_id, week, user_id)
    DO UPDATE SET points = points + excluded.points, shares = shares + excluded.shares;
END;
CREATE TRIGGER points_ledger_remove AFTER DELETE ON points_ledger BEGIN
    UPDATE week_scores SET points = points - OLD.points, shares = shares - (OLD.reason = 'share')
    WHERE workspace_id = OLD.workspace_id AND week = OLD.week AND user_id = OLD.user_id;
END;
CREATE TRIGGER points_ledger_change AFTER UPDATE OF workspace_id, week, user_id, points, reason ON points_ledger BEGIN
    UPDATE week_scores SET points = points - OLD.points, shares = shares - (OLD.reason = 'share')
    WHERE workspace_id = OLD.workspace_id AND week = OLD.week AND user_id = OLD.user_id;
    INSERT INTO week_scores (workspace_id, week, user_id, group_name, points, shares)
    VALUES (NEW.workspace_id, NEW.week, NEW.user_id,
            COALESCE((SELECT group_name FROM users WHERE id = NEW.user_id), ''), NEW.points, NEW.reason = 'share')
    ON CONFLICT (workspace_id, week, user_id)
    DO UPDATE SET points = points + excluded.points, shares = shares + excluded.shares;
END;
CREATE TRIGGER users_group_change AFTER UPDATE OF group_name ON users BEGIN
    UPDATE week_scores SET group_name = NEW.group_name WHERE user_id = NEW.id;
END;

INSERT INTO week_scores (workspace_id, week, user_id, group_name, points, shares)
SELECT p.workspace_id, p.week, p.user_id, u.group_name, SUM(p.points), SUM(p.reason = 'share')
FROM points_ledger AS p JOIN users AS u ON u.id = p.user_id
GROUP BY p.workspace_id, p.week, p.user_id;
)sql";

// v7: what [storage] retention purges (old "why" asks and link clicks) survives as anonymous monthly counts per
// content item (storage/retention.hpp), so campaign statistics over old periods stay right. No user column: forget-me
// has nothing to erase here.
inline constexpr const char* schema_v7_sql = R"sql(
CREATE TABLE interaction_rollups (
    content_id INTEGER NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('why_asked', 'intent_click', 'post_click')),
    month      TEXT NOT NULL,  -- 'YYYY-MM', UTC
    count      INTEGER NOT NULL,
    PRIMARY KEY (content_id, kind, month)
) WITHOUT ROWID;
)sql";

// v8: the admin dashboard's sign-in links (a nonce spent once) and sessions (the SHA-256 of the cookie, never the
// cookie), erased with their user (forget-me) by cascade (indexed by user for that; kept small by record_link's
// cleanup, so the expiry sweep may scan them); and two time indexes for the CSV export's oldest-first
// pages (storage/export.hpp). Each costs one more B-tree insert where its table is written: interactions_by_time on
// every interaction (the share path), deliveries_by_sent only when a push is marked sent (partial: pending and failed
// rows are not in it). The dashboard's per-workspace figures need no new index: they reach interactions through
// campaigns -> contents -> interactions_by_content_time (covering).
inline constexpr const char* schema_v8_sql = R"sql(
CREATE TABLE dashboard_links (
    nonce      TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) WITHOUT ROWID;
CREATE INDEX dashboard_links_by_user ON dashboard_links (user_id);

CREATE TABLE dashboard_sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX dashboard_sessions_by_user ON dashboard_sessions (user_id);

CREATE INDEX interactions_by_time ON interactions (at);
CREATE INDEX deliveries_by_sent ON deliveries (sent_at) WHERE sent_at IS NOT NULL;
)sql";

}  // namespace advocacy::storage
