#!/usr/bin/env bash
# bench/fanout_teams.sh BIN WORKDIR USERS LATENCY_MS PERCENT_429: the Teams fan-out row. A fresh database (advocacy-bot
# migrate, then USERS Teams users of one tenant with the reference of their 1:1 chat with the bot, as installing the
# app leaves it, a campaign and one item), a fresh fake identity + Bot Connector (fake_teams.js) with
# that latency and 429 share, then the bot started on it with Teams only: the push time (00:00 UTC, every day) has
# passed, so the scheduler's first tick pushes the item to every user (one POST .../activities each).
# The row is the wall time from exec until the fake has seen a message in every user's chat (polled every 50 ms,
# bounded by USERS / 10 + 120 s), with the duplicates, the 429s honoured and the highest calls/s the fake saw.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); . "$here/fanout_lib.sh"; bin=$1; work=$2/fanout-teams-$4-$5; users=$3; lat=$4; pct=$5
tenant=11111111-2222-3333-4444-555555555555; app=00000000-0000-0000-0000-0000000000bb
rm -rf "$work"; mkdir -p "$work"
FAKE_LATENCY_MS=$lat FAKE_429_PERCENT=$pct node "$here/fake_teams.js" "$work/fake.port" & fake=$!
pid=""
trap '[ -n "$pid" ] && stop_pid $pid; kill $fake 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/fake.port" ] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$work/fake.port")"
port=$(free_port)
export BENCH_TEAMS_PASSWORD="bench-teams-password-$RANDOM"
cat > "$work/t.toml" <<TOML
[server]
listen_address = "127.0.0.1"
port = $port
[storage]
database = "$work/t.db"
[teams]
enabled = true
app_id = "$app"
tenant_id = "$tenant"
app_password_env = "BENCH_TEAMS_PASSWORD"
token_url = "$base/token"
openid_metadata_url = "$base/openid"
[program]
# Every day at midnight UTC, all at once (see fanout.sh).
push_time = "00:00"
working_days = "mon-sun"
stagger_window_minutes = 0
TOML
"$bin" migrate "$work/t.toml" >/dev/null
seed_program "$work/t.db" teams "$tenant" '29:user-%09d' "$users"
now=$(date +%s)
sqlite3 "$work/t.db" >/dev/null <<SQL
-- Each user installed the app (Teams only lets a bot message people who did), so the bot kept their 1:1 chat's
-- reference from the installation's conversationUpdate: one send per user, no POST /v3/conversations.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $users)
INSERT INTO conversation_refs (tenant_id, owner, kind, conversation_id, service_url, bot_id, alive, updated_at)
SELECT '$tenant', printf('29:user-%09d', i - 1), 'personal', printf('a:chat-29:user-%09d', i - 1), '$base/amer/',
       '28:$app', 1, $now - 86400 FROM n;
COMMIT;
SQL
t0=$(date +%s%N)
"$bin" serve "$work/t.toml" >"$work/t.out" 2>"$work/t.err" & pid=$!
until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "fanout_teams: serve exited"; cat "$work/t.err"; exit 1; }; sleep 0.01; done
t_ready=$(date +%s%N)
counts() { curl -fsS "$base/_counts"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))" "$1" "$2"; }
c=$(counts); done_=no
for _ in $(seq $(( (users / 10 + 120) * 20 ))); do
  c=$(counts); [ "$(field "$c" _chats)" -ge "$users" ] && { done_=yes; break; }; sleep 0.05; done
t1=$(date +%s%N)
sleep 1; c=$(counts)
if [ $done_ = yes ]; then when="$(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.2f", (b-a)/1e9}') s from exec"
else when="NOT FINISHED after $(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.0f", (b-a)/1e9}') s"; fi
printf '| %-34s | %s (ready after %d ms), messages in %s of %s chats, duplicates %s, 429s served %s, calls: create %s, send %s, max %s calls/s |\n' \
  "Teams fan-out $users, +${lat} ms, ${pct}% 429" "$when" $(( (t_ready - t0) / 1000000 )) \
  "$(field "$c" _chats)" "$users" "$(field "$c" _duplicates)" "$(field "$c" _429)" "$(field "$c" create_conversation)" \
  "$(field "$c" send)" "$(field "$c" _max_per_second)"
[ $done_ = yes ]
