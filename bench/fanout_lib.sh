# Sourced by bench/fanout.sh and bench/fanout_teams.sh: what both fan-out rows do the same way.
# stop_pid PID: SIGTERM, then SIGKILL after 15 s (a push in progress holds up a graceful shutdown).
stop_pid() { kill "$1" 2>/dev/null || return 0; for _ in $(seq 150); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
             echo "bench: pid $1 still running 15 s after SIGTERM: SIGKILL" >&2; kill -KILL "$1" 2>/dev/null || true; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# seed_program DB PLATFORM WORKSPACE_ID USER_ID_FORMAT USERS: one workspace, USERS users (printf format of their
# platform ids, numbered from 0), a campaign and one published item, all created a day ago.
seed_program() {
  local db=$1 platform=$2 workspace=$3 format=$4 users=$5 now; now=$(date +%s)
  sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
INSERT INTO workspaces (id, platform, external_id) VALUES (1, '$platform', '$workspace');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $users)
INSERT INTO users (id, workspace_id, platform_user_id, display_name, locale, time_zone, created_at)
SELECT i, 1, printf('$format', i - 1), 'Person ' || i, 'en-US', 'UTC', $now - 86400 FROM n;
INSERT INTO campaigns (id, workspace_id, name, slug, why, created_at) VALUES (1, 1, 'Fan-out', 'fan-out', 'Fan-out test', $now - 86400);
INSERT INTO contents (id, campaign_id, title, url, why, created_at) VALUES (1, 1, 'Item 1', 'https://example.com/item/1', 'Because', $now - 86400);
COMMIT;
SQL
}
