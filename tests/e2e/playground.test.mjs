#!/usr/bin/env node
// End-to-end: the real `advocacy-bot demo` (real engine, real SQLite file) driven through the web playground in a
// real headless Chromium. See docs/e2e.md.
//
//   node tests/e2e/playground.test.mjs ADVOCACY_BOT_BINARY [SCREENSHOT.png]
//
// Every wait is on a page or database condition with a timeout; the demo is always stopped with SIGTERM at the end
// and must exit 0. On failure: the demo's output, a screenshot (SCREENSHOT-failure.png) and the temp dir are kept.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { CHROMIUM, openBrowser } from "./lib/browser.mjs";
import { count, lit, query, scalar } from "./lib/db.mjs";
import { startDemo } from "./lib/demo.mjs";

const [binary, screenshotArg] = process.argv.slice(2);
if (!binary) {
  console.error("usage: node playground.test.mjs ADVOCACY_BOT_BINARY [SCREENSHOT.png]");
  process.exit(2);
}
const screenshot = path.resolve(screenshotArg || "e2e-playground.png");
const dmScreenshot = screenshot.replace(/\.png$/, "") + "-dm.png";
const frScreenshot = screenshot.replace(/\.png$/, "") + "-fr.png";
const failureScreenshot = screenshot.replace(/\.png$/, "") + "-failure.png";

const TIMEOUT = {
  step: 15_000,      // a reply to something the person did
  delivery: 45_000,  // a push: the scheduler ticks every 5 s in real time
  whole: 180_000,    // the whole test (CTest's TIMEOUT is larger, so this cleanup runs first)
};

let playwright;
try {
  playwright = await import("playwright-core");
} catch (e) {
  console.error(`cannot load playwright-core (${e.message}): run scripts/setup, or npm ci in tests/e2e`);
  process.exit(1);
}

// What scripts/setup installs: fail early and say so, rather than half-way through.
if (!fs.existsSync(CHROMIUM)) {
  console.error(`no Chromium at ${CHROMIUM}: run scripts/setup (Debian package chromium), or set ADVOCACY_CHROMIUM`);
  process.exit(1);
}
try {
  execFileSync("sqlite3", ["-version"], { stdio: "ignore", timeout: 10_000 });
} catch (e) {
  console.error(`cannot run the sqlite3 shell (${e.message}): run scripts/setup (Debian package sqlite3)`);
  process.exit(1);
}

let step = 0;
const pass = (what) => console.log(`ok ${++step} - ${what}`);
function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
}
function equal(actual, expected, what) {
  if (actual !== expected) throw new Error(`check failed: ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// Polls a condition (a database row the server writes after the page already shows the message) until it holds.
async function until(condition, what, timeoutMs = TIMEOUT.step) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "advocacy-e2e-"));
const dbFile = path.join(tmpDir, "demo.db");
let failed = false;
let demo, browser, page;
const pageErrors = [];

const watchdog = setTimeout(() => {
  console.error(`not ok - the whole test took more than ${TIMEOUT.whole} ms`);
  process.exit(1);  // the demo is SIGKILLed by lib/demo.mjs's exit hook
}, TIMEOUT.whole);

try {
  demo = await startDemo(binary, dbFile);
  const origin = demo.url.replace(/\/$/, "");
  pass(`demo started at ${demo.url} with ${dbFile}`);

  browser = await openBrowser(playwright, tmpDir, origin);
  page = await browser.context.newPage();
  page.setDefaultTimeout(TIMEOUT.step);
  page.on("pageerror", (e) => pageErrors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(`console error: ${m.text()}`); });

  await page.goto(demo.url, { timeout: TIMEOUT.step });
  await page.getByTestId("status").filter({ hasText: /^connected$/ }).waitFor();
  await page.getByTestId("identity").locator('option[value="lukas"]').waitFor({ state: "attached" });
  pass("the page loaded, its WebSocket connected and it lists the demo identities");

  const messages = page.getByTestId("messages");
  const rows = messages.getByTestId("message");
  const contentRows = messages.locator('[data-testid="message"][data-kind="content"]');
  const input = page.getByTestId("input");

  const users = Object.fromEntries(
    await page.getByTestId("identity").locator("option").evaluateAll((options) =>
      options.map((o) => [o.value, { id: o.value, name: o.textContent }])));
  for (const id of ["claire", "amelie", "jordan", "lukas"]) check(users[id], `the identity picker offers ${id}`);
  const userId = (u) => scalar(dbFile, `SELECT id FROM users WHERE platform_user_id = ${lit(u.id)}`);

  // Become `user` and show their DM; done once their own history is drawn (their onboarding names them).
  async function actAs(user) {
    await page.getByTestId("identity").selectOption(user.id);
    await page.getByTestId("conv-dm").click();
    await messages.locator('[data-kind="onboarding"]', { hasText: user.name }).first().waitFor();
  }
  async function say(text) {
    await input.fill(text);
    await input.press("Enter");
  }

  // --- The admin pushes today's content.
  const claire = users.claire, jordan = users.jordan, amelie = users.amelie;
  await actAs(claire);
  await say("/advocacy push");
  const pushReply = rows.filter({ hasText: /message\(s\) queued/ }).last();
  await pushReply.waitFor();
  const pushed = /(\d+) message\(s\) queued.*?(\d+) colleague\(s\) skipped/s.exec(await pushReply.textContent());
  check(pushed, "the push reply says how many messages were queued and skipped");
  // Already pushed today by the scheduler (working day, after push time) or queued now: either way, one each.
  const jordanId = userId(jordan);
  equal(count(dbFile, `SELECT COUNT(*) FROM deliveries WHERE user_id = ${jordanId}`), 1, "deliveries for jordan");
  pass(`claire ran /advocacy push (${pushed[1]} queued, ${pushed[2]} skipped); jordan has one delivery`);

  // --- The employee gets it in their DM, sent by the scheduler loop.
  await actAs(jordan);
  await contentRows.first().waitFor({ timeout: TIMEOUT.delivery });
  equal(await contentRows.count(), 1, "content messages in jordan's DM");
  const messageId = await contentRows.first().getAttribute("data-id");
  const content = messages.locator(`[data-testid="message"][data-id="${messageId}"]`);
  const delivery = await until(() => {
    const [row] = query(dbFile, `SELECT content_id, platform_ref FROM deliveries WHERE user_id = ${jordanId} AND state = 'sent'`);
    return row;
  }, "jordan's delivery to be marked sent");
  const [contentId, platformRef] = delivery;
  equal(platformRef, messageId, "the delivery's platform_ref is the message on the page");
  const [[title, why]] = query(dbFile, `SELECT c.title, CASE c.why WHEN '' THEN k.why ELSE c.why END
                                         FROM contents c JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = ${contentId}`);
  equal((await content.locator(".card .title-link").textContent()).trim(), title, "the content card's title");
  for (const label of ["I shared it", "Why share this?", "Skip"]) {
    await content.getByRole("button", { name: label, exact: true }).waitFor();
  }
  await content.getByRole("link", { name: "Share on LinkedIn", exact: true }).waitFor();
  pass(`jordan received content #${contentId} "${title}" (message ${messageId}) with its buttons`);

  // --- "Why share this?"
  await content.getByRole("button", { name: "Why share this?", exact: true }).click();
  const whyReply = rows.filter({ hasText: `Why share "${title}"?` }).last();
  await whyReply.waitFor();
  check((await whyReply.textContent()).includes(why), "the why reply gives the content's reason");
  check((await whyReply.textContent()).includes("Tip:"), "the why reply ends with a tip");
  const sharedRows = `SELECT COUNT(*) FROM interactions WHERE user_id = ${jordanId} AND content_id = ${contentId} AND kind = 'shared'`;
  const sharePoints = `SELECT COUNT(*) FROM points_ledger WHERE user_id = ${jordanId} AND content_id = ${contentId} AND reason = 'share'`;
  equal(count(dbFile, `SELECT COUNT(*) FROM interactions WHERE user_id = ${jordanId} AND content_id = ${contentId} AND kind = 'why_asked'`),
        1, "why_asked interactions");
  equal(count(dbFile, sharedRows), 0, "shares before clicking I shared it");
  pass("\"Why share this?\" showed the reason and a tip, and was recorded");

  // --- "I shared it": recorded once, and the message updates in place.
  await content.getByRole("button", { name: "I shared it", exact: true }).click();
  await content.filter({ hasText: "Shared - thank you!" }).waitFor();
  await content.getByRole("button", { name: "I shared it", exact: true }).waitFor({ state: "detached" });
  equal(await contentRows.count(), 1, "content messages after the update (updated in place, not posted again)");
  equal(count(dbFile, sharedRows), 1, "share interactions after one click");
  equal(count(dbFile, sharePoints), 1, "share points after one click");
  pass("\"I shared it\" updated the message in place and wrote one share row");

  // --- The same share again, two ways: the ✅ reaction, then the same button action replayed (a double click, a
  // platform retry). Both answer "already recorded" and write nothing.
  await content.locator("button.react").click();
  await rows.filter({ hasText: "Already recorded - thank you!" }).first().waitFor();
  equal(count(dbFile, sharedRows), 1, "share interactions after the ✅ reaction");

  const replayed = await page.evaluate(async ({ user, messageId, contentId, timeoutMs }) => {
    const ws = new WebSocket(`ws://${location.host}/playground/ws`);
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { ws.close(); reject(new Error("no answer to the replayed action")); }, timeoutMs);
      ws.onmessage = (ev) => {
        const f = JSON.parse(ev.data);
        if (f.type === "identities") {
          ws.send(JSON.stringify({ type: "hello", user }));
        } else if (f.type === "history") {
          ws.send(JSON.stringify({ type: "action", message_id: messageId, action_id: "advocacy_shared", value: contentId }));
        } else if (f.type === "message" && f.message.id === messageId) {
          clearTimeout(timer); ws.close(); resolve(f.message);
        } else if (f.type === "error") {
          clearTimeout(timer); ws.close(); reject(new Error(`server error: ${f.error}`));
        }
      };
    });
  }, { user: jordan.id, messageId, contentId, timeoutMs: TIMEOUT.step });
  equal(replayed.replaces, messageId, "the replayed action updates the same message");
  await content.filter({ hasText: "Already recorded - thank you!" }).waitFor();
  equal(count(dbFile, sharedRows), 1, "share interactions after replaying the action");
  equal(count(dbFile, sharePoints), 1, "share points after replaying the action");
  pass("sharing again (✅ reaction, replayed action) said \"already recorded\" and wrote no second row");
  await page.screenshot({ path: dmScreenshot });

  // --- A French employee sees French labels.
  await actAs(amelie);
  await contentRows.first().waitFor({ timeout: TIMEOUT.delivery });
  const frContent = contentRows.first();
  for (const label of ["Je l'ai partagé", "Pourquoi le partager ?", "Passer"]) {
    await frContent.getByRole("button", { name: label, exact: true }).waitFor();
  }
  await frContent.getByRole("link", { name: "Partager sur LinkedIn", exact: true }).waitFor();
  await frContent.locator(".context", { hasText: /^Campagne : / }).waitFor();
  equal(await frContent.getByRole("button", { name: "I shared it" }).count(), 0, "English buttons for amelie");
  equal(await page.evaluate(() => document.documentElement.lang), "fr", "the page language for amelie");
  equal(await frContent.locator(".suggested").getAttribute("data-label"), "Suggestion de post", "the suggested-post label");
  pass("amelie (fr) sees French buttons, links and labels");
  await page.screenshot({ path: frScreenshot });

  // --- The admin posts the leaderboard; the employee is on it, in #advocacy.
  await actAs(claire);
  const boards = messages.locator('[data-testid="message"][data-kind="leaderboard"]');
  await page.getByTestId("conv-channel").click();
  await page.locator("#title").filter({ hasText: "# advocacy" }).waitFor();
  const boardsBefore = await boards.count();  // the scheduler may already have posted this week's board
  await page.getByTestId("conv-dm").click();
  await say("/advocacy leaderboard post");
  await rows.filter({ hasText: "Leaderboard posted." }).last().waitFor();
  await page.getByTestId("conv-channel").click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('#messages [data-testid="message"][data-kind="leaderboard"]').length > n,
    boardsBefore, { timeout: TIMEOUT.step });
  const board = (await boards.last().textContent()) ?? "";
  const week = /\((\d{4}-W\d{2})\)/.exec(board)?.[1];
  check(week, `the board names its ISO week: ${board}`);
  const row = new RegExp(`(\\d+)\\. ${escapeRegExp(jordan.name)} - (\\d+) points, (\\d+) shared`).exec(board);
  check(row, `jordan is on the board: ${board}`);
  const [weekPoints, weekShares] = query(dbFile, `SELECT SUM(points), SUM(reason = 'share') FROM points_ledger
                                                    WHERE user_id = ${jordanId} AND week = ${lit(week)}`)[0];
  equal(row[2], weekPoints, "jordan's points on the board (from points_ledger)");
  equal(row[3], weekShares, "jordan's shares on the board (from points_ledger)");
  equal(count(dbFile, `${sharePoints} AND week = ${lit(week)}`), 1, "today's share counted in the board's week");
  check(!board.includes("@"), "the board mentions nobody");
  const lukas = users.lukas;
  if (count(dbFile, `SELECT COUNT(*) FROM points_ledger WHERE user_id = ${userId(lukas)} AND week = ${lit(week)}`) === 0) {
    check(!board.includes(lukas.name), "someone with no share this week is not named");
  }
  pass(`claire posted the leaderboard; #advocacy shows "${row[0]}"`);

  await page.screenshot({ path: screenshot });
  pass(`screenshot saved to ${screenshot} (and ${dmScreenshot}, ${frScreenshot})`);

  const unexpected = pageErrors.filter((e) => !/ERR_BLOCKED_BY_CLIENT|favicon/.test(e));
  check(unexpected.length === 0, `no script or console errors on the page:\n  ${unexpected.join("\n  ")}`);
  check(browser.blocked.length === 0, `the page loaded nothing from other sites: ${browser.blocked.join(", ")}`);
  pass("no page errors, no request left the demo's origin");
} catch (e) {
  failed = true;
  console.error(`not ok - ${e.stack || e}`);
  if (page) await page.screenshot({ path: failureScreenshot }).catch(() => {});
} finally {
  if (browser) {
    await Promise.race([browser.context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))])
      .catch(() => {});
  }
  if (demo) {
    const stopped = await demo.stop();
    if (stopped.timedOut || stopped.code !== 0 || !demo.logs.out.includes("advocacy-bot demo: stopped")) {
      failed = true;
      console.error(`not ok - the demo did not stop gracefully on SIGTERM: ${JSON.stringify(stopped)}`);
    } else {
      pass("the demo stopped on SIGTERM and exited 0");
    }
  }
}

// After the process is gone: the share is on disk, once.
if (!failed) {
  try {
    const jordanShares = count(dbFile, `SELECT COUNT(*) FROM interactions i JOIN users u ON u.id = i.user_id
                                         JOIN deliveries d ON d.user_id = u.id AND d.content_id = i.content_id
                                         WHERE u.platform_user_id = 'jordan' AND i.kind = 'shared'`);
    equal(jordanShares, 1, "jordan's share of the pushed content in the database after shutdown");
    pass("after shutdown the database still holds exactly one share of the pushed content");
  } catch (e) {
    failed = true;
    console.error(`not ok - ${e.message}`);
  }
}

clearTimeout(watchdog);
if (failed) {
  if (demo) console.error(`--- demo stdout ---\n${demo.logs.out}\n--- demo stderr ---\n${demo.logs.err}`);
  console.error(`kept ${tmpDir} and ${failureScreenshot} for a look`);
  process.exit(1);
}
fs.rmSync(tmpDir, { recursive: true, force: true });
console.log(`1..${step}`);
