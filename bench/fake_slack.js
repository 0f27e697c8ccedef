// Bench-only fake Slack Web API on 127.0.0.1: answers every method with ok:true and the fields the bot reads.
// Node's http server (keep-alive, one core) so the fake is not the bottleneck of the follow-up traffic.
// Usage: node fake_slack.js PORT_FILE   (listens on an ephemeral port, writes it to PORT_FILE; counts calls)
// FAKE_LATENCY_MS: added latency per call; FAKE_429_PERCENT: that share of Web API calls (not auth.test) answered
// 429 + Retry-After: 1. GET /_counts: calls per method, 429s served, TCP connections accepted, the epoch ms of the first and last
// chat.postMessage answered (_first_post_ms, _last_post_ms), and per-DM chat.postMessage counts (distinct,
// duplicates) for the fan-out check.
'use strict';
const http = require('http');
const fs = require('fs');
const counts = {};
const latency = Number(process.env.FAKE_LATENCY_MS || 0);
const pct429 = Number(process.env.FAKE_429_PERCENT || 0);
const posted = new Map();  // channel -> chat.postMessage count
let served429 = 0;
let firstPostAt = 0, lastPostAt = 0;  // epoch ms of the first and latest chat.postMessage answered ok
let connections = 0;
let ts = 0;
function parse(body, type) {
  if ((type || '').includes('json')) { try { return JSON.parse(body); } catch { return {}; } }
  const out = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const method = req.url.replace(/^.*\/api\//, '').replace(/\?.*$/, '');
    if (req.url === '/_counts') {
      let dups = 0; for (const n of posted.values()) if (n > 1) dups += 1;
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(JSON.stringify(Object.assign({}, counts, {_429: served429, _dm_channels: posted.size, _dm_duplicates: dups, _connections: connections, _first_post_ms: firstPostAt, _last_post_ms: lastPostAt})));
      return;
    }
    setTimeout(() => answer(req, res, method, Buffer.concat(chunks).toString()), latency);
  });
});
function answer(req, res, method, raw) {
  {
    if (pct429 > 0 && method !== 'auth.test' && Math.random() * 100 < pct429) {
      served429 += 1;
      res.writeHead(429, {'content-type': 'application/json', 'retry-after': '1'});
      res.end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    if (!req.url.startsWith('/hooks/')) counts[method] = (counts[method] || 0) + 1;
    const a = parse(raw, req.headers['content-type']);
    const r = {ok: true};
    if (method === 'conversations.open') r.channel = {id: 'D' + (a.users || 'X')};
    else if (method === 'chat.postMessage') { lastPostAt = Date.now(); if (!firstPostAt) firstPostAt = lastPostAt; posted.set(a.channel, (posted.get(a.channel) || 0) + 1); r.channel = a.channel; r.ts = (1700000000 + ++ts) + '.000100'; }
    else if (method === 'chat.update') { r.channel = a.channel; r.ts = a.ts; }
    else if (method === 'chat.postEphemeral') r.message_ts = (1700000000 + ++ts) + '.000200';
    else if (method === 'users.info') {
      const id = a.user || 'U0';
      r.user = {id, name: 'name-' + id, real_name: 'Real ' + id, tz: 'UTC', locale: 'en-US', team_id: 'T1',
                profile: {display_name: 'Display ' + id, real_name: 'Real ' + id}};
    } else if (method === 'auth.test') { r.user_id = 'UBOT'; r.team_id = 'T1'; r.bot_id = 'BBOT'; }
    else if (method === 'conversations.list') { r.channels = []; r.response_metadata = {next_cursor: ''}; }
    else if (method === 'conversations.members') { r.members = []; r.response_metadata = {next_cursor: ''}; }
    else if (req.url.startsWith('/hooks/')) { counts['response_url'] = (counts['response_url'] || 0) + 1; res.writeHead(200, {'content-type': 'text/plain'}); res.end('ok'); return; }
    const body = JSON.stringify(r);
    res.writeHead(200, {'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body)});
    res.end(body);
  }
}
server.keepAliveTimeout = 120000;
// TCP connections accepted: the bot's client should reuse keep-alive connections, not open one per call.
server.on('connection', () => { connections += 1; });
server.listen(0, '127.0.0.1', () => fs.writeFileSync(process.argv[2], String(server.address().port)));
