/**
 * The directory part of `npm run bench`: for each scale, a fresh SQLite database
 * (migrate, demo seed, generated directory), an API token for a demo member, the
 * app's SQL timed and explained, then the real server and a minimal baseline,
 * each in a child process on 127.0.0.1, loaded with autocannon endpoint by endpoint.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../server/src/config.js";
import { createDatabase } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { createAuthService } from "../server/src/modules/auth/auth.service.js";
import { actorFor, benchCases, explainQueries, formatReports, type QueryReport } from "./explain.js";
import { generateDirectory } from "./generate.js";
import { assertLocal, fmt, label, log, mb, measure, startServer, stopServer, table, type Measure, type Target } from "./harness.js";

export const MEMBER = process.env.BENCH_USER || "siti.rahmawati@hajj-id.rifada.test";
export const PEOPLE_QUERY = process.env.BENCH_PEOPLE_QUERY || "عبدالله";
export const ORG_QUERY = process.env.BENCH_ORG_QUERY || "مكة";

export interface LoadOptions {
  duration: number;
  connections: number;
  warmup: number;
}

interface Endpoint {
  name: string;
  path: string;
}

/** One request per endpoint before loading: must be 200; returns what to compare between app and baseline. */
export async function probe(target: Target, endpoints: Endpoint[], headers: Record<string, string>): Promise<Record<string, string>> {
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

export interface ScaleResult {
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

export async function runDirectoryScale(dir: string, scale: number, options: LoadOptions): Promise<ScaleResult> {
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
        results[mode][e.name] = await measure(target.base + e.path, headers, options);
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

export function directoryReport(results: ScaleResult[]): string {
  const out: string[] = [];
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
