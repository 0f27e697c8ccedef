#!/usr/bin/env node
// End-to-end: the admin dashboard (docs/dashboard.md) of the real `advocacy-bot demo`, in a real headless Chromium:
// the admin asks for a sign-in link in the playground, follows it, reads every page, checks the figures against the
// demo's SQLite file, downloads a CSV, and the link, the session and signing out behave. See docs/e2e.md.
//
//   node tests/e2e/dashboard.test.mjs ADVOCACY_BOT_BINARY [SCREENSHOT.png]
//
// Every wait is on a page or database condition with a timeout; the demos are always stopped with SIGTERM and must
// exit 0. On failure: the demo's output, a screenshot (SCREENSHOT-failure.png) and the temp dir are kept.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { CHROMIUM, openBrowser } from "./lib/browser.mjs";
import { csvRecords } from "./lib/csv.mjs";
import { count, lit, query, scalar } from "./lib/db.mjs";
import { startDemo } from "./lib/demo.mjs";
import { addDays, periodSeconds } from "./lib/zone.mjs";

const [binary, screenshotArg] = process.argv.slice(2);
if (!binary) {
  console.error("usage: node dashboard.test.mjs ADVOCACY_BOT_BINARY [SCREENSHOT.png]");
  process.exit(2);
}
const screenshot = path.resolve(screenshotArg || "e2e-dashboard.png");
const base = screenshot.replace(/\.png$/, "");
const failureScreenshot = `${base}-failure.png`;

const TIMEOUT = { step: 15_000, whole: 180_000 };
const COOKIE = "advocacy_dashboard";
const LINK_LIFETIME_S = 15 * 60;

let playwright;
try {
  playwright = await import("playwright-core");
} catch (e) {
  console.error(`cannot load playwright-core (${e.message}): run scripts/setup, or npm ci in tests/e2e`);
  process.exit(1);
}
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
  if (actual !== expected) {
    throw new Error(`check failed: ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
async function until(condition, what, timeoutMs = TIMEOUT.step) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The page formats numbers for en-US (the browser's locale here): the test formats what it expects the same way.
const num = (n) => new Intl.NumberFormat("en-US").format(n);
const pct = (x) => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(x);
const money = (x, currency) => new Intl.NumberFormat("en-US", { style: "currency", currency }).format(x);

// The signed payload of a sign-in link: v1|workspace_id|user_id|expires_unix|nonce (docs/dashboard.md).
function linkClaims(link) {
  const token = new URL(link).searchParams.get("token");
  const [payload] = token.split(".");
  const [version, workspace, user, expires, nonce] = Buffer.from(payload, "base64url").toString("utf8").split("|");
  return { version, workspace, user, expires: Number(expires), nonce };
}

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "advocacy-e2e-dashboard-"));
const dbFile = path.join(tmpDir, "demo.db");
const fastDbFile = path.join(tmpDir, "fast.db");
let failed = false;
const demos = [];
const browsers = [];
let page;
const pageErrors = [];

const watchdog = setTimeout(() => {
  console.error(`not ok - the whole test took more than ${TIMEOUT.whole} ms`);
  process.exit(1);  // the demos are SIGKILLed by lib/demo.mjs's exit hook
}, TIMEOUT.whole);

async function browse(dir, origin) {
  const browser = await openBrowser(playwright, path.join(tmpDir, dir), origin);
  browsers.push(browser);
  return browser;
}
function watch(p) {
  p.setDefaultTimeout(TIMEOUT.step);
  p.on("pageerror", (e) => pageErrors.push(`page error: ${e.message}`));
  p.on("console", (m) => { if (m.type() === "error") pageErrors.push(`console error on ${p.url()}: ${m.text()}`); });
  return p;
}

// As the admin in the playground, `/advocacy dashboard`: the bot answers in the DM with the link (a button).
async function askForLink(playground, demoUrl, previous = 0) {
  if (playground.url() !== demoUrl) {
    await playground.goto(demoUrl);
    await playground.getByTestId("status").filter({ hasText: /^connected$/ }).waitFor();
    await playground.getByTestId("identity").locator('option[value="claire"]').waitFor({ state: "attached" });
    await playground.getByTestId("identity").selectOption("claire");
    await playground.getByTestId("conv-dm").click();
    await playground.locator('#messages [data-kind="onboarding"]').first().waitFor();
  }
  await playground.getByTestId("input").fill("/advocacy dashboard");
  await playground.getByTestId("input").press("Enter");
  const buttons = playground.locator('#messages a[data-action="advocacy_dashboard"]');
  await playground.waitForFunction((n) => document.querySelectorAll('#messages a[data-action="advocacy_dashboard"]').length > n,
                                   previous, { timeout: TIMEOUT.step });
  return buttons.last().getAttribute("href");
}

try {
  const demo = await startDemo(binary, dbFile);
  demos.push(demo);
  const origin = demo.url.replace(/\/$/, "");
  pass(`demo started at ${demo.url} with ${dbFile}`);

  const browser = await browse("profile-admin", origin);
  const playground = watch(await browser.context.newPage());

  // --- The sign-in link.
  const link = await askForLink(playground, demo.url);
  check(link && link.startsWith(`${origin}/admin/login?token=`), `the link points to this demo's /admin/login: ${link}`);
  const claims = linkClaims(link);
  const workspace = scalar(dbFile, "SELECT id FROM workspaces WHERE platform = 'playground'");
  const claire = scalar(dbFile, `SELECT id FROM users WHERE platform_user_id = 'claire' AND workspace_id = ${workspace}`);
  equal(claims.version, "v1", "the link's payload version");
  equal(claims.workspace, workspace, "the link's workspace");
  equal(claims.user, claire, "the link's user (claire)");
  equal(count(dbFile, `SELECT COUNT(*) FROM dashboard_links WHERE nonce = ${lit(claims.nonce)} AND used_at IS NULL`), 1,
        "the link's nonce recorded, unspent");
  pass(`claire's /advocacy dashboard answered with a personal link (nonce recorded, expires ${new Date(claims.expires * 1000).toISOString()})`);

  // --- Signing in: a session cookie (HttpOnly, Secure, SameSite=Strict), then the overview.
  page = watch(await browser.context.newPage());
  const signIn = page.waitForResponse((r) => r.url().startsWith(`${origin}/admin/login`));
  await page.goto(link);
  const signInResponse = await signIn;
  equal(signInResponse.status(), 303, "the sign-in answer");
  const setCookie = (await signInResponse.headerValue("set-cookie")) || "";
  for (const attr of [/^advocacy_dashboard=[A-Za-z0-9_-]{43};/, /;\s*HttpOnly/i, /;\s*Secure/i, /;\s*SameSite=Strict/i,
                      /;\s*Path=\/admin/, /;\s*Max-Age=\d+/]) {
    check(attr.test(setCookie), `Set-Cookie has ${attr}: ${setCookie}`);
  }
  // All cookies: asked for an http:// URL, Playwright leaves Secure ones out (the browser still sends them here).
  const [cookie] = (await browser.context.cookies()).filter((c) => c.name === COOKIE);
  check(cookie && cookie.domain === "127.0.0.1", "the browser kept the session cookie for 127.0.0.1");
  equal(cookie.httpOnly, true, "cookie HttpOnly");
  equal(cookie.secure, true, "cookie Secure");
  equal(cookie.sameSite, "Strict", "cookie SameSite");
  equal(await page.evaluate(() => document.cookie.includes("advocacy_dashboard")), false, "the script cannot read the cookie");
  equal(new URL(page.url()).pathname, "/admin/", "landed on the overview");
  equal(count(dbFile, `SELECT COUNT(*) FROM dashboard_links WHERE nonce = ${lit(claims.nonce)} AND used_at IS NOT NULL`), 1,
        "the link's nonce spent");
  equal(count(dbFile, `SELECT COUNT(*) FROM dashboard_sessions WHERE user_id = ${claire}`), 1, "claire's sessions");
  pass("the link opened a session: cookie HttpOnly, Secure, SameSite=Strict, Path=/admin, invisible to scripts");

  const view = page.getByTestId("view");
  await page.locator('#view[data-state="ready"]').waitFor();
  const from = await view.getAttribute("data-from");
  const to = await view.getAttribute("data-to");
  const summary = await page.evaluate(async ({ from, to }) =>
    (await fetch(`/admin/api/summary?from=${from}&to=${to}`)).json(), { from, to });
  const zone = summary.period.time_zone;
  equal(summary.period.days, 28, "the default period's length");
  equal(await page.getByTestId("from").inputValue(), from, "the period picker's start");
  equal(await page.getByTestId("to").inputValue(), to, "the period picker's end");
  const [start, end] = periodSeconds(from, to, zone);
  pass(`the overview shows the last 28 days, ${from} to ${to} (${zone}); the page has the same period as the API`);

  // --- Overview figures against the database.
  const inPeriod = (alias = "i") => `${alias}.at >= ${start} AND ${alias}.at < ${end}`;
  const ofWorkspace = `JOIN users u ON u.id = i.user_id AND u.workspace_id = ${workspace}`;
  const interactions = (kind) =>
    count(dbFile, `SELECT COUNT(*) FROM interactions i ${ofWorkspace} WHERE i.kind = '${kind}' AND ${inPeriod()}`);
  const audience = count(dbFile, `SELECT COUNT(*) FROM users WHERE workspace_id = ${workspace}`);
  const advocates = count(dbFile, `SELECT COUNT(DISTINCT i.user_id) FROM interactions i ${ofWorkspace}
                                    WHERE i.kind = 'shared' AND ${inPeriod()}`);
  const shares = interactions("shared");
  const postClicks = interactions("post_click");
  check(shares > 5 && postClicks > 10, `the demo's history gives the dashboard something to show (${shares} shares, ${postClicks} post clicks)`);
  const figure = async (name) => ((await page.locator(`[data-figure="${name}"]`).first().textContent()) || "").trim();
  equal(await figure("advocates"), num(advocates), "active advocates card");
  equal(await figure("shares"), num(shares), "shares card");
  equal(await figure("participation"), pct(Math.round((advocates / audience) * 10000) / 10000), "participation card");
  equal(await figure("post-clicks"), num(postClicks), "post clicks card");
  for (const name of ["advocates", "shares", "participation", "post-clicks"]) {
    check(/^(▲|▼|=) /.test(await figure(`${name}-trend`)), `the ${name} card shows a trend`);
  }
  // The trend compares with the same number of days just before: check the shares card's arrow.
  const [pstart] = periodSeconds(summary.previous_period.from, summary.previous_period.to, zone);
  const previousShares = count(dbFile, `SELECT COUNT(*) FROM interactions i ${ofWorkspace}
                                         WHERE i.kind = 'shared' AND i.at >= ${pstart} AND i.at < ${start}`);
  const sharesTrend = await figure("shares-trend");
  const arrow = previousShares === 0 ? (shares > 0 ? "▲" : "=") : shares > previousShares ? "▲" : shares < previousShares ? "▼" : "=";
  check(sharesTrend.startsWith(arrow), `shares trend ${sharesTrend} vs ${previousShares} shares before`);
  if (previousShares > 0 && shares !== previousShares) {
    check(sharesTrend.includes(pct(Math.abs(shares - previousShares) / previousShares)), `shares trend percentage: ${sharesTrend}`);
  }
  pass(`overview cards match the database: ${advocates} advocates of ${audience}, ${shares} shares, ` +
       `${postClicks} post clicks (previous period ${previousShares} shares: ${sharesTrend})`);

  // Tables next to the charts: the per-day table sums to the shares; the weekly table is week_scores.
  const cells = (table, fig) => page.locator(`table[data-table="${table}"] tbody td[data-figure="${fig}"]`).allTextContents();
  const perDay = (await cells("day", "shares")).map((s) => Number(s.replace(/,/g, "")));
  equal(perDay.length, 28, "rows in the shares-per-day table");
  equal(perDay.reduce((a, b) => a + b, 0), shares, "sum of the shares-per-day table");
  const weekRows = await page.locator('table[data-table="week"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.key, r.querySelector('[data-figure="advocates"]').textContent,
                     r.querySelector('[data-figure="shares"]').textContent]));
  check(weekRows.length >= 4, `weeks in the weekly table: ${weekRows.length}`);
  for (const [week, shownAdvocates, shownShares] of weekRows) {
    const [a, s] = query(dbFile, `SELECT COUNT(*), COALESCE(SUM(shares), 0) FROM week_scores
                                  WHERE workspace_id = ${workspace} AND week = ${lit(week)} AND shares > 0`)[0];
    equal(shownAdvocates, num(Number(a)), `advocates in ${week}`);
    equal(shownShares, num(Number(s)), `shares in ${week}`);
  }
  pass(`the shares-per-day table sums to ${shares}; the weekly table matches week_scores for ${weekRows.length} weeks`);

  // Charts: a canvas with the bars drawn (pixels of the series colour), an aria-label, and a table caption.
  async function checkCharts(ids) {
    for (const id of ids) {
      const chart = page.locator(`[data-chart="${id}"]`);
      await chart.locator("canvas").waitFor();
      check(((await chart.getAttribute("aria-label")) || "").length > 10, `chart ${id} has an aria-label`);
      equal(await chart.getAttribute("role"), "img", `chart ${id} role`);
      const drawn = await chart.locator("canvas").first().evaluate((c) => {
        const { data } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;  // bars, not grey axes or grid
        }
        return { width: c.width, height: c.height, coloured };
      });
      check(drawn.width > 200 && drawn.height > 100, `chart ${id} canvas size ${drawn.width}x${drawn.height}`);
      check(drawn.coloured > 200, `chart ${id} has bars drawn (${drawn.coloured} coloured pixels)`);
    }
  }
  await checkCharts(["shares-per-day", "advocates-per-week"]);
  for (const t of await page.locator(".table-wrap table").all()) {  // not uPlot's legend (a table too)
    check(((await t.locator("caption").textContent()) || "").trim().length > 0, "every table has a caption");
    check(await t.locator('thead th[scope="col"]').count() > 0, "every table has column headers");
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  pass("the overview's charts are drawn (canvas with bars, aria-label) and every table has a caption and headers");

  // --- Campaigns: one funnel row per campaign with activity, against the database.
  const go = async (where) => {
    await page.locator(`#tabs a[data-page="${where}"]`).click();
    const pathname = where === "overview" ? "/admin/" : `/admin/${where}`;
    await page.waitForURL((u) => u.pathname === pathname && u.search === `?from=${from}&to=${to}`);
    await page.locator('#view[data-state="ready"]').waitFor();
  };
  await go("campaigns");
  const funnelRows = await page.locator('table[data-table="campaign"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.dataset.key, ...Object.fromEntries([...r.querySelectorAll("[data-figure]")]
      .map((c) => [c.dataset.figure, c.textContent])) })));
  check(funnelRows.length >= 2, `campaign rows: ${funnelRows.length}`);
  for (const row of funnelRows) {
    const byCampaign = (kind) => count(dbFile, `SELECT COUNT(*) FROM interactions i JOIN contents c ON c.id = i.content_id
                                               WHERE c.campaign_id = ${row.id} AND i.kind = '${kind}' AND ${inPeriod()}`);
    const delivered = count(dbFile, `SELECT COUNT(*) FROM deliveries WHERE campaign_id = ${row.id} AND sent_at >= ${start}
                                     AND sent_at < ${end}`);
    equal(row.delivered, num(delivered), `campaign ${row.id} delivered`);
    equal(row["why-asked"], num(byCampaign("why_asked")), `campaign ${row.id} why asked`);
    equal(row["intent-clicks"], num(byCampaign("intent_click")), `campaign ${row.id} link clicked`);
    equal(row.shared, num(byCampaign("shared")), `campaign ${row.id} shared`);
    equal(row["post-clicks"], num(byCampaign("post_click")), `campaign ${row.id} post clicks`);
  }
  equal(await page.locator(".funnel").count(), funnelRows.length, "one funnel drawn per campaign");
  await page.screenshot({ path: `${base}-campaigns.png`, fullPage: true });
  pass(`campaign funnels match the database for ${funnelRows.length} campaigns (delivered, why, clicked, shared, post clicks)`);

  // --- Top content, networks, teams: per-row figures.
  await go("content");
  const contentRows = await page.locator('table[data-table="content"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.key, r.querySelector('[data-figure="shares"]').textContent.trim(),
                     r.querySelector('[data-figure="post-clicks"]').textContent.trim()]));
  check(contentRows.length > 0, "top content has rows");
  for (const [id, shownShares, shownClicks] of contentRows) {
    const [s, c] = query(dbFile, `SELECT SUM(kind = 'shared'), SUM(kind = 'post_click') FROM interactions i
                                  WHERE content_id = ${id} AND ${inPeriod()}`)[0];
    equal(shownShares, num(Number(s)), `content ${id} shares`);
    equal(shownClicks, num(Number(c)), `content ${id} post clicks`);
  }
  const shownOrder = contentRows.map(([, s]) => Number(s.replace(/,/g, "")));
  check(shownOrder.every((v, i) => i === 0 || shownOrder[i - 1] >= v), "top content is sorted by shares");

  await go("networks");
  await checkCharts(["networks"]);
  const networkRows = await page.locator('table[data-table="network"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.key, r.querySelector('[data-figure="intent-clicks"]').textContent,
                     r.querySelector('[data-figure="post-clicks"]').textContent]));
  check(networkRows.length >= 2, `several networks: ${networkRows.map(([n]) => n).join(", ")}`);
  for (const [network, intent, post] of networkRows) {
    const [i, p] = query(dbFile, `SELECT SUM(kind = 'intent_click'), SUM(kind = 'post_click') FROM interactions i
                                  ${ofWorkspace} WHERE i.network = ${lit(network)} AND ${inPeriod()}`)[0];
    equal(intent, num(Number(i || 0)), `${network} link clicks`);
    equal(post, num(Number(p || 0)), `${network} post clicks`);
  }

  await go("teams");
  const teamRows = await page.locator('table[data-table="team"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.key, r.querySelector('[data-figure="members"]').textContent,
                     r.querySelector('[data-figure="advocates"]').textContent]));
  for (const [team, members, teamAdvocates] of teamRows) {
    equal(members, num(count(dbFile, `SELECT COUNT(*) FROM users WHERE workspace_id = ${workspace} AND group_name = ${lit(team)}`)),
          `members of ${team || "no team"}`);
    equal(teamAdvocates, num(count(dbFile, `SELECT COUNT(DISTINCT i.user_id) FROM interactions i ${ofWorkspace}
                                             WHERE u.group_name = ${lit(team)} AND i.kind = 'shared' AND ${inPeriod()}`)),
          `advocates of ${team || "no team"}`);
  }
  check(teamRows.length >= 3, `teams listed: ${teamRows.length}`);
  pass(`top content (${contentRows.length}), networks (${networkRows.map(([n]) => n || "not recorded").join(", ")}) and teams ` +
       `(${teamRows.length}) match the database`);

  // --- Leaderboard: this week's points from the ledger, nobody opted out named.
  await go("leaderboard");
  const week = summary.leaderboard.week;
  const boardRows = await page.locator('table[data-table="player"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('[data-figure="name"]').textContent, r.querySelector('[data-figure="points"]').textContent]));
  check(boardRows.length > 0, "this week's board has people");
  for (const [name, points] of boardRows) {
    const sum = count(dbFile, `SELECT COALESCE(SUM(p.points), 0) FROM points_ledger p JOIN users u ON u.id = p.user_id
                               WHERE u.display_name = ${lit(name)} AND u.workspace_id = ${workspace} AND p.week = ${lit(week)}`);
    equal(points, num(sum), `${name}'s points in ${week}`);
    equal(count(dbFile, `SELECT leaderboard_opt_out FROM users WHERE display_name = ${lit(name)} AND workspace_id = ${workspace}`),
          0, `${name} has not opted out`);
  }
  pass(`the leaderboard of ${week} matches points_ledger (${boardRows.map(([n, p]) => `${n} ${p}`).join(", ")})`);

  // --- Reach: post clicks x value per click, in the configured currency.
  await go("reach");
  const { value_per_click: perClick, currency } = summary.reach;
  equal(await figure("post-clicks"), num(postClicks), "reach post clicks");
  equal(await figure("value-per-click"), money(perClick, currency), "value per click");
  equal(await figure("emv"), money(postClicks * perClick, currency), "earned media value");
  if (postClicks > 0) await checkCharts(["reach"]);
  await page.screenshot({ path: `${base}-reach.png`, fullPage: true });
  pass(`reach: ${postClicks} post clicks × ${money(perClick, currency)} = ${await figure("emv")}`);

  // --- A CSV for the period: the shares, row for row.
  await go("overview");
  const csvLink = page.locator('.downloads a[data-kind="shares"]');
  equal(await csvLink.getAttribute("href"), `${origin}/admin/export.csv?kind=shares&from=${from}&to=${to}`, "the shares CSV link");
  const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  equal(download.suggestedFilename(), `advocacy-shares-${from}-${to}.csv`, "the CSV file name");
  const csvFile = path.join(tmpDir, download.suggestedFilename());
  await download.saveAs(csvFile);
  const { header, records } = csvRecords(fs.readFileSync(csvFile, "utf8"));
  equal(records.length, shares, "records in the shares CSV");
  // storage/export.hpp: share_id, shared_at (ISO 8601 UTC), ..., content_id, ...
  for (const col of ["share_id", "shared_at", "user", "content_id", "content_title"]) {
    check(header.includes(col), `the CSV has a ${col} column: ${header.join(",")}`);
  }
  const iso = (at) => new Date(Number(at) * 1000).toISOString().replace(".000Z", "Z");
  const expected = query(dbFile, `SELECT i.id, i.at, u.platform_user_id, i.content_id, c.title FROM interactions i
                                  ${ofWorkspace} JOIN contents c ON c.id = i.content_id
                                  WHERE i.kind = 'shared' AND ${inPeriod()} ORDER BY i.at, i.id`)
    .map(([id, at, user, content, title]) => [id, iso(at), user, content, title].join("|"));
  const got = records.map((r) => [r.share_id, r.shared_at, r.user, r.content_id, r.content_title].join("|"));
  equal(JSON.stringify(got), JSON.stringify(expected), "the CSV's shares (id, time, user, content, title), oldest first");
  pass(`downloaded ${download.suggestedFilename()}: ${records.length} shares, the same as the database`);

  // --- The period picker: the last 7 days instead; the figures, the nav and the CSV links follow.
  const weekFrom = addDays(to, -6);
  await page.getByTestId("from").fill(weekFrom);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await page.locator(`#view[data-state="ready"][data-from="${weekFrom}"][data-to="${to}"]`).waitFor();
  const [wstart, wend] = periodSeconds(weekFrom, to, zone);
  const weekShares = count(dbFile, `SELECT COUNT(*) FROM interactions i ${ofWorkspace}
                                     WHERE i.kind = 'shared' AND i.at >= ${wstart} AND i.at < ${wend}`);
  equal(await figure("shares"), num(weekShares), "shares card for the last 7 days");
  equal((await cells("day", "shares")).length, 7, "rows in the shares-per-day table for 7 days");
  check(page.url().endsWith(`/admin/?from=${weekFrom}&to=${to}`), `the address keeps the period: ${page.url()}`);
  check((await page.locator('#tabs a[data-page="reach"]').getAttribute("href")).endsWith(`/admin/reach?from=${weekFrom}&to=${to}`),
        "the nav links keep the period");
  check((await csvLink.getAttribute("href")).endsWith(`kind=shares&from=${weekFrom}&to=${to}`), "the CSV link follows the period");
  pass(`the period picker refetched ${weekFrom} to ${to}: ${weekShares} shares, 7 days, links updated`);

  // --- The same link again: refused, and no new session.
  const again = watch(await browser.context.newPage());
  const reused = await again.goto(link);
  equal(reused.status(), 401, "the second use of the link");
  check(!((await reused.headerValue("set-cookie")) || "").includes(COOKIE), "no cookie set by a refused link");
  check(((await again.textContent("body")) || "").includes("/advocacy dashboard"), "the refusal says to ask again");
  equal(count(dbFile, `SELECT COUNT(*) FROM dashboard_sessions WHERE user_id = ${claire}`), 1, "claire's sessions after the reuse");
  await again.close();
  pass("the same link a second time gets the 401 page (type /advocacy dashboard again), no new session");

  // --- Without a cookie: 401 for pages and for the API.
  const stranger = await browse("profile-stranger", origin);
  const nobody = watch(await stranger.context.newPage());
  const pageAnswer = await nobody.goto(`${origin}/admin/`);
  equal(pageAnswer.status(), 401, "/admin/ without a session");
  equal(await nobody.locator("#view").count(), 0, "no dashboard shell without a session");
  const apiAnswer = await nobody.goto(`${origin}/admin/api/summary`);
  equal(apiAnswer.status(), 401, "/admin/api/summary without a session");
  equal(JSON.stringify(await apiAnswer.json()), JSON.stringify({ error: "unauthorized" }), "the API's 401 body");
  const csvAnswer = await nobody.request.get(`${origin}/admin/export.csv?kind=shares`);
  equal(csvAnswer.status(), 401, "/admin/export.csv without a session");
  await stranger.context.close();
  browsers.splice(browsers.indexOf(stranger), 1);
  pass("a browser without the cookie gets 401 on /admin/, /admin/api/summary ({\"error\":\"unauthorized\"}) and the CSV");

  // --- Sign out: the session is gone, the cookie expired, the pages refuse.
  const [loggedOut] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${origin}/admin/logout` && r.request().method() === "POST"),
    page.getByTestId("sign-out").click(),
  ]);
  equal(loggedOut.status(), 303, "the sign-out answer");
  await page.waitForLoadState();
  equal(count(dbFile, `SELECT COUNT(*) FROM dashboard_sessions WHERE user_id = ${claire}`), 0, "claire's sessions after signing out");
  equal((await browser.context.cookies()).filter((c) => c.name === COOKIE).length, 0, "the cookie after signing out");
  const after = await page.goto(`${origin}/admin/`);
  equal(after.status(), 401, "/admin/ after signing out");
  const apiAfter = await page.evaluate(async () => (await fetch("/admin/api/summary")).status);
  equal(apiAfter, 401, "/admin/api/summary after signing out");
  pass("sign out deleted the session and the cookie; /admin/ and the API answer 401 afterwards");

  // --- An expired link, on a second demo whose clock runs 100000x (15 minutes pass in 9 ms).
  const fast = await startDemo(binary, fastDbFile, { fast: 100_000 });
  demos.push(fast);
  const fastOrigin = fast.url.replace(/\/$/, "");
  const fastBrowser = await browse("profile-fast", fastOrigin);
  const fastPlayground = watch(await fastBrowser.context.newPage());
  const oldLink = await askForLink(fastPlayground, fast.url);
  const old = linkClaims(oldLink);
  // The demo's clock, read from the links it issues: ask again until one is issued after the first one expired.
  let probes = 1;
  await until(async () => {
    const probe = linkClaims(await askForLink(fastPlayground, fast.url, probes++));
    return probe.expires - LINK_LIFETIME_S >= old.expires;
  }, "the fast demo's clock to pass the first link's expiry");
  equal(count(fastDbFile, `SELECT COUNT(*) FROM dashboard_links WHERE nonce = ${lit(old.nonce)} AND used_at IS NULL`), 1,
        "the expired link was never used");
  const expiredPage = watch(await fastBrowser.context.newPage());
  const expired = await expiredPage.goto(oldLink);
  equal(expired.status(), 401, "an expired link");
  equal((await fastBrowser.context.cookies()).filter((c) => c.name === COOKIE).length, 0, "cookies after an expired link");
  equal(count(fastDbFile, "SELECT COUNT(*) FROM dashboard_sessions"), 0, "sessions after an expired link");
  pass(`an expired link (the demo clock past its 15 minutes after ${probes - 1} more link(s)) gets the 401 page, no session`);

  const unexpected = pageErrors.filter((e) => !/favicon|status of 401/.test(e));
  check(unexpected.length === 0, `no script or console errors:\n  ${unexpected.join("\n  ")}`);
  for (const b of browsers) check(b.blocked.length === 0, `nothing loaded from other sites: ${b.blocked.join(", ")}`);
  pass("no page errors, no request left the demos' origins (strict CSP, assets served by the bot)");
} catch (e) {
  failed = true;
  console.error(`not ok - ${e.stack || e}`);
  if (page) await page.screenshot({ path: failureScreenshot, fullPage: true }).catch(() => {});
} finally {
  for (const b of browsers) {
    await Promise.race([b.context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => {});
  }
  for (const d of demos) {
    const stopped = await d.stop();
    if (stopped.timedOut || stopped.code !== 0 || !d.logs.out.includes("advocacy-bot demo: stopped")) {
      failed = true;
      console.error(`not ok - a demo did not stop gracefully on SIGTERM: ${JSON.stringify(stopped)}`);
    } else {
      pass("a demo stopped on SIGTERM and exited 0");
    }
  }
}

clearTimeout(watchdog);
if (failed) {
  for (const d of demos) console.error(`--- demo stdout ---\n${d.logs.out}\n--- demo stderr ---\n${d.logs.err}`);
  console.error(`kept ${tmpDir} and ${failureScreenshot} for a look`);
  process.exit(1);
}
fs.rmSync(tmpDir, { recursive: true, force: true });
console.log(`1..${step}`);
