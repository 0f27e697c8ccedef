#!/usr/bin/env bash
# bench/fanout.sh BIN WORKDIR USERS LATENCY_MS PERCENT_429: one fan-out row. A fresh database (advocacy-bot migrate,
# then USERS Slack users, a campaign and one item inserted with the sqlite3 shell, no DM opened yet), a fresh fake
# Slack with that latency and 429 share, then the bot started on it: the push time (00:00 UTC, every day) has
# passed, so the scheduler's first tick pushes the item to every user. The row is the wall time from exec until the
# fake has seen one chat.postMessage per user (polled every 50 ms, at most 300 s), with the bot's CPU time and peak
# RSS at that moment. (`/advocacy push` answered "something went wrong" on the tree measured: see RESULTS.md.)
# FANOUT_MAX_IN_FLIGHT=N sets [slack] max_in_flight_per_method (binaries before it existed reject the key).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); . "$here/fanout_lib.sh"; bin=$1; work=$2/fanout-$4-$5; users=$3; lat=$4; pct=$5
mkdir -p "$work"; rm -f "$work"/f.db "$work"/f.db-wal "$work"/f.db-shm "$work/fake.port"  # a fresh database every time
# bench/run exports these; alone, the row needs some (the fake accepts any token).
export SLACK_BOT_TOKEN=${SLACK_BOT_TOKEN:-xoxb-bench-token} SLACK_SIGNING_SECRET=${SLACK_SIGNING_SECRET:-bench-signing-secret}
FAKE_LATENCY_MS=$lat FAKE_429_PERCENT=$pct node "$here/fake_slack.js" "$work/fake.port" & fake=$!
pid=""
trap '[ -n "$pid" ] && stop_pid $pid; kill $fake 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/fake.port" ] && break; sleep 0.05; done
export BENCH_HOOKS_URL="http://127.0.0.1:$(cat "$work/fake.port")/hooks"  # response URLs: the fake, never slack.com
port=$(free_port)
cat > "$work/f.toml" <<TOML
[server]
listen_address = "127.0.0.1"
port = $port
[storage]
database = "$work/f.db"
[slack]
enabled = true
mode = "http"
api_base_url = "http://127.0.0.1:$(cat "$work/fake.port")/api"
${FANOUT_MAX_IN_FLIGHT:+max_in_flight_per_method = $FANOUT_MAX_IN_FLIGHT}
[program]
# Every day, at midnight UTC, all at once: the push is due whenever the row runs (with the default 09:00 the bot
# pushed nothing before 09:00 UTC, and the row waited for its 5-minute limit).
push_time = "00:00"
working_days = "mon-sun"
stagger_window_minutes = 0
[admins]
slack = ["UADMIN0001"]
TOML
"$bin" migrate "$work/f.toml" >/dev/null
seed_program "$work/f.db" slack T1 'U%09d' "$users"
sqlite3 "$work/f.db" "INSERT INTO users (workspace_id, platform_user_id, display_name, is_admin, created_at) VALUES (1, 'UADMIN0001', 'Admin', 1, $(date +%s))" >/dev/null
t0=$(date +%s%N)
"$bin" serve "$work/f.toml" >"$work/f.out" 2>"$work/f.err" & pid=$!
until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "fanout: serve exited"; cat "$work/f.err"; exit 1; }; sleep 0.01; done
t_ready=$(date +%s%N)
counts() { curl -fsS "http://127.0.0.1:$(cat "$work/fake.port")/_counts"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))" "$1" "$2"; }
c=$(counts)
for _ in $(seq 6000); do
  c=$(counts); [ "$(field "$c" _dm_channels)" -ge "$users" ] && break; sleep 0.05; done
t1=$(date +%s%N)
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat")  # the bot's user+system CPU
rss=$(awk '$1 == "VmHWM:" {print $2}' "/proc/$pid/status")
sleep 1; c=$(counts)
first=$(field "$c" _first_post_ms)
printf '| %-34s | %.2f s from exec (ready after %d ms, first DM after %.2f s), DMs to %s of %s users, duplicates %s, 429s served %s, calls: conversations.open %s, chat.postMessage %s, TCP connections %s, bot CPU %s s, peak RSS %s KiB |\n' \
  "fan-out $users DMs, +${lat} ms, ${pct}% 429" "$(awk -v a=$t0 -v b=$t1 'BEGIN{print (b-a)/1e9}')" $(( (t_ready - t0) / 1000000 )) \
  "$(awk -v a=$t0 -v f=$first 'BEGIN{print (f > 0 ? f * 1e6 - a : 0) / 1e9}')" \
  "$(field "$c" _dm_channels)" "$users" "$(field "$c" _dm_duplicates)" "$(field "$c" _429)" "$(field "$c" conversations.open)" "$(field "$c" chat.postMessage)" "$(field "$c" _connections)" "$cpu" "$rss"
