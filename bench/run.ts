/**
 * Rifada benchmark: `npm run bench` (or `npm run bench -- --quick`). See bench/README.md.
 *
 * For each scale: a fresh SQLite database in a temp dir (migrate, demo seed,
 * generated directory), an API token for a demo member, the app's SQL timed
 * and explained, then the real server and a minimal baseline, each in a child
 * process on 127.0.0.1, loaded with autocannon endpoint by endpoint.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pino from "pino";
import { loadConfig } from "../server/src/config.js";
import { createDatabase } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { createAuthService } from "../server/src/modules/auth/auth.service.js";
import { actorFor, benchCases, explainQueries, formatReports, type QueryReport } from "./explain.js";
import { generateDirectory } from "./generate.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const HOST = "127.0.0.1";
const MEMBER = process.env.BENCH_USER || "siti.rahmawati@hajj-id.rifada.test";
const PEOPLE_QUERY = process.env.BENCH_PEOPLE_QUERY || "عبدالله";
const ORG_QUERY = process.env.BENCH_ORG_QUERY || "مكة";

// ---------------------------------------------------------------- options

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function parseScale(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad scale "${s}" (use e.g. 1k, 10k, 100k, 2500)`);
  return Math.round(Number(m[1]) * ({ "": 1, k: 1_000, m: 1_000_000 }[m[2].toLowerCase()] ?? 1));
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

const quick = process.argv.includes("--quick");
const options = {
  quick,
  duration: positive(argValue("duration") ?? process.env.BENCH_DURATION, quick ? 3 : 10, "BENCH_DURATION"),
  connections: Math.round(positive(argValue("connections") ?? process.env.BENCH_CONNECTIONS, 20, "BENCH_CONNECTIONS")),
  warmup: Number(argValue("warmup") ?? process.env.BENCH_WARMUP ?? 1),
  scales: (argValue("scales") ?? process.env.BENCH_SCALES ?? (quick ? "1k,10k" : "1k,10k,100k")).split(",").map(parseScale),
  keep: process.env.BENCH_KEEP === "1",
};
if (!Number.isFinite(options.warmup) || options.warmup < 0) throw new Error("BENCH_WARMUP must be a number of seconds ≥ 0");

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- child servers

interface Target {
  child: ChildProcess;
  base: string;
}

const children = new Set<ChildProcess>();
/** The temp directory with the databases (removed at exit unless BENCH_KEEP=1). */
let tempDir: string | null = null;

function removeTempDir() {
  if (tempDir && !options.keep) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

function killAll(signal: NodeJS.Signals = "SIGKILL") {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}
process.on("exit", () => {
  killAll();
  removeTempDir();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the servers`);
    killAll();
    process.exit(130);
  });
}

/** Start bench/server.ts in a child process; resolves once it prints its port. */
function startServer(mode: "app" | "baseline", env: Record<string, string>): Promise<Target> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "server.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_MODE: mode, NODE_ENV: "production" },
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

async function stopServer(target: Target): Promise<void> {
  const { child } = target;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- load

interface Endpoint {
  name: string;
  path: string;
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function assertLocal(url: string) {
  if (new URL(url).hostname !== HOST) throw new Error(`refusing to load ${url}: only ${HOST} targets`);
}

/** A request not answered within this many seconds counts as an error (and leaves the latency histogram). */
const REQUEST_TIMEOUT_S = 30;

/** autocannon for `seconds`, stopped by time (and by a watchdog should it overrun). */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  assertLocal(url);
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: options.connections, duration: seconds, timeout: REQUEST_TIMEOUT_S }, (err, result) => {
      clearTimeout(watchdog);
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(result);
    });
    const watchdog = setTimeout(() => instance.stop(), (seconds + REQUEST_TIMEOUT_S + 5) * 1000);
  });
}

async function measure(target: Target, endpoint: Endpoint, headers: Record<string, string>): Promise<Measure> {
  const url = target.base + endpoint.path;
  if (options.warmup > 0) await load(url, headers, options.warmup);
  const r = await load(url, headers, options.duration);
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

/** One request per endpoint before loading: must be 200; returns what to compare between app and baseline. */
async function probe(target: Target, endpoints: Endpoint[], headers: Record<string, string>): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  for (const e of endpoints) {
    const url = target.base + e.path;
    assertLocal(url);
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
    const body = (await res.json()) as { total?: number; id?: string; items?: unknown[] };
    if (res.status !== 200) throw new Error(`GET ${e.path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    seen[e.name] = body.total !== undefined ? `total ${body.total}, ${body.items?.length ?? 0} items` : `id ${body.id}`;
  }
  return seen;
}

// ---------------------------------------------------------------- one scale

interface ScaleResult {
  scale: number;
  people: number;
  organisations: number;
  generatedPeople: number;
  generatedOrganisations: number;
  generateMs: number;
  dbBytes: number;
  endpoints: Array<{ name: string; path: string; app: Measure; baseline: Measure; ratio: { rps: number; p50: number }; answers: { app: string; baseline: string } }>;
  queries: QueryReport[];
  /** 1-minute load average when the scale's load tests started and ended (other work on the machine skews the figures). */
  loadAverage: { start: number; end: number };
  warnings: string[];
}

const label = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

async function runScale(dir: string, scale: number): Promise<ScaleResult> {
  const file = path.join(dir, `rifada-${label(scale)}.sqlite`);
  log(`\n== ${label(scale)}: generating ${scale} people, ${Math.round(scale / 20)} organisations in ${file}`);
  const database = createDatabase({ sqliteFile: file });
  let token: string;
  let actor: ReturnType<typeof actorFor>;
  let personId: string;
  let counts: { people: number; organisations: number };
  let gen: ReturnType<typeof generateDirectory>;
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    const raw = database.sqlite!;
    gen = generateDirectory(raw, { people: scale, organisations: Math.round(scale / 20), seed: 1446 });
    log(`   generated in ${(gen.ms / 1000).toFixed(1)} s`);
    actor = actorFor(raw, MEMBER);
    const auth = createAuthService({ db: database.db, dialect: "sqlite", config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) });
    token = (await auth.createToken(actor, { name: "benchmark" })).token;
    // Someone from another organisation, visible to every member.
    const other = raw.prepare("select id from people where visibility = 'members' and archived_at is null and organisation_id <> ? order by id limit 1").get(actor.organisationId) as { id: string } | undefined;
    if (!other) throw new Error("no person to fetch by id");
    personId = other.id;
    counts = {
      people: (raw.prepare("select count(*) n from people").get() as { n: number }).n,
      organisations: (raw.prepare("select count(*) n from organisations").get() as { n: number }).n,
    };
    raw.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    await database.close();
  }
  const dbBytes = fs.statSync(file).size;

  const queries = await explainQueries(file, benchCases(actor, { people: PEOPLE_QUERY, organisations: ORG_QUERY, personId }));

  const endpoints: Endpoint[] = [
    { name: "people list", path: "/api/people?page=1&pageSize=25" },
    { name: "people search", path: `/api/people?q=${encodeURIComponent(PEOPLE_QUERY)}` },
    { name: "organisations search", path: `/api/organisations?q=${encodeURIComponent(ORG_QUERY)}` },
    { name: "person by id", path: `/api/people/${personId}` },
  ];
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const results: Record<"app" | "baseline", Record<string, Measure>> = { app: {}, baseline: {} };
  const loadStart = os.loadavg()[0];
  const answers: Record<"app" | "baseline", Record<string, string>> = { app: {}, baseline: {} };
  for (const mode of ["app", "baseline"] as const) {
    const target = await startServer(mode, { BENCH_DB: file, BENCH_ORG_ID: actor.organisationId, BENCH_SORT: actor.locale === "ar" ? "name_ar" : "name_en" });
    try {
      answers[mode] = await probe(target, endpoints, headers);
      for (const e of endpoints) {
        log(`   ${mode.padEnd(8)} ${e.name.padEnd(22)} ${options.duration} s × ${options.connections} connections …`);
        results[mode][e.name] = await measure(target, e, headers);
      }
    } finally {
      await stopServer(target);
    }
  }

  const loadAverage = { start: loadStart, end: os.loadavg()[0] };
  const warnings: string[] = [];
  // The servers use one core and autocannon another: a higher load means something else competed for the CPU.
  const busy = Math.max(loadAverage.start, loadAverage.end);
  if (busy > os.cpus().length + 1) warnings.push(`${label(scale)}: load average ${busy.toFixed(1)} on ${os.cpus().length} CPU(s) during the run — other processes competed for the CPU; figures are pessimistic`);
  for (const e of endpoints) {
    if (answers.app[e.name] !== answers.baseline[e.name]) warnings.push(`${label(scale)} ${e.name}: app answered ${answers.app[e.name]}, baseline ${answers.baseline[e.name]}`);
    for (const mode of ["app", "baseline"] as const) {
      const m = results[mode][e.name];
      if (m.non2xx || m.errors) warnings.push(`${label(scale)} ${e.name} (${mode}): ${m.non2xx} non-2xx answers, ${m.errors} errors (${m.timeouts} timeouts) of ${m.requests}`);
    }
  }
  return {
    scale,
    people: counts.people,
    organisations: counts.organisations,
    generatedPeople: gen.people,
    generatedOrganisations: gen.organisations,
    generateMs: gen.ms,
    dbBytes,
    endpoints: endpoints.map((e) => {
      const app = results.app[e.name];
      const baseline = results.baseline[e.name];
      return { ...e, app, baseline, ratio: { rps: app.rps / baseline.rps, p50: app.p50 / baseline.p50 }, answers: { app: answers.app[e.name], baseline: answers.baseline[e.name] } };
    }),
    queries,
    loadAverage,
    warnings,
  };
}

// ---------------------------------------------------------------- report

function table(rows: string[][], align: Array<"l" | "r">): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (align[i] === "l" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd()).join("\n");
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function report(results: ScaleResult[], meta: Record<string, unknown>): string {
  const out: string[] = [];
  out.push(`Rifada benchmark — ${meta.cpus} CPU(s) ${meta.cpuModel}, Node ${meta.node}; ${options.connections} connections, ${options.duration} s per endpoint (+${options.warmup} s warm-up); caller ${MEMBER}`);
  out.push("");
  out.push("Data (fresh SQLite database per scale: migrated, demo seed, generated directory)");
  out.push(table([
    ["scale", "people", "organisations", "generated in", "db size"],
    ...results.map((r) => [label(r.scale), String(r.people), String(r.organisations), `${(r.generateMs / 1000).toFixed(1)} s`, mb(r.dbBytes)]),
  ], ["l", "r", "r", "r", "r"]));
  out.push("");
  out.push("HTTP (app = the Rifada server; base = minimal Fastify + raw better-sqlite3, same SQL; latency in ms)");
  const rows: string[][] = [["scale", "endpoint", "app req/s", "p50", "p99", "base req/s", "p50", "p99", "req/s app/base", "p50 app/base"]];
  for (const r of results) {
    for (const e of r.endpoints) {
      rows.push([label(r.scale), e.name, fmt(e.app.rps), fmt(e.app.p50), fmt(e.app.p99), fmt(e.baseline.rps), fmt(e.baseline.p50), fmt(e.baseline.p99), fmt(e.ratio.rps, 2), fmt(e.ratio.p50, 2)]);
    }
  }
  out.push(table(rows, ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r"]));
  out.push("");
  out.push("SQL issued by the app per request (median of one-at-a-time executions; plans shown for queries over 10 ms)");
  for (const r of results) {
    out.push(`${label(r.scale)}:`);
    const slow = r.queries.filter((q) => q.medianMs > 10);
    out.push(formatReports(r.queries, false));
    if (slow.length > 0) {
      out.push("  plans:");
      out.push(formatReports(slow, true));
    }
  }
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) {
    out.push("");
    out.push("Warnings:");
    for (const w of warnings) out.push(`  ! ${w}`);
  }
  return out.join("\n");
}

// ---------------------------------------------------------------- main

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rifada-bench-"));
  tempDir = dir;
  const startedAt = new Date();
  const meta = {
    startedAt: startedAt.toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? "",
    memoryBytes: os.totalmem(),
  };
  log(`Rifada benchmark: scales ${options.scales.map(label).join(", ")}; ${options.duration} s × ${options.connections} connections per endpoint; data in ${dir}`);
  const results: ScaleResult[] = [];
  try {
    for (const scale of options.scales) results.push(await runScale(dir, scale));
  } finally {
    killAll();
    if (options.keep) log(`\nDatabases kept in ${dir}`);
    removeTempDir();
  }

  process.stdout.write(`\n${report(results, meta)}\n`);
  const resultsDir = path.join(HERE, "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(out, `${JSON.stringify({ ...meta, finishedAt: new Date().toISOString(), options, caller: MEMBER, queries: { people: PEOPLE_QUERY, organisations: ORG_QUERY }, scales: results }, null, 2)}\n`);
  process.stdout.write(`\nResults: ${path.relative(process.cwd(), out)}\n`);
}

main().catch((err) => {
  killAll();
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
