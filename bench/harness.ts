/**
 * What the parts of the benchmark share: option parsing, the child servers
 * (bench/server.ts), the autocannon load, fresh PostgreSQL databases, and the
 * plain-text tables.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..");
export const HOST = "127.0.0.1";

export const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- options

export function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export function parseScale(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad scale "${s}" (use e.g. 1k, 10k, 100k, 2500)`);
  return Math.round(Number(m[1]) * ({ "": 1, k: 1_000, m: 1_000_000 }[m[2].toLowerCase()] ?? 1));
}

export function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

// ---------------------------------------------------------------- child servers

export interface Target {
  child: ChildProcess;
  base: string;
}

const children = new Set<ChildProcess>();

export function killAll(signal: NodeJS.Signals = "SIGKILL") {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

/** Start bench/server.ts in a child process; resolves once it prints its port. */
export function startServer(mode: "app" | "baseline", env: Record<string, string>): Promise<Target> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "server.ts")], {
    cwd: ROOT,
    // The database is what `env` says, never one inherited from the shell.
    env: { ...process.env, BENCH_DB: "", BENCH_APP_DATABASE_URL: "", ...env, BENCH_MODE: mode, NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return new Promise<Target>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${mode} server did not start within 60 s`));
    }, 60_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      let msg: { ready?: boolean; port?: number };
      try {
        msg = JSON.parse(line);
      } catch {
        log(`[${mode}] ${line}`);
        return;
      }
      if (msg.ready && typeof msg.port === "number") {
        clearTimeout(timer);
        resolve({ child, base: `http://${HOST}:${msg.port}` });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${mode} server exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
}

export async function stopServer(target: Target): Promise<void> {
  const { child } = target;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- load

export interface Measure {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export function assertLocal(url: string) {
  if (new URL(url).hostname !== HOST) throw new Error(`refusing to load ${url}: only ${HOST} targets`);
}

/** A request not answered within this many seconds counts as an error (and leaves the latency histogram). */
export const REQUEST_TIMEOUT_S = 30;

/** autocannon for `seconds`, stopped by time (and by a watchdog should it overrun). */
export async function load(url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<autocannon.Result> {
  assertLocal(url);
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections, duration: seconds, timeout: REQUEST_TIMEOUT_S }, (err, result) => {
      clearTimeout(watchdog);
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(result);
    });
    const watchdog = setTimeout(() => instance.stop(), (seconds + REQUEST_TIMEOUT_S + 5) * 1000);
  });
}

/**
 * The server may still be working through requests autocannon gave up on when it stopped
 * (a slow endpoint). Queries do not queue strictly in order, so one more request proves
 * nothing: wait until a cheap request (`url`) is answered promptly again, which keeps the
 * backlog out of the next measurement.
 */
async function settle(url: string, headers: Record<string, string>): Promise<void> {
  assertLocal(url);
  const started = performance.now();
  while (performance.now() - started < 120_000) {
    const t = performance.now();
    await fetch(url, { headers, signal: AbortSignal.timeout(120_000) }).then((res) => res.arrayBuffer());
    if (performance.now() - t < 200) break;
  }
  const ms = performance.now() - started;
  if (ms > 1000) log(`     (the server caught up in ${(ms / 1000).toFixed(1)} s)`);
}

/**
 * Warm up (unrecorded) for `warmup` seconds, then measure for `duration` seconds.
 * `settleUrl`: a cheap request; after each load, wait for the server to catch up (see settle()).
 */
export async function measure(url: string, headers: Record<string, string>, o: { duration: number; warmup: number; connections: number; settleUrl?: string }): Promise<Measure> {
  if (o.warmup > 0) {
    await load(url, headers, o.warmup, o.connections);
    if (o.settleUrl) await settle(o.settleUrl, headers);
  }
  const r = await load(url, headers, o.duration, o.connections);
  if (o.settleUrl) await settle(o.settleUrl, headers);
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

// ---------------------------------------------------------------- PostgreSQL

/** A new, empty database in the PostgreSQL server of `serverUrl`; `drop()` removes it (forcing out connections). */
export async function freshPostgres(serverUrl: string, label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `rifada_bench_${label.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`.toLowerCase();
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  let dropped = false;
  return {
    url: target.toString(),
    name,
    async drop() {
      if (dropped || process.env.BENCH_KEEP === "1") return;
      dropped = true;
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

// ---------------------------------------------------------------- report

export function table(rows: string[][], align: Array<"l" | "r">): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (align[i] === "l" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd()).join("\n");
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
