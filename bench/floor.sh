#!/usr/bin/env bash
# bench/floor.sh FLOOR_BIN WORKDIR [DURATION] [CONNECTIONS] [RATE]: one row for bench/floor/floor_server, the
# issue's "minimal server" made of advocacy-bot's own parts (HTTP server, signature check, payload decode, JSON
# parse, one insert with group commit under synchronous=FULL; no engine, no follow-up), driven exactly like the
# bot's share rows (slack_bench.py gen, shares.lua, wrk, 2 threads). What the bot costs above this row is the
# product's work per share. Rows check: every 2xx has its committed row.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); . "$here/fanout_lib.sh"
bin=$1; work=$2/floor; duration=${3:-20}; c=${4:-50}; rate=${5:-8000}
rm -rf "$work"; mkdir -p "$work"
export SLACK_SIGNING_SECRET=${SLACK_SIGNING_SECRET:-"floor-secret-$RANDOM$RANDOM"}
export BENCH_HOOKS_URL=${BENCH_HOOKS_URL:-"http://127.0.0.1:9/hooks"}  # response_url in the payloads: never called here
port=$(free_port)
"$bin" "$port" "$work/floor.db" >"$work/floor.out" 2>"$work/floor.err" & pid=$!
trap 'stop_pid $pid' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "floor: server exited"; cat "$work/floor.err"; exit 1; }; sleep 0.01; done
threads=2; [ "$c" -lt 2 ] && threads=1
count=$(( rate * duration )); users=$(( count / 100 + 1 ))
python3 "$here/slack_bench.py" gen "$work/req" $threads $count $users "$(seq -s, 100)" advocacy_shared 0 >&2
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
echo 5 > "/proc/$pid/clear_refs" 2>/dev/null || true  # peak RSS of this run, not of start-up
cpu0=$(ticks $pid)
out=$(BENCH_REQ_DIR="$work/req" wrk -t$threads -c$c -d${duration}s --timeout 10s -s "$here/shares.lua" "http://127.0.0.1:$port/")
cpu1=$(ticks $pid)
line=$(grep '^BENCH' <<<"$out")
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
rows=$(sqlite3 "$work/floor.db" "select count(*) from floor_shares")
reqs=$(get requests); ok=$(get ok2xx)
cpu_us=$(awk -v a=$cpu0 -v b=$cpu1 -v t="$(getconf CLK_TCK)" -v n=$reqs 'BEGIN{printf "%.0f", (b-a)*1e6/t/(n>0?n:1)}')
expect=$ok; [ "$(get wraps)" != 0 ] && expect=$(get shares_sent)
extra=$(( rows - expect ))
check="rows $rows vs 2xx $expect: $([ $extra -ge 0 ] && [ $extra -le $c ] && echo "ok, +$extra in flight at stop (<= $c)" || echo "NO (diff $extra)")"
printf '| %-34s | %s req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %s µs CPU/req, peak RSS %d KiB, non-2xx %s, socket errors %s, %s |\n' \
  "floor server, $c conn, ${duration}s" "$(get rps)" "$(awk -v x=$(get p50_us) 'BEGIN{print x/1000}')" \
  "$(awk -v x=$(get p99_us) 'BEGIN{print x/1000}')" "$(awk -v x=$(get max_us) 'BEGIN{print x/1000}')" "$cpu_us" \
  "$(awk '$1=="VmHWM:" {print $2}' /proc/$pid/status)" "$(get non2xx)" "$(get sock_errors)" "$check"
case "$check" in *NO*) exit 1;; esac
