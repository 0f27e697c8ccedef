// Bench-only fake Microsoft identity + Bot Connector on 127.0.0.1, for the Teams fan-out row (bench/fanout_teams.sh).
// Usage: node fake_teams.js PORT_FILE   (listens on an ephemeral port, writes it to PORT_FILE)
//   POST /token                                     client-credentials token: {"access_token": ..., "expires_in": 3600}
//   GET  /openid, GET /keys                         OpenID metadata and an empty key set (inbound is not benchmarked)
//   POST /amer/v3/conversations                     the 1:1 chat of members[0].id -> {"id": "a:chat-<user id>"}
//   POST /amer/v3/conversations/{id}/activities     a message -> {"id": "1:<n>"}, counted per conversation
//   PUT  /amer/v3/conversations/{id}/activities/{a} -> {"id": "<a>"}
//   GET  /_counts                                   calls per operation, 429s served, distinct conversations that
//                                                   received a message and how many received more than one
// FAKE_LATENCY_MS: added latency per connector call; FAKE_429_PERCENT: that share of connector calls answered
// 429 + Retry-After: 1. It also records the highest number of connector calls it saw per wall-clock second, to
// show that the bot stays within Teams' ~50 requests/s per app and tenant.
'use strict';
const http = require('http');
const fs = require('fs');
const latency = Number(process.env.FAKE_LATENCY_MS || 0);
const pct429 = Number(process.env.FAKE_429_PERCENT || 0);
const counts = {};
const messages = new Map();  // conversation id -> activities posted
let served429 = 0, activity = 0, connections = 0;
let second = 0, inSecond = 0, maxPerSecond = 0;
function reply(res, status, body, headers) {
  const text = JSON.stringify(body);
  res.writeHead(status, Object.assign({'content-type': 'application/json; charset=utf-8',
                                       'content-length': Buffer.byteLength(text)}, headers || {}));
  res.end(text);
}
function connector(req, res, raw) {
  const now = Math.floor(Date.now() / 1000);
  if (now !== second) { second = now; inSecond = 0; }
  maxPerSecond = Math.max(maxPerSecond, ++inSecond);
  if (pct429 > 0 && Math.random() * 100 < pct429) {
    served429 += 1;
    return reply(res, 429, {error: {code: 'TooManyRequests', message: 'throttled'}}, {'retry-after': '1'});
  }
  const parts = req.url.replace(/^\/amer\/v3\/conversations\/?/, '').split('/').map(decodeURIComponent);
  let body = {};
  try { body = JSON.parse(raw || '{}'); } catch { return reply(res, 400, {error: {code: 'BadSyntax'}}); }
  if (req.method === 'POST' && parts[0] === '') {
    counts.create_conversation = (counts.create_conversation || 0) + 1;
    const user = ((body.members || [])[0] || {}).id || 'unknown';
    return reply(res, 201, {id: 'a:chat-' + user});
  }
  if (req.method === 'POST' && parts[1] === 'activities') {
    counts.send = (counts.send || 0) + 1;
    messages.set(parts[0], (messages.get(parts[0]) || 0) + 1);
    return reply(res, 201, {id: '1:' + (++activity)});
  }
  if (req.method === 'PUT' && parts[1] === 'activities') {
    counts.update = (counts.update || 0) + 1;
    return reply(res, 200, {id: parts[2]});
  }
  return reply(res, 404, {error: {code: 'NotFound'}});
}
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString();
    const base = 'http://127.0.0.1:' + server.address().port;
    if (req.url === '/_counts') {
      let dups = 0; for (const n of messages.values()) if (n > 1) dups += 1;
      return reply(res, 200, Object.assign({}, counts, {_429: served429, _chats: messages.size, _duplicates: dups,
                                                        _max_per_second: maxPerSecond, _connections: connections}));
    }
    if (req.url.startsWith('/token')) {
      counts.token = (counts.token || 0) + 1;
      return reply(res, 200, {token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'bench-teams-token'});
    }
    if (req.url === '/openid') return reply(res, 200, {issuer: 'https://api.botframework.com', jwks_uri: base + '/keys'});
    if (req.url === '/keys') return reply(res, 200, {keys: []});
    if (req.url.startsWith('/amer/v3/conversations')) {
      setTimeout(() => connector(req, res, raw), latency);
      return;
    }
    reply(res, 404, {error: {code: 'NotFound'}});
  });
});
server.keepAliveTimeout = 120000;
server.on('connection', () => { connections += 1; });
server.listen(0, '127.0.0.1', () => fs.writeFileSync(process.argv[2], String(server.address().port)));
