#!/usr/bin/env bash
# bench/callgrind.sh BIN [N] [CONNS]: user-space instructions per "I shared it" confirmation, counted by callgrind
# (repeatable on a shared, noisy machine, unlike wall or CPU time; kernel time is not counted: use perf for that).
# Seeds a small program with the bot running normally (a campaign, 10 items, 300 users, one push), restarts it under
# `valgrind --tool=callgrind` with instrumentation off, sends 50 warm-up shares, then counts N more (default 1000)
# sent over CONNS keep-alive connections (default 8), and prints Ir per request and the top functions (inclusive).
# The follow-ups each share queues (chat.update to the fake Slack) are counted too: instrumentation stays on until
# the fake has answered them. Everything on 127.0.0.1, under a temp dir in /dev/shm (removed; KEEP=1 keeps it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: bench/callgrind.sh BIN [N] [CONNS]}; n=${2:-1000}; conns=${3:-8}
users=300; contents=10
for t in valgrind callgrind_control callgrind_annotate node python3 curl sqlite3; do
  command -v $t >/dev/null || { echo "bench/callgrind.sh: needs $t" >&2; exit 1; }; done
work=$(mktemp -d /dev/shm/advocacy-callgrind.XXXXXX)
export SLACK_SIGNING_SECRET="callgrind-secret-$RANDOM$RANDOM" SLACK_BOT_TOKEN="xoxb-bench-token"
fake_pid=""; bot_pid=""
stop_bot() { [ -n "$bot_pid" ] || return 0; kill "$bot_pid" 2>/dev/null || true
             for _ in $(seq 600); do kill -0 "$bot_pid" 2>/dev/null || break; sleep 0.1; done
             kill -KILL "$bot_pid" 2>/dev/null || true; wait "$bot_pid" 2>/dev/null || true; bot_pid=""; }
cleanup() { stop_bot; [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null; wait 2>/dev/null || true
            [ "${KEEP:-0}" = 1 ] && echo "work dir kept: $work" >&2 || rm -rf "$work"; }
trap cleanup EXIT
node "$here/fake_slack.js" "$work/fake.port" & fake_pid=$!
for _ in $(seq 100); do [ -s "$work/fake.port" ] && break; sleep 0.05; done
fake_port=$(cat "$work/fake.port")
export BENCH_HOOKS_URL="http://127.0.0.1:$fake_port/hooks"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/bench.toml" <<TOML
[server]
listen_address = "127.0.0.1"
port = $port
public_base_url = "http://127.0.0.1:$port"
[storage]
database = "$work/bench.db"
[slack]
enabled = true
mode = "http"
api_base_url = "http://127.0.0.1:$fake_port/api"
[admins]
slack = ["UADMIN0001"]
TOML
start() {  # start [wrapper...]: the bot, then wait for /readyz
  "$@" "$bin" serve "$work/bench.toml" >>"$work/serve.out" 2>>"$work/serve.err" & bot_pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
    kill -0 $bot_pid 2>/dev/null || { echo "bench/callgrind.sh: serve exited" >&2; tail "$work/serve.err" >&2; exit 1; }
    sleep 0.1; done
}
py() { python3 "$here/slack_bench.py" "$@"; }
counts() { curl -fsS "http://127.0.0.1:$fake_port/_counts" | python3 -c "import json,sys; print(json.load(sys.stdin).get('$1', 0))"; }

start
py slash $port UADMIN0001 'campaign create "Bench campaign" why="Benchmarks"' >/dev/null
for k in $(seq $contents); do
  py slash $port UADMIN0001 "content add 1 https://example.com/item/$k title=\"Bench item $k\" why=\"Because $k\" text=\"Proud of item $k\"" >/dev/null
done
content_ids=$(sqlite3 "$work/bench.db" "select group_concat(id) from contents")
py warm $port $users >/dev/null
py slash $port UADMIN0001 'push' >/dev/null || true
for _ in $(seq 1200); do [ "$(counts chat.postMessage)" -ge "$users" ] && break; sleep 0.1; done
stop_bot

start valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/callgrind.out"
py gen "$work/warm" 1 50 $users "$content_ids" advocacy_shared 0 >/dev/null
py send $port "$work/warm" 2 >/dev/null
py gen "$work/req" 1 "$n" $users "$content_ids" advocacy_shared 50 >&2
updates0=$(counts chat.update)
callgrind_control -i on $bot_pid >/dev/null
py send $port "$work/req" "$conns" >&2
for _ in $(seq 600); do [ $(( $(counts chat.update) - updates0 )) -ge "$n" ] && break; sleep 0.1; done
callgrind_control -i off $bot_pid >/dev/null
stop_bot
total=$(callgrind_annotate "$work"/callgrind.out* 2>/dev/null | awk '/PROGRAM TOTALS/ && !t {gsub(",","",$1); t=$1} END {print t}')
echo "callgrind: $total instructions for $n shares over $conns connections: $(( total / n )) Ir per share (follow-ups included)"
callgrind_annotate --inclusive=yes "$work"/callgrind.out* 2>/dev/null | grep -v '^-' | sed -n '/file:function/,$p' | head -${TOP:-60} || true
