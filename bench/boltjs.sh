#!/usr/bin/env bash
# bench/boltjs.sh: the Bolt-JS comparison row of issue 7. Installs the pinned Bolt-JS app (bench/boltjs/), starts it on
# 127.0.0.1 with a random signing secret and a SQLite file in /dev/shm, pre-signs "I shared it" block_actions requests
# with the main harness's generator (slack_bench.py gen), drives the app with wrk + shares.lua, and prints ONE Markdown
# table row in bench/run's share-row format (diagnostics go to stderr).
# Options: --duration S (default 20)  --connections N (default 50)  --smoke (3 s)
#          --rate R (expected req/s: sizes the pre-signed request set, default 8000)
#          --users N (default 5000)  --contents K (default 100): N x K distinct (user, item) pairs
#          --receiver http|express (Bolt's default HTTPReceiver, or its ExpressReceiver; default http)
#          --keep (keep the work dir: database, app log, requests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); app_dir="$here/boltjs"
duration=20; conns=50; rate=8000; users=5000; contents=100; keep=0; receiver=http
while [ $# -gt 0 ]; do case "$1" in
  --duration) duration=$2; shift 2;; --connections) conns=$2; shift 2;; --smoke) duration=3; shift;;
  --rate) rate=$2; shift 2;; --users) users=$2; shift 2;; --contents) contents=$2; shift 2;;
  --receiver) receiver=$2; shift 2;; --keep) keep=1; shift;; *) echo "bench/boltjs.sh: unknown option $1" >&2; exit 2;; esac; done
"$here/needs" wrk sqlite3 node npm python3 curl sha256sum timeout

# --- Install the pinned packages when node_modules is missing or was installed from another lock file.
lock_sum=$(sha256sum "$app_dir/package-lock.json" | cut -d' ' -f1)
stamp="$app_dir/node_modules/.bench-lock.sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "bench/boltjs.sh: npm ci (better-sqlite3 builds from source here: about 1-2 minutes)" >&2
  # node-gyp uses this Node's own headers (/usr/include/node) instead of downloading them.
  nodedir=""; [ -f /usr/include/node/node.h ] && nodedir=/usr
  (cd "$app_dir" && npm_config_nodedir=$nodedir timeout 900 npm ci --no-audit --no-fund >&2)
  (cd "$app_dir" && node -e "require('better-sqlite3'); require('@slack/bolt')") \
    || { echo "bench/boltjs.sh: the installed packages do not load" >&2; exit 1; }
  echo "$lock_sum" > "$stamp"
fi

work=$(mktemp -d /dev/shm/advocacy-boltjs.XXXXXX)
export SLACK_SIGNING_SECRET="bench-signing-secret-$RANDOM$RANDOM$RANDOM" SLACK_BOT_TOKEN="xoxb-bench-token"
# response_url of the generated requests: a closed port on 127.0.0.1 (the Bolt handler never calls it).
export BENCH_HOOKS_URL="http://127.0.0.1:9/hooks"
app_pid=""
stop_app() {  # SIGTERM, then SIGKILL after 10 s
  kill "$app_pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "bench/boltjs.sh: app pid $app_pid still running 10 s after SIGTERM: SIGKILL" >&2; kill -KILL "$app_pid" 2>/dev/null || true
}
cleanup() { [ -n "$app_pid" ] && stop_app; wait 2>/dev/null || true
            if [ $keep = 1 ]; then echo "work dir kept: $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
ulimit -n 4096 2>/dev/null || true

# --- Start the app (node is the process measured: its pid is $!).
BOLT_RECEIVER=$receiver BOLT_DB="$work/shares.db" BOLT_PORT_FILE="$work/app.port" node "$app_dir/app.js" >"$work/app.out" 2>"$work/app.err" & app_pid=$!
for _ in $(seq 200); do [ -s "$work/app.port" ] && break
  kill -0 $app_pid 2>/dev/null || { echo "bench/boltjs.sh: app exited" >&2; cat "$work/app.err" >&2; exit 1; }; sleep 0.05; done
[ -s "$work/app.port" ] || { echo "bench/boltjs.sh: app not listening after 10 s" >&2; cat "$work/app.err" >&2; exit 1; }
port=$(cat "$work/app.port")
rows() { sqlite3 "$work/shares.db" "select count(*) from shares"; }

# --- Requests: the main harness's generator, content ids 1..K (the app keeps no content table).
py() { python3 "$here/slack_bench.py" "$@"; }
threads=2; [ "$conns" -lt 2 ] && threads=1
count=$(( rate * duration )); pairs=$(( users * contents ))
[ $count -gt $(( pairs - 1 )) ] && count=$(( pairs - 1 ))
content_ids=$(seq -s, 1 "$contents")
# One request outside wrk's range first (the last pair): checks that the app accepts the generator's signatures.
py gen "$work/check" 1 1 "$users" "$content_ids" advocacy_shared $(( pairs - 1 )) >/dev/null
IFS=$'\t' read -r _ ts sig body < "$work/check/req_0.txt"
code=$(printf '%s' "$body" | curl -sS -o "$work/check.out" -w '%{http_code}' --max-time 10 -X POST \
  -H 'Content-Type: application/x-www-form-urlencoded' -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" \
  --data-binary @- "http://127.0.0.1:$port/slack/events")
# ... and rejects a bad signature (Bolt's verification is on): 401, no row.
badsig="v0=$([ "${sig:3:1}" = 0 ] && echo 1 || echo 0)${sig:4}"   # the same signature, first hex digit changed
bad=$(printf '%s' "$body" | curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X POST \
  -H 'Content-Type: application/x-www-form-urlencoded' -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $badsig" \
  --data-binary @- "http://127.0.0.1:$port/slack/events")
r=$(rows)
[ "$bad" = 401 ] || { echo "bench/boltjs.sh: a bad signature was answered $bad (expected 401)" >&2; exit 1; }
[ "$code" = 200 ] && [ "$r" = 1 ] || { echo "bench/boltjs.sh: check request answered $code, rows $r" >&2; cat "$work/app.err" >&2; exit 1; }
g=$(py gen "$work/req" $threads $count "$users" "$content_ids" advocacy_shared 0); echo "$g" >&2

# --- One wrk run, the same measurements as bench/run's share rows.
stat_cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }   # utime+stime in clock ticks
tck=$(getconf CLK_TCK)
kb() { awk -v k="$2:" '$1==k {print $2}' "/proc/$1/status"; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
rows0=$(rows); cpu0=$(stat_cpu $app_pid)
out=$(BENCH_REQ_DIR="$work/req" timeout $(( duration + 60 )) wrk -t$threads -c$conns -d${duration}s --timeout 10s \
  -s "$here/shares.lua" "http://127.0.0.1:$port/")
cpu1=$(stat_cpu $app_pid)
sleep 0.5
rows1=$(rows)
line=$(grep '^BENCH' <<<"$out") || { echo "bench/boltjs.sh: no BENCH line from wrk:" >&2; echo "$out" >&2; exit 1; }
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
reqs=$(get requests); ok=$(get ok2xx); nrows=$((rows1 - rows0))
cpu_us=$(awk -v a=$cpu0 -v b=$cpu1 -v t=$tck -v n=$reqs 'BEGIN{printf "%.0f", (b-a)*1e6/t/(n>0?n:1)}')
expect=$ok; what="2xx"
extra=$(( nrows - expect ))
if [ "$(get wraps)" != 0 ]; then  # repeats after a wrap answer 200 without a new row: compare with distinct shares sent
  expect=$(get shares_sent); what="distinct shares sent (list wrapped: raise --rate)"; extra=$(( nrows - expect ))
  check="rows $nrows vs $what $expect: $([ $extra -le 0 ] && [ $extra -ge -$conns ] && echo "ok, $(( -extra )) sent but not committed at stop (<= $conns)" || echo "NO (diff $extra)")"
else
  # wrk stops with up to one request in flight per connection, which the app may still commit.
  check="rows $nrows vs $what $expect: $([ $extra -ge 0 ] && [ $extra -le $conns ] && echo "ok, +$extra in flight at stop (<= $conns)" || echo "NO (diff $extra)")"
fi
label=""; [ "$receiver" = http ] || label="$receiver receiver, "
printf '| %-34s | %s req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %s µs CPU/req, peak RSS %d KiB, non-2xx %s, socket errors %s, %s |\n' \
  "Bolt-JS 5.1 shares, $label$conns conn, ${duration}s" "$(get rps)" "$(awk -v x=$(get p50_us) 'BEGIN{print x/1000}')" \
  "$(awk -v x=$(get p99_us) 'BEGIN{print x/1000}')" "$(awk -v x=$(get max_us) 'BEGIN{print x/1000}')" "$cpu_us" \
  "$(kb $app_pid VmHWM)" "$(get non2xx)" "$(get sock_errors)" "$check"
grep -i -v -e 'signature mismatch' "$work/app.err" | head -20 >&2 || true  # the mismatch warning is the 401 check's
