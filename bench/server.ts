/**
 * A benchmark target, run as a child process of bench/run.ts so the load
 * generator does not share its event loop. Listens on 127.0.0.1 on a free port
 * and prints one JSON line: {"ready":true,"port":…}.
 *
 * Environment:
 *   BENCH_MODE  "app" (the real server: buildApp) or "baseline" (bench/baseline.ts)
 *   BENCH_DB    the SQLite file (migrated, seeded, generated)
 *   BENCH_APP_DATABASE_URL  app only: a PostgreSQL database instead of BENCH_DB
 *   BENCH_ORG_ID, BENCH_SORT  baseline only: the caller's organisation and sort column
 *
 * Exits on SIGTERM/SIGINT and when its stdin closes (the parent went away).
 */
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import { createDatabase } from "../server/src/db/database.js";
import { buildBaseline } from "./baseline.js";

const mode = process.env.BENCH_MODE ?? "app";
const file = process.env.BENCH_DB;
const databaseUrl = mode === "app" ? process.env.BENCH_APP_DATABASE_URL || null : null;
if (!file && !databaseUrl) {
  process.stderr.write("bench/server.ts: BENCH_DB (or, for the app, BENCH_APP_DATABASE_URL) is required\n");
  process.exit(2);
}

let app: FastifyInstance;
let close: () => Promise<void> | void;
if (mode === "app") {
  const database = databaseUrl ? createDatabase({ databaseUrl }) : createDatabase({ sqliteFile: file });
  // An empty environment: defaults only, never a DATABASE_URL or WEB_DIR inherited from the shell.
  const config = loadConfig({} as NodeJS.ProcessEnv, { host: "127.0.0.1", port: 0, dataDir: file ? path.dirname(file) : os.tmpdir(), databaseUrl, webDir: null, logLevel: "silent" });
  app = await buildApp({ config, database, logger: false });
  close = () => database.close();
} else if (mode === "baseline") {
  const organisationId = process.env.BENCH_ORG_ID;
  if (!organisationId) throw new Error("bench/server.ts: BENCH_ORG_ID is required in baseline mode");
  const baseline = await buildBaseline({ file: file!, organisationId, sort: process.env.BENCH_SORT === "name_ar" ? "name_ar" : "name_en" });
  app = baseline.app;
  close = baseline.close;
} else {
  throw new Error(`bench/server.ts: unknown BENCH_MODE ${mode}`);
}

// BENCH_GC=1: report garbage-collection pauses of 100 ms or more (stderr), to tell them from slow work.
if (process.env.BENCH_GC === "1") {
  const { PerformanceObserver } = await import("node:perf_hooks");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration >= 100) process.stderr.write(`[gc] ${Math.round(e.duration)} ms (kind ${(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? "?"}), heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB\n`);
    }
  }).observe({ entryTypes: ["gc"] });
}

await app.listen({ host: "127.0.0.1", port: 0 });
const { port } = app.server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ ready: true, mode, port, pid: process.pid })}\n`);

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 3000).unref();
  void app.close().then(() => close()).finally(() => process.exit(0));
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
process.stdin.on("end", shutdown);
process.stdin.on("close", shutdown);
process.stdin.resume();
