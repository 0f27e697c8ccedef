// Debian's Chromium (never a downloaded browser), headless, with a fresh profile, allowed to reach only the demo.
import path from "node:path";

export const CHROMIUM = process.env.ADVOCACY_CHROMIUM || "/usr/bin/chromium";

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  // Without these Chromium keeps calling home (updates, sync, safe browsing...): no traffic leaves the machine.
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function openBrowser(playwright, tmpDir, origin, { timeoutMs = 30_000 } = {}) {
  const context = await playwright.chromium.launchPersistentContext(path.join(tmpDir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    timeout: timeoutMs,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
  });
  // Share links and titles point to example.com, linkedin.com...: the page may show them, never load them.
  const blocked = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return { context, blocked };
}
