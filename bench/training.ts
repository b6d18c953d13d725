/**
 * The training part of `npm run bench`:
 *
 * 1. A programme's results over 10k and 100k generated trainees (bench/training-generate.ts; about
 *    ten answers each: a million at 100k), on SQLite and PostgreSQL when BENCH_DATABASE_URL is set.
 *    For each: a fresh database (migrate, demo seed, generate), the app in a child process, then the
 *    first request alone (it computes the programme's facts), and each request alone and under load
 *    with autocannon — the results page as the programme's coordinator (plain, sorted by gain, filtered,
 *    searched) and as a mission's admin (his own trainees), the CSV and XLSX exports (one after the
 *    other), and the first results page after a check-in (the facts are computed again).
 * 2. Certificates: a programme of `certificateTrainees` trainees (SQLite), every complete trainee's
 *    certificate issued, then PDFs rendered by the app's Chromium — distinct certificates (each a
 *    render) one at a time and `certificateConcurrency` at a time, PDFs per second and the memory of
 *    the app's process tree (Node and Chromium) sampled meanwhile; the same PDFs again (the disk
 *    cache); one workshop's certificates as a ZIP.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pino from "pino";
import { loadConfig } from "../server/src/config.js";
import { createDatabase, optimizeSqlite, type Dialect } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { createAuthService } from "../server/src/modules/auth/auth.service.js";
import { rebuildSearchIndex } from "../server/src/modules/search/search.indexer.js";
import type { LoadOptions } from "./directory.js";
import { actorByEmail } from "./events.js";
import { readDirectory } from "./events-generate.js";
import { loadTest, sequential } from "./followup.js";
import { assertLocal, fmt, freshPostgres, label, log, mb, seconds, startServer, stopServer, table, type Measure, type Target } from "./harness.js";
import { generateTraining, type TrainingCounts } from "./training-generate.js";

/** Manages every programme of the OIC secretariat (Asas's owner): sees all trainees. */
export const TRAINING_COORDINATOR = process.env.BENCH_TRAINING_COORDINATOR || "coordinator@oic.rifada.test";
/** The admin of the Kuwait mission: sees his mission's trainees only. */
export const TRAINING_ORG_ADMIN = process.env.BENCH_TRAINING_ORG_ADMIN || "mishari.alrashidan@hajj-kw.rifada.test";

export interface TrainingLoadOptions extends LoadOptions {
  exportRequests: number;
}

export interface TrainingScaleResult {
  dialect: Dialect;
  scale: number;
  counts: TrainingCounts;
  generateMs: number;
  dbBytes: number;
  /** The first results request after the server started: computes the programme's facts. */
  coldMs: number;
  /** The first results request after a check-in was recorded: computes them again. */
  afterWriteMs: number;
  /** The app's resident memory (MB) after the load. */
  rssMb: number;
  http: Array<{ caller: string; name: string; path: string; app: Measure; aloneMs: number; answer: string; connections: number | "sequential" }>;
  warnings: string[];
}

export interface CertificateResult {
  trainees: number;
  issued: number;
  issueMs: number;
  runs: Array<{ name: string; pdfs: number; concurrency: number; ms: number; p50: number; p99: number; bytes: number; rssMb: { node: number; chromium: number; peakTotal: number } }>;
  zip: { certificates: number; ms: number; bytes: number } | null;
  skipped: string | null;
}

const headersOf = (token: string) => ({ authorization: `Bearer ${token}`, accept: "application/json, text/csv, */*" });

// ---------------------------------------------------------------- memory of the app's process tree

/**
 * Memory (bytes) of `pid` and of its descendants (Chromium), from /proc: the proportional set size
 * (shared pages divided among the processes sharing them), so Chromium's processes, which share
 * most of their pages, are not counted several times over; the resident size where PSS is unknown.
 */
function treeRss(pid: number): { node: number; children: number } {
  const parent = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const rss = (p: number) => {
    for (const [file, field] of [[`/proc/${p}/smaps_rollup`, /^Pss:\s+(\d+) kB/m], [`/proc/${p}/status`, /VmRSS:\s+(\d+) kB/]] as const) {
      try {
        const m = field.exec(fs.readFileSync(file, "utf8"));
        if (m) return Number(m[1]) * 1024;
      } catch {
        // The process ended meanwhile, or the file is not there.
      }
    }
    return 0;
  };
  const descendants = new Set<number>([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent) if (!descendants.has(p) && descendants.has(pp)) (descendants.add(p), (grew = true));
  }
  let children = 0;
  for (const p of descendants) if (p !== pid) children += rss(p);
  return { node: rss(pid), children };
}

/** Sample the tree's memory every 100 ms until stopped; the peaks. */
function sampleMemory(pid: number) {
  let node = 0, chromium = 0, total = 0;
  const take = () => {
    const r = treeRss(pid);
    node = Math.max(node, r.node);
    chromium = Math.max(chromium, r.children);
    total = Math.max(total, r.node + r.children);
  };
  take();
  const timer = setInterval(take, 100);
  return () => {
    clearInterval(timer);
    take();
    return { node: node / 1024 / 1024, chromium: chromium / 1024 / 1024, peakTotal: total / 1024 / 1024 };
  };
}

// ---------------------------------------------------------------- a fresh generated database

async function prepare(dialect: Dialect, dir: string, serverUrl: string | null, trainees: number, name: string) {
  const file = path.join(dir, `${name}.sqlite`);
  const pgdb = dialect === "postgres" ? await freshPostgres(serverUrl!, name) : null;
  const database = pgdb ? createDatabase({ databaseUrl: pgdb.url }) : createDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    const directory = await readDirectory(database.db);
    let lastLog = performance.now();
    const generated = await generateTraining(pgdb ? { postgresUrl: pgdb.url } : { raw: database.sqlite! }, database.db, directory, { trainees }, (done) => {
      if (performance.now() - lastLog < 15_000) return;
      lastLog = performance.now();
      log(`   … ${done} trainees written`);
    });
    const c = generated.counts;
    log(`   ${c.trainees} trainees of ${c.organisations} organisations in ${c.countries} countries; ${c.preAttempts} pre- and ${c.postAttempts} post-tests, ${c.answers} answers, ${c.attendance} attendance rows, ${c.surveys} surveys; ${c.rows} rows in ${seconds(generated.ms)}`);
    // Trainees are people of the directory, which is searchable: rebuild the index (and mark it
    // current) here, so the server does not at start; on SQLite gather the planner's statistics too.
    const indexed = performance.now();
    const documents = await rebuildSearchIndex(database.db);
    if (database.sqlite) optimizeSqlite(database.sqlite, true);
    log(`   search index rebuilt (${documents} documents)${database.sqlite ? " and statistics gathered" : ""} in ${seconds(performance.now() - indexed)}`);
    const tokens: Record<string, string> = {};
    const auth = createAuthService({ db: database.db, dialect, config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) });
    for (const email of [TRAINING_COORDINATOR, TRAINING_ORG_ADMIN]) tokens[email] = (await auth.createToken(await actorByEmail(database.db, email), { name: "benchmark" })).token;
    // A trainee to check in after the load (a person of the programme who did not attend the first workshop).
    const absent = await database.db
      .selectFrom("trainingEnrolments as e")
      .select(["e.personId"])
      .where("e.programmeId", "=", generated.programmeId)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("attendance as a").select("a.id").whereRef("a.personId", "=", "e.personId").where("a.eventId", "=", generated.workshopIds[0]!))))
      .orderBy("e.id")
      .limit(1)
      .executeTakeFirstOrThrow();
    let dbBytes = 0;
    if (database.sqlite) database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    else dbBytes = Number((await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(database.db)).rows[0]!.n);
    return { file, pgdb, generated, tokens, absentPersonId: absent.personId, dbBytes, db: database.db, close: () => database.close() };
  } catch (err) {
    await database.close();
    await pgdb?.drop();
    throw err;
  }
}

async function timedGet(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; body: Buffer }> {
  assertLocal(url);
  const t = performance.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(600_000) });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - t, status: res.status, body };
}

// ---------------------------------------------------------------- results at a scale

export async function runTrainingScale(dialect: Dialect, dir: string, serverUrl: string | null, scale: number, options: TrainingLoadOptions): Promise<TrainingScaleResult> {
  log(`\n== training ${label(scale)} (${dialect}): a programme of ${scale} trainees`);
  const p = await prepare(dialect, dir, serverUrl, scale, `training_${label(scale)}`);
  const { generated } = p;
  await p.close();
  const dbBytes = p.pgdb ? p.dbBytes : fs.statSync(p.file).size;
  const warnings: string[] = [];
  const http: TrainingScaleResult["http"] = [];
  let coldMs = 0;
  let afterWriteMs = 0;
  let rssMb = 0;
  try {
    const target = await startServer("app", p.pgdb ? { BENCH_APP_DATABASE_URL: p.pgdb.url } : { BENCH_DB: p.file });
    try {
      const base = `/api/training/programmes/${generated.programmeId}/results`;
      const coordinator = headersOf(p.tokens[TRAINING_COORDINATOR]!);
      const admin = headersOf(p.tokens[TRAINING_ORG_ADMIN]!);
      const cold = await timedGet(target.base + base, coordinator);
      if (cold.status !== 200) throw new Error(`GET ${base} answered ${cold.status}: ${cold.body.toString("utf8").slice(0, 300)}`);
      coldMs = cold.ms;
      log(`   first results request (computes the facts): ${seconds(coldMs)}`);
      const endpoints: Array<{ caller: string; headers: Record<string, string>; name: string; path: string; kind: "json" | "csv" | "xlsx" }> = [
        { caller: "coordinator", headers: coordinator, name: "results, page 1", path: base, kind: "json" },
        { caller: "coordinator", headers: coordinator, name: "results by gain, page 40", path: `${base}?sort=gain&order=desc&page=40&pageSize=25`, kind: "json" },
        { caller: "coordinator", headers: coordinator, name: "results missing attendance", path: `${base}?missing=attendance`, kind: "json" },
        { caller: "coordinator", headers: coordinator, name: "results search (name)", path: `${base}?q=${encodeURIComponent("محمد")}`, kind: "json" },
        { caller: "mission admin", headers: admin, name: "results, own trainees", path: base, kind: "json" },
        { caller: "coordinator", headers: coordinator, name: "export CSV", path: `${base}/export?format=csv`, kind: "csv" },
        { caller: "coordinator", headers: coordinator, name: "export XLSX", path: `${base}/export?format=xlsx`, kind: "xlsx" },
      ];
      for (const e of endpoints) {
        const url = target.base + e.path;
        await timedGet(url, e.headers);
        const alone = await timedGet(url, e.headers);
        if (alone.status !== 200) throw new Error(`GET ${e.path} answered ${alone.status}: ${alone.body.toString("utf8").slice(0, 300)}`);
        let answer = mb(alone.body.length);
        if (e.kind === "json") {
          const body = JSON.parse(alone.body.toString("utf8")) as { totals: { trainees: number; avgGain: number | null; completed: number }; trainees: { total: number } };
          answer = `${body.trainees.total} of ${body.totals.trainees} trainees, gain ${body.totals.avgGain}, ${body.totals.completed} complete, ${mb(alone.body.length)}`;
        } else if (e.kind === "csv") {
          let lines = 0;
          for (const b of alone.body) if (b === 10) lines++;
          answer = `${lines - 1} rows, ${mb(alone.body.length)}`;
        }
        const sequentialOnly = e.kind !== "json";
        log(`   ${e.caller.padEnd(13)} ${e.name.padEnd(28)} ${sequentialOnly ? `${options.exportRequests} sequential requests` : `${options.duration} s × ${options.connections} connections`} …`);
        const m = sequentialOnly
          ? await sequential(url, e.headers, options.exportRequests, false)
          : await loadTest(url, e.headers, options, alone.ms, target.base + base);
        http.push({ caller: e.caller, name: e.name, path: e.path, app: m, aloneMs: alone.ms, answer, connections: sequentialOnly ? "sequential" : options.connections });
      }
      rssMb = treeRss(target.child.pid!).node / 1024 / 1024;
      // A check-in at the first workshop: the next results request computes the facts again.
      const key = encodeURIComponent(`p:${p.absentPersonId}`);
      const put = await fetch(`${target.base}/api/events/${generated.workshopIds[0]}/attendance/${key}`, { method: "PUT", headers: coordinator });
      if (put.status !== 204) warnings.push(`training ${label(scale)} (${dialect}): the check-in answered ${put.status}`);
      afterWriteMs = (await timedGet(target.base + base, coordinator)).ms;
      log(`   first results request after a check-in: ${seconds(afterWriteMs)}`);
    } finally {
      await stopServer(target);
    }
  } finally {
    await p.pgdb?.drop();
  }
  const where = `training ${label(scale)} (${dialect})`;
  const busy = os.loadavg()[0];
  if (busy > os.cpus().length + 1) warnings.push(`${where}: load average ${busy.toFixed(1)} on ${os.cpus().length} CPU(s) at the end — figures are pessimistic`);
  for (const h of http) {
    if (h.app.requests === 0) warnings.push(`${where} ${h.caller} ${h.name}: no answer within the ${options.duration} s window`);
    if (h.app.non2xx || h.app.errors) warnings.push(`${where} ${h.caller} ${h.name}: ${h.app.non2xx} non-2xx answers, ${h.app.errors} errors (${h.app.timeouts} timeouts) of ${h.app.requests}`);
  }
  return { dialect, scale, counts: generated.counts, generateMs: generated.ms, dbBytes, coldMs, afterWriteMs, rssMb, http, warnings };
}

// ---------------------------------------------------------------- certificates

/** `ids` fetched as PDFs, `concurrency` at a time; latencies and bytes. */
async function fetchAll(base: string, ids: readonly string[], headers: Record<string, string>, concurrency: number) {
  const times: number[] = [];
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const r = await timedGet(`${base}/api/training/certificates/${id}/pdf`, headers);
      if (r.status !== 200) throw new Error(`certificate ${id}: ${r.status} ${r.body.toString("utf8").slice(0, 200)}`);
      if (r.body.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error(`certificate ${id}: not a PDF`);
      times.push(r.ms);
      bytes += r.body.length;
    }
  }));
  const ms = performance.now() - started;
  times.sort((a, b) => a - b);
  return { ms, p50: times[Math.floor((times.length - 1) / 2)] ?? 0, p99: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] ?? 0, bytes };
}

export async function runCertificates(dir: string, trainees: number, pdfs: number, concurrency: number): Promise<CertificateResult> {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    const why = `${chromium} is missing: install Debian's chromium (or set CHROMIUM_PATH) to measure certificate rendering`;
    log(`\n!! certificates SKIPPED: ${why}`);
    return { trainees, issued: 0, issueMs: 0, runs: [], zip: null, skipped: why };
  }
  log(`\n== certificates (sqlite): a programme of ${trainees} trainees; ${pdfs} PDFs one at a time and ${pdfs} ${concurrency} at a time`);
  const p = await prepare("sqlite", dir, null, trainees, `certificates_${label(trainees)}`);
  const { generated } = p;
  const runs: CertificateResult["runs"] = [];
  let issued = 0;
  let issueMs = 0;
  let zip: CertificateResult["zip"] = null;
  try {
    const target: Target = await startServer("app", { BENCH_DB: p.file });
    try {
      const headers = headersOf(p.tokens[TRAINING_COORDINATOR]!);
      const t = performance.now();
      const res = await fetch(`${target.base}/api/training/programmes/${generated.programmeId}/certificates/issue`, { method: "POST", headers });
      const body = (await res.json()) as { issued: number };
      if (res.status !== 200) throw new Error(`issue answered ${res.status}: ${JSON.stringify(body)}`);
      issueMs = performance.now() - t;
      issued = body.issued;
      log(`   ${issued} certificates issued in ${seconds(issueMs)}`);
      const ids = (await p.db.selectFrom("trainingCertificates").select("id").where("programmeId", "=", generated.programmeId).where("status", "=", "valid").orderBy("id").execute()).map((r) => r.id);
      if (ids.length < 2 * pdfs + 1) throw new Error(`only ${ids.length} certificates: raise --certificate-trainees`);
      // The browser starts on the first render: one unrecorded.
      await fetchAll(target.base, ids.slice(0, 1), headers, 1);
      const plan: Array<[string, string[], number]> = [
        ["rendered, one at a time", ids.slice(1, 1 + pdfs), 1],
        [`rendered, ${concurrency} at a time`, ids.slice(1 + pdfs, 1 + 2 * pdfs), concurrency],
        [`cached, ${concurrency} at a time`, ids.slice(1, 1 + pdfs), concurrency],
      ];
      for (const [name, list, c] of plan) {
        const stop = sampleMemory(target.child.pid!);
        const r = await fetchAll(target.base, list, headers, c);
        const rssMb = stop();
        runs.push({ name, pdfs: list.length, concurrency: c, ...r, rssMb });
        log(`   ${name}: ${list.length} PDFs in ${seconds(r.ms)} (${fmt(list.length / (r.ms / 1000), 1)}/s), peak memory ${fmt(rssMb.peakTotal)} MB`);
      }
      const workshop = generated.workshopIds[0]!;
      const inZip = ids.length;
      const stop = sampleMemory(target.child.pid!);
      const z = await timedGet(`${target.base}/api/events/${workshop}/certificates.zip`, headers);
      stop();
      if (z.status !== 200) throw new Error(`ZIP answered ${z.status}`);
      zip = { certificates: inZip, ms: z.ms, bytes: z.body.length };
      log(`   ZIP of a workshop's certificates: ${mb(z.body.length)} in ${seconds(z.ms)}`);
    } finally {
      await stopServer(target);
    }
  } finally {
    await p.close();
  }
  return { trainees, issued, issueMs, runs, zip, skipped: null };
}

// ---------------------------------------------------------------- report

export function trainingReport(results: TrainingScaleResult[], certificates: CertificateResult | null, options: TrainingLoadOptions): string {
  const out: string[] = [];
  if (results.length > 0) {
    out.push(`Training: a programme's results (${options.duration} s × ${options.connections} connections per request; exports ${options.exportRequests} one after the other)`);
    const rows = [["database", "trainees", "answers", "generate", "db size", "first request", "after a check-in", "app memory"]];
    for (const r of results) rows.push([r.dialect, label(r.scale), String(r.counts.answers), seconds(r.generateMs), r.dbBytes ? mb(r.dbBytes) : "-", seconds(r.coldMs), seconds(r.afterWriteMs), `${fmt(r.rssMb)} MB`]);
    out.push(table(rows, ["l", "r", "r", "r", "r", "r", "r", "r"]));
    out.push("");
    const http = [["database", "trainees", "caller", "request", "req/s", "p50 ms", "p99 ms", "alone ms", "answer"]];
    for (const r of results) {
      for (const h of r.http) http.push([r.dialect, label(r.scale), h.caller, h.name, fmt(h.app.rps, 1), fmt(h.app.p50), fmt(h.app.p99), fmt(h.aloneMs), h.answer]);
    }
    out.push(table(http, ["l", "r", "l", "l", "r", "r", "r", "r", "l"]));
    out.push("  first request: computes the programme's facts (then cached until something they come from changes);");
    out.push("  after a check-in: the first request once attendance changed; alone: one request on the idle server.");
  }
  if (certificates) {
    out.push("");
    const memoryNote = "  memory: peak proportional set size (PSS) during the run — the app's Node process, its Chromium processes, and both together";
    if (certificates.skipped) out.push(`Certificates: SKIPPED — ${certificates.skipped}`);
    else {
      out.push(`Certificates (sqlite; ${certificates.issued} issued for ${certificates.trainees} trainees in ${seconds(certificates.issueMs)}; the app renders with one Chromium, 3 pages at a time)`);
      const rows = [["PDFs", "how", "PDFs/s", "p50 ms", "p99 ms", "KB each", "node MB", "chromium MB", "total MB"]];
      for (const r of certificates.runs) rows.push([String(r.pdfs), r.name, fmt(r.pdfs / (r.ms / 1000), 1), fmt(r.p50), fmt(r.p99), fmt(r.bytes / r.pdfs / 1024), fmt(r.rssMb.node), fmt(r.rssMb.chromium), fmt(r.rssMb.peakTotal)]);
      out.push(table(rows, ["r", "l", "r", "r", "r", "r", "r", "r", "r"]));
      out.push(memoryNote);
      if (certificates.zip) out.push(`  a workshop's certificates as one ZIP: ${certificates.zip.certificates} certificates, ${mb(certificates.zip.bytes)} in ${seconds(certificates.zip.ms)} (those not rendered yet are rendered on the way)`);
    }
  }
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) out.push("", "Warnings (training):", ...warnings.map((w) => `  ! ${w}`));
  return out.join("\n");
}
