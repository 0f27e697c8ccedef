-- wrk script: cycles over pre-signed Slack requests, one file per wrk thread ($BENCH_REQ_DIR/req_<n>.txt, lines
-- "kind<TAB>timestamp<TAB>signature<TAB>body", kind: share, why or slash). Counts 2xx and non-2xx per thread, and how often a thread wrapped around its
-- list (after a wrap, requests repeat and are no longer distinct shares), and the shares sent before any wrap.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local dir = os.getenv("BENCH_REQ_DIR")
  reqs = {}
  kinds = {}
  for line in io.lines(dir .. "/req_" .. id .. ".txt") do
    local kind, ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.*)$")
    kinds[#reqs + 1] = kind
    reqs[#reqs + 1] = wrk.format("POST", "/slack/events", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Slack-Request-Timestamp"] = ts,
      ["X-Slack-Signature"] = sig,
    }, body)
  end
  i = 0
  ok = 0
  bad = 0
  wraps = 0
  shares = 0
end

function request()
  i = i + 1
  if i > #reqs then i = 1; wraps = wraps + 1 end
  if wraps == 0 and kinds[i] == "share" then shares = shares + 1 end
  return reqs[i]
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local tok, tbad, twraps, tshares = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    tok = tok + t:get("ok"); tbad = tbad + t:get("bad"); twraps = twraps + t:get("wraps"); tshares = tshares + t:get("shares")
  end
  io.write(string.format("BENCH requests=%d ok2xx=%d non2xx=%d wraps=%d shares_sent=%d sock_errors=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d duration_us=%d\n",
    summary.requests, tok, tbad, twraps, tshares,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), latency.max, summary.duration))
end
