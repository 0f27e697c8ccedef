#!/usr/bin/env bash
# bench/scale.sh BIN WORKDIR: leaderboard at scale and start-to-ready on a big database. Called by bench/run (--scale).
# 100,000 users in 50 teams, 2,000,000 interactions (800,000 shares with their points_ledger rows over 12 ISO weeks,
# 1,200,000 "why" asks; items 201-220 are never shared, for the share run below), generated straight into SQLite with the sqlite3 shell after `advocacy-bot migrate`. Then:
# the engine's SQL (storage/indexed_queries.hpp) timed in the sqlite3 shell, and the same work through the bot:
# signed `/advocacy leaderboard`, `me`, `stats 1` slash commands, timed at the client (best of 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); bin=$1; work=$2
users=${SCALE_USERS:-100000}; per_user=20; shares_per_user=8
db="$work/scale.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export BENCH_HOOKS_URL="http://127.0.0.1:$(cat "$work/fake.port")/hooks"  # response URLs: the fake, never slack.com
cat > "$work/scale.toml" <<TOML
[server]
listen_address = "127.0.0.1"
port = $port
[storage]
database = "$db"
[slack]
enabled = true
mode = "http"
api_base_url = "http://127.0.0.1:$(cat "$work/fake.port")/api"
[program]
# No daily push during the measurements: today (UTC, the users' zone) is not a working day. (A push time "12 hours
# ahead" wrapped to earlier today after noon, and the bot then pushed to all 100,000 users while being measured.)
working_days = "$(python3 -c 'import datetime; d=datetime.datetime.utcnow().weekday(); print(",".join(n for i, n in enumerate(["mon","tue","wed","thu","fri","sat","sun"]) if i != d))')"
stagger_window_minutes = 0
leaderboard = "$(python3 -c 'import datetime; print((datetime.date.today() + datetime.timedelta(days=3)).strftime("%a").lower() + " 12:00")')"
[admins]
slack = ["UADMIN0001"]
TOML
"$bin" migrate "$work/scale.toml" >/dev/null
now=$(date +%s)
weeks=$(python3 -c "
import datetime; d=datetime.date.today()
print(','.join(\"'%d-W%02d'\" % (d - datetime.timedelta(weeks=i)).isocalendar()[:2] for i in range(12)))")
this_week=$(cut -d, -f1 <<<"$weeks")
t0=$(date +%s)
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;
BEGIN;
INSERT INTO workspaces (id, platform, external_id) VALUES (1, 'slack', 'T1');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $users)
INSERT INTO users (id, workspace_id, platform_user_id, display_name, locale, time_zone, group_name, created_at)
SELECT i, 1, printf('U%09d', i - 1), 'Person ' || i, 'en-US', 'UTC', 'team' || (i % 50), $now - 86400 * 90 FROM n;
INSERT INTO users (workspace_id, platform_user_id, display_name, is_admin, created_at) VALUES (1, 'UADMIN0001', 'Admin', 1, $now);
INSERT INTO campaigns (id, workspace_id, name, slug, why, created_at) VALUES (1, 1, 'Scale', 'scale', 'Scale test', $now - 86400 * 90);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 220)
INSERT INTO contents (id, campaign_id, title, url, why, created_at)
SELECT i, 1, 'Item ' || i, 'https://example.com/item/' || i, 'Because', $now - 86400 * 90 FROM n;
CREATE TEMP TABLE weeks (k INTEGER PRIMARY KEY, week TEXT);
INSERT INTO weeks (week) VALUES ($(sed "s/,/),(/g" <<<"$weeks"));
-- k 0..19 per user: the first $shares_per_user are shares of distinct contents, the rest "why" asks.
-- Week of a share: ISO week (u + k) % 12 back from this one (k rows 1..12 = weeks 0..11 back).
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $users * $per_user - 1)
INSERT INTO interactions (user_id, content_id, kind, at)
SELECT i / $per_user + 1, ((i / $per_user) * 7 + i % $per_user) % 200 + 1,
       CASE WHEN i % $per_user < $shares_per_user THEN 'shared' ELSE 'why_asked' END,
       $now - 7 * 86400 * (((i / $per_user) + i % $per_user) % 12) - (i % 3600)
FROM n;
INSERT INTO points_ledger (workspace_id, user_id, week, points, reason, content_id, at)
SELECT 1, i.user_id, w.week, 10, 'share', i.content_id, i.at
FROM interactions AS i JOIN weeks AS w ON w.k = ((i.user_id - 1) + (i.id - 1) % $per_user) % 12 + 1
WHERE i.kind = 'shared';
COMMIT;
ANALYZE;
SQL

t1=$(date +%s)
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
size_kib=$(( $(stat -c %s "$db") / 1024 ))
counts=$(sqlite3 "$db" "select (select count(*) from users)||' users, '||(select count(*) from interactions)||' interactions, '||(select count(*) from points_ledger)||' ledger rows, '||(select count(*) from points_ledger where week=$this_week)||' this week, '||(select count(*) from week_scores)||' week_scores rows'")
echo "scale db generated in $((t1 - t0)) s: $counts, $size_kib KiB" >&2

# The engine's SQL, in the sqlite3 shell (best of 3 each; the shell's own cost included).
time_sql() {  # label sql
  local best=999999999 t
  for _ in 1 2 3; do
    t=$(printf '.timer on\n.output /dev/null\n%s;\n' "$2" | sqlite3 "$db" 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1)
    t=$(awk -v x=$t 'BEGIN{printf "%d", x*1000000}'); [ "$t" -lt "$best" ] && best=$t
  done
  echo "$1 $(awk -v x=$best 'BEGIN{printf "%.1f", x/1000}') ms"
}
# Copies of storage/indexed_queries.hpp (week_top, group_points, users_ahead, active_advocates) with values bound.
sql_week=$(time_sql week_top "SELECT s.user_id, u.display_name, u.group_name, u.leaderboard_opt_out, s.points, s.shares FROM week_scores AS s JOIN users AS u ON u.id = s.user_id WHERE s.workspace_id = 1 AND s.week = $this_week AND s.points > 0 AND u.leaderboard_opt_out = 0 ORDER BY s.points DESC, s.user_id DESC LIMIT 10")
sql_groups=$(time_sql group_points "WITH week AS (SELECT group_name, SUM(points) AS pts, COUNT(*) AS active FROM week_scores WHERE workspace_id = 1 AND week = $this_week AND group_name <> '' AND points > 0 GROUP BY group_name), teams AS (SELECT group_name, COUNT(*) AS members FROM users WHERE workspace_id = 1 AND group_name <> '' GROUP BY group_name) SELECT teams.group_name, COALESCE(week.pts, 0) AS pts, COALESCE(week.active, 0), teams.members FROM teams LEFT JOIN week ON week.group_name = teams.group_name ORDER BY pts DESC, teams.group_name")
sql_ahead=$(time_sql users_ahead "SELECT COUNT(*) FROM week_scores WHERE workspace_id = 1 AND week = $this_week AND points > 10")
sql_active=$(time_sql active_advocates "SELECT COUNT(*) FROM week_scores WHERE workspace_id = 1 AND week = $this_week AND shares > 0")
printf '| %-34s | %s; %s; %s; %s (.timer, best of 3) |\n' "leaderboard SQL, sqlite3 shell" "$sql_week" "$sql_groups" "$sql_ahead" "$sql_active"

# The bot on that database: start to /readyz, then the slash commands.
t0=$(date +%s%N)
"$bin" serve "$work/scale.toml" >"$work/scale.out" 2>"$work/scale.err" & pid=$!
stop_pid() { kill "$1" 2>/dev/null || return 0; for _ in $(seq 150); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
             echo "bench: pid $1 still running 15 s after SIGTERM: SIGKILL" >&2; kill -KILL "$1" 2>/dev/null || true; }
trap 'stop_pid $pid' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "scale: serve exited"; cat "$work/scale.err"; exit 1; }; sleep 0.005; done
t1=$(date +%s%N)
printf '| %-34s | %d ms on a %d MiB database (%s), RSS after %d KiB |\n' "start to /readyz, big db" $(( (t1 - t0) / 1000000 )) $(( size_kib / 1024 )) "$counts" \
  "$(awk '$1=="VmRSS:" {print $2}' /proc/$pid/status)"
BENCH_DIR="$here" PYTHONDONTWRITEBYTECODE=1 python3 - "$port" <<'PY'
import os, sys, time
sys.path.insert(0, os.environ["BENCH_DIR"])
import slack_bench as sb
port = sys.argv[1]
def best(user, text):
    ts = []
    for _ in range(5):
        t = time.perf_counter(); status, body = sb.slash(port, user, text); ts.append((time.perf_counter() - t) * 1000)
        assert status == 200, body
    return min(ts), body
sb.slash(port, "U000000000", "help")  # users.info of the two users, outside the timing
row = []
for label, user, text in [("leaderboard", "U000000042", "leaderboard"), ("me (a user's rank)", "U000000042", "me"),
                          ("stats 1 (week)", "UADMIN0001", "stats 1"), ("stats 1 all", "UADMIN0001", "stats 1 all")]:
    ms, body = best(user, text)
    row.append("%s %.1f ms" % (label, ms))
print("| %-34s | %s (client-side, best of 5, HTTP + signature included) |" % ("leaderboard via slash commands", "; ".join(row)))
PY

# Share confirmations on this database (a late-week Monday-morning load: the week already holds many shares).
dur=${SCALE_DURATION:-10}; n=$(( ${SCALE_RATE:-1500} * dur ))
python3 "$here/slack_bench.py" gen "$work/sreq" 2 $n $users "$(seq -s, 201 220)" advocacy_shared 0 >&2
rows0=$(sqlite3 "$db" "select count(*) from interactions where kind='shared'")
cpu0=$(awk '{print $14+$15}' /proc/$pid/stat)
perf_pid=""
if [ "${SCALE_PERF:-0}" = 1 ]; then  # call graphs need dwarf: the build has no frame pointers
  perf record --call-graph dwarf,16384 -F 100 -p $pid -o "$work/scale-perf.data" -- sleep 5 >/dev/null 2>&1 & perf_pid=$!
fi
line=$(BENCH_REQ_DIR="$work/sreq" wrk -t2 -c50 -d${dur}s --timeout 10s -s "$here/shares.lua" "http://127.0.0.1:$port/" | grep '^BENCH')
cpu1=$(awk '{print $14+$15}' /proc/$pid/stat)
sleep 0.5
rows1=$(sqlite3 "$db" "select count(*) from interactions where kind='shared'")
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
printf '| %-34s | %s req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %s µs CPU/req, peak RSS %d KiB, non-2xx %s, socket errors %s, rows %d vs 2xx %s (ok when 0 <= diff <= 50: in flight at stop), wraps %s |\n' \
  "shares on the $users-user db, 50 conn, ${dur}s" "$(get rps)" "$(awk -v x=$(get p50_us) 'BEGIN{print x/1000}')" "$(awk -v x=$(get p99_us) 'BEGIN{print x/1000}')" \
  "$(awk -v x=$(get max_us) 'BEGIN{print x/1000}')" "$(awk -v a=$cpu0 -v b=$cpu1 -v t=$(getconf CLK_TCK) -v n=$(get requests) 'BEGIN{printf "%.0f", (b-a)*1e6/t/(n>0?n:1)}')" \
  "$(awk '$1=="VmHWM:" {print $2}' /proc/$pid/status)" "$(get non2xx)" "$(get sock_errors)" $((rows1 - rows0)) "$(get ok2xx)" "$(get wraps)"
if [ -n "$perf_pid" ]; then
  wait $perf_pid || true
  perf report -i "$work/scale-perf.data" --children --sort symbol --stdio -g none --percent-limit 2 2>/dev/null | grep '%' | grep -v '^#' | cut -c1-160 > "$work/scale-perf.txt" || true
  echo "perf (shares on the big db, inclusive time, >= 2%):" >&2; cat "$work/scale-perf.txt" >&2
fi
