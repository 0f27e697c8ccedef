#!/usr/bin/env python3
"""Bench-only helpers: signed Slack requests for advocacy-bot on 127.0.0.1.

  slash PORT USER TEXT            one signed slash command, prints the reply body
  warm PORT USERS                 one `me` per user, so every user exists before the runs
  gen OUTDIR THREADS COUNT USERS CONTENT_IDS ACTION [FIRST [mix]]
                                  pre-signed block_actions bodies for wrk (one file per wrk thread,
                                  a line per request: "kind<TAB>timestamp<TAB>signature<TAB>body"); pairs (user, content) are
                                  distinct until USERS*len(CONTENT_IDS) is exhausted
  send PORT REQDIR CONNS          sends every request of REQDIR's files once, over CONNS keep-alive connections
                                  (one thread each); prints "sent N 2xx K" (bench/callgrind.sh: a fixed count)
The signing secret comes from $SLACK_SIGNING_SECRET; response URLs point at the fake Slack's /hooks/ path
($BENCH_HOOKS_URL, e.g. http://127.0.0.1:PORT/hooks): nothing leaves the machine.
"""
import hashlib, hmac, json, os, sys, time, urllib.parse, urllib.request

SECRET = os.environ["SLACK_SIGNING_SECRET"].encode()
TEAM = "T1"
HOOKS = os.environ["BENCH_HOOKS_URL"]


def sign(ts, body):
    return "v0=" + hmac.new(SECRET, b"v0:" + ts.encode() + b":" + body.encode(), hashlib.sha256).hexdigest()


def user_id(i):
    return "U%09d" % i


def slash_body(user, text):
    return urllib.parse.urlencode({
        "token": "x", "team_id": TEAM, "team_domain": "bench", "channel_id": "C0BENCH", "channel_name": "bench",
        "user_id": user, "user_name": "name-" + user, "command": "/advocacy", "text": text,
        "api_app_id": "A1", "response_url": HOOKS + "/commands/T1/1/x", "trigger_id": "1.2.3"})


def slash(port, user, text):
    body = slash_body(user, text)
    ts = str(int(time.time()))
    req = urllib.request.Request("http://127.0.0.1:%s/slack/events" % port, data=body.encode(), method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sign(ts, body)})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read().decode()


# A realistic card: what Slack sends back is the whole clicked message (blocks), which makes the body ~4.4 KB.
def payload(user, content_id, action, n):
    channel = "D" + user
    msg_ts = "1700000000.%06d" % (n % 1000000)
    blocks = [
        {"type": "section", "block_id": "title", "text": {"type": "mrkdwn", "text": "*Bench item %d* <https://example.com/item/%d|example.com>" % (content_id, content_id), "verbatim": False}},
        {"type": "section", "block_id": "summary", "text": {"type": "mrkdwn", "text": "A summary of the content that explains what it is about and why people in the company care about it. " * 2, "verbatim": False}},
        {"type": "section", "block_id": "why", "text": {"type": "mrkdwn", "text": "*Why share this?* Customers asked for it and it is our biggest release this year, so telling your network matters. ", "verbatim": False}},
        {"type": "section", "block_id": "post", "text": {"type": "mrkdwn", "text": "> Proud of what we shipped! Take a look at what the team built this quarter. #employee", "verbatim": False}},
        {"type": "actions", "block_id": "share", "elements": [
            {"type": "button", "action_id": "advocacy_share_linkedin", "text": {"type": "plain_text", "text": "LinkedIn", "emoji": True}, "url": "https://bench.example/s/abcdefghijklmnop%d" % n},
            {"type": "button", "action_id": "advocacy_share_x", "text": {"type": "plain_text", "text": "X", "emoji": True}, "url": "https://bench.example/s/bcdefghijklmnopq%d" % n},
            {"type": "button", "action_id": "advocacy_share_facebook", "text": {"type": "plain_text", "text": "Facebook", "emoji": True}, "url": "https://bench.example/s/cdefghijklmnopqr%d" % n}]},
        {"type": "actions", "block_id": "act", "elements": [
            {"type": "button", "action_id": "advocacy_shared", "text": {"type": "plain_text", "text": "I shared it", "emoji": True}, "style": "primary", "value": str(content_id)},
            {"type": "button", "action_id": "advocacy_why", "text": {"type": "plain_text", "text": "Why share this?", "emoji": True}, "value": str(content_id)},
            {"type": "button", "action_id": "advocacy_skip", "text": {"type": "plain_text", "text": "Skip", "emoji": True}, "value": str(content_id)}]},
        {"type": "context", "block_id": "ctx", "elements": [{"type": "mrkdwn", "text": "Campaign: Bench campaign, day 1 of 30"}]},
    ]
    return {
        "type": "block_actions",
        "user": {"id": user, "username": "name-" + user, "name": "name-" + user, "team_id": TEAM},
        "api_app_id": "A0BENCH", "token": "verification-token-unused",
        "container": {"type": "message", "message_ts": msg_ts, "channel_id": channel, "is_ephemeral": False},
        "trigger_id": "1234567890.%d.abcdef0123456789abcdef0123456789" % n,
        "team": {"id": TEAM, "domain": "bench"},
        "enterprise": None, "is_enterprise_install": False,
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "subtype": "bot_message", "text": "Bench item %d" % content_id, "ts": msg_ts,
                    "bot_id": "BBOT", "blocks": blocks},
        "state": {"values": {}},
        "response_url": HOOKS + "/actions/T1/%d/abcdefghijklmnopqrstuvwx" % n,
        "actions": [{"action_id": action, "block_id": "act", "text": {"type": "plain_text", "text": "I shared it", "emoji": True},
                     "value": str(content_id), "style": "primary", "type": "button", "action_ts": "1700000001.%06d" % (n % 1000000)}],
    }


def gen(outdir, threads, count, users, content_ids, action, first=0, mix=False):
    """Requests first..first+count-1 of the sequence n -> (user n % users, content n // users): distinct pairs."""
    os.makedirs(outdir, exist_ok=True)
    files = [open(os.path.join(outdir, "req_%d.txt" % t), "w") for t in range(threads)]
    ts = str(int(time.time()))
    # The JSON is the same for every request but for the user, the content and a few per-click ids: encode it once
    # with markers, then substitute (@@USER@@ is %40%40USER%40%40 once encoded).
    tpl = "payload=" + urllib.parse.quote(json.dumps(payload("@@USER@@", 999999999, action, 888888), separators=(",", ":")), safe="")
    why_tpl = "payload=" + urllib.parse.quote(json.dumps(payload("@@USER@@", 999999999, "advocacy_why", 888888), separators=(",", ":")), safe="")
    why_parts = why_tpl.replace("%40%40USER%40%40", "\x00U\x00").replace("999999999", "\x00C\x00").replace("888888", "\x00N\x00").split("\x00")
    parts = tpl.replace("%40%40USER%40%40", "\x00U\x00").replace("999999999", "\x00C\x00").replace("888888", "\x00N\x00").split("\x00")
    size = 0
    sec = SECRET
    shares = 0
    for k in range(count):
        # mix: 80% shares (distinct pairs), 15% "why" clicks, 5% slash commands (me / leaderboard, alternating)
        kind = "share" if not mix or k % 20 < 16 else "why" if k % 20 < 19 else "slash"
        n = first + shares if kind == "share" else first + k
        u, c = n % users, str(content_ids[(n // users) % len(content_ids)])
        uid, n6 = user_id(u), "%06d" % (n % 1000000)
        if kind == "share":
            shares += 1
            body = "".join(uid if p == "U" else c if p == "C" else n6 if p == "N" else p for p in parts)
        elif kind == "why":
            body = "".join(uid if p == "U" else c if p == "C" else n6 if p == "N" else p for p in why_parts)
        else:
            body = slash_body(uid, "me" if (k // 20) % 2 == 0 else "leaderboard")
        size += len(body)
        sig = "v0=" + hmac.new(sec, ("v0:" + ts + ":" + body).encode(), hashlib.sha256).hexdigest()
        files[k % threads].write(kind + "\t" + ts + "\t" + sig + "\t" + body + "\n")
    for f in files:
        f.close()
    wrapped = first + shares > users * len(content_ids)
    print("generated %d requests (%d shares, pairs %d..%d), mean body %d bytes%s" % (count, shares, first, first + shares - 1, size // max(count, 1),
          ", WARNING: pairs repeat" if wrapped else ", all (user, content) pairs distinct"))


def warm(port, users, workers=64):
    """One signed `me` slash command per user: the bot learns every user (users.info, users row) before the runs."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(workers) as ex:
        results = list(ex.map(lambda i: slash(port, user_id(i), "me")[0], range(users)))
    bad = sum(1 for s in results if s != 200)
    print("warm-up: %d users, %d non-200" % (users, bad))
    return bad


def send(port, reqdir, conns):
    """Every pre-signed request of reqdir, once, over `conns` keep-alive connections: a fixed request count."""
    import http.client, threading
    lines = []
    for name in sorted(os.listdir(reqdir)):
        with open(os.path.join(reqdir, name)) as f:
            lines += [l.rstrip("\n").split("\t", 3) for l in f if l.strip()]
    ok = [0] * conns

    def run(k):
        c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=120)
        for kind, ts, sig, body in lines[k::conns]:
            c.request("POST", "/slack/events", body=body.encode(), headers={
                "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": sig})
            r = c.getresponse()
            r.read()
            ok[k] += 1 if 200 <= r.status < 300 else 0
        c.close()
    threads = [threading.Thread(target=run, args=(k,)) for k in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("sent %d 2xx %d" % (len(lines), sum(ok)))
    return len(lines) - sum(ok)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "slash":
        status, text = slash(sys.argv[2], sys.argv[3], sys.argv[4])
        print(status, text)
        sys.exit(0 if status == 200 else 1)
    elif cmd == "gen":
        gen(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), [int(x) for x in sys.argv[6].split(",")], sys.argv[7],
            int(sys.argv[8]) if len(sys.argv) > 8 else 0, len(sys.argv) > 9 and sys.argv[9] == "mix")
    elif cmd == "send":
        sys.exit(1 if send(sys.argv[2], sys.argv[3], int(sys.argv[4])) else 0)
    elif cmd == "warm":
        sys.exit(1 if warm(sys.argv[2], int(sys.argv[3])) else 0)
    else:
        sys.exit(__doc__)
