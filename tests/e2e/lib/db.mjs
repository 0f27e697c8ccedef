// Reads the demo's SQLite file with the sqlite3 command-line shell (read-only: the test never writes to it).
import { execFileSync } from "node:child_process";

export function query(dbFile, sql) {
  const out = execFileSync("sqlite3", ["-readonly", "-batch", "-noheader", "-separator", "\t", "-cmd", ".timeout 5000",
                                       dbFile, sql],
                           { encoding: "utf8", timeout: 15_000 });
  return out.split("\n").filter((line) => line !== "").map((line) => line.split("\t"));
}

export function scalar(dbFile, sql) {
  const rows = query(dbFile, sql);
  if (rows.length !== 1 || rows[0].length !== 1) {
    throw new Error(`expected one value from: ${sql}\ngot: ${JSON.stringify(rows)}`);
  }
  return rows[0][0];
}

export const count = (dbFile, sql) => Number(scalar(dbFile, sql));

// SQL text literal; the test only quotes its own fixed names and titles read back from the page.
export const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
