// Runs `advocacy-bot demo` as a child process: start it on a free loopback port, read the URL it prints, and stop
// it with SIGTERM (a graceful shutdown must exit 0). It runs in its own process group, so a wrapper (faketime, a
// debugger...) and what it starts are signalled too; if the test process exits or is interrupted first, the whole
// group is killed.
import { spawn } from "node:child_process";
import os from "node:os";

const URL_LINE = /open (http:\/\/127\.0\.0\.1:(\d+)\/) in your browser/;

// `fast`: the demo clock's speed-up (--fast), 1 = real time.
export async function startDemo(binary, dbFile, { timeoutMs = 30_000, fast = 1 } = {}) {
  const child = spawn(binary, ["demo", "--reset", "--port", "0", "--fast", String(fast), "--db", dbFile], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,  // its own process group (the test still waits for it; nothing outlives the test)
  });
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  const logs = { out: "", err: "" };
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (d) => (logs.out += d));
  child.stderr.on("data", (d) => (logs.err += d));

  let status = null;  // {code, signal} once it has exited
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve((status = { code, signal }))));
  const killOnExit = () => { if (!status) signalGroup("SIGKILL"); };
  process.on("exit", killOnExit);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(sig, () => process.exit(128 + os.constants.signals[sig]));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed by the demo within ${timeoutMs} ms`)), timeoutMs);
    const look = () => {
      const m = URL_LINE.exec(logs.out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on("data", look);
    child.on("error", (e) => { clearTimeout(timer); reject(new Error(`cannot run ${binary}: ${e.message}`)); });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited before printing its URL (code ${code}, signal ${signal})`));
    });
  }).catch((e) => { signalGroup("SIGKILL"); throw e; });

  return {
    url,
    logs,
    // SIGTERM, then wait for the exit; SIGKILL (and report it) if it does not stop in time.
    async stop({ timeoutMs = 15_000 } = {}) {
      if (status) return { ...status, timedOut: false };
      signalGroup("SIGTERM");
      let timer;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        signalGroup("SIGKILL");
        await exited;
      }
      process.off("exit", killOnExit);
      return { ...status, timedOut };
    },
  };
}
