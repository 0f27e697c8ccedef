// The Bolt-JS comparison app of issue 7: what teams usually deploy for an "I shared it" button.
// Bolt's default HTTPReceiver (or, with BOLT_RECEIVER=express, its ExpressReceiver) verifies the Slack signature (and the 5-minute timestamp window), parses the
// form-encoded block_actions payload and routes it to one action handler, which records the share in SQLite
// (better-sqlite3, WAL, synchronous=NORMAL, one prepared INSERT per request, autocommit) and acks with 200.
//
// Environment: SLACK_SIGNING_SECRET (required), SLACK_BOT_TOKEN (any xoxb- string; no Web API call is made),
// BOLT_DB (SQLite file, default ./shares.db), BOLT_PORT (default 0: any free port), BOLT_PORT_FILE (the bound port
// is written there once listening), SLACK_API_URL (Web API base; defaults to a closed port on 127.0.0.1 so that
// nothing can leave the machine), BOLT_RECEIVER (http, the default, or express).
'use strict';

const fs = require('node:fs');
const { App, ExpressReceiver, LogLevel } = require('@slack/bolt');
const Database = require('better-sqlite3');

const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) {
  console.error('app.js: SLACK_SIGNING_SECRET is not set');
  process.exit(2);
}

// --- Storage: one connection, WAL, synchronous=NORMAL, a prepared statement reused for every share.
const db = new Database(process.env.BOLT_DB || 'shares.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE IF NOT EXISTS shares (
    id         INTEGER PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    team_id    TEXT    NOT NULL,
    content_id INTEGER NOT NULL,
    shared_at  INTEGER NOT NULL,  -- Unix milliseconds
    UNIQUE (team_id, user_id, content_id)
  )`);
// A user shares an item once: a repeated click is not a second share.
const recordShare = db.prepare(
  'INSERT INTO shares (user_id, team_id, content_id, shared_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');

// --- Bolt app. botId/botUserId are given so Bolt does not call auth.test; the handler makes no Web API call.
const receiverKind = process.env.BOLT_RECEIVER || 'http';
if (receiverKind !== 'http' && receiverKind !== 'express') {
  console.error(`app.js: BOLT_RECEIVER must be http or express, not ${receiverKind}`);
  process.exit(2);
}
const receiver = receiverKind === 'express' ? new ExpressReceiver({ signingSecret, endpoints: '/slack/events' }) : undefined;
const app = new App({
  ...(receiver ? { receiver } : { signingSecret }),
  token: process.env.SLACK_BOT_TOKEN || 'xoxb-bench-token',
  botId: 'BBENCH',
  botUserId: 'UBENCHBOT',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL || 'http://127.0.0.1:9/api/' },
  logLevel: LogLevel.WARN,
});

app.action('advocacy_shared', async ({ ack, body, action, logger }) => {
  const contentId = Number.parseInt(action.value, 10);
  if (!Number.isSafeInteger(contentId) || contentId <= 0) {
    logger.warn(`advocacy_shared: bad content id ${JSON.stringify(action.value)}`);
    await ack();
    return;
  }
  // Record before acknowledging: a share the user is told about is in the database.
  recordShare.run(body.user.id, body.team ? body.team.id : body.user.team_id, contentId, Date.now());
  await ack();
});

app.error(async (error) => {
  console.error('bolt error:', error.message);
});

(async () => {
  const server = await app.start({ port: Number(process.env.BOLT_PORT || 0), host: '127.0.0.1' });
  const { port } = server.address();
  if (process.env.BOLT_PORT_FILE) fs.writeFileSync(process.env.BOLT_PORT_FILE, `${port}\n`);
  console.error(`bolt app (${receiverKind} receiver) listening on 127.0.0.1:${port}, database ${db.name} ` +
    `(journal_mode=${db.pragma('journal_mode', { simple: true })}, synchronous=${db.pragma('synchronous', { simple: true })})`);
})().catch((error) => {
  console.error('app.js: start failed:', error);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`${signal}: stopping`);
  try {
    await app.stop();
  } catch (error) {
    console.error('app.stop:', error.message);
  }
  db.close();
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
