/**
 * The follow-up part of `npm run bench`: the accountability view over 10k and 100k
 * recommendations with about ten timeline entries each (a million at 100k). For each scale
 * and database (SQLite; PostgreSQL too when BENCH_DATABASE_URL is set), a fresh database
 * (migrate, demo seed, generated meetings, programmes and recommendations:
 * bench/followup-generate.ts), the search index rebuilt (recommendations are searchable), then
 *   1. the SQL of each request, statement by statement, timed alone and explained;
 *   2. the app in a child process, loaded with autocannon as two callers — a coordinator (reads
 *      everything) and the admin of a responsible mission (reads what is shared with his
 *      mission: every statement carries the scope condition) — on the view (no filter, a season,
 *      season + programme, season + meeting, season + organisation), the CSV export, the XLSX
 *      export (a few sequential requests) and a recommendation's timeline page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import pino from "pino";
import { loadConfig } from "../server/src/config.js";
import { createDatabase, type Dialect } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import type { DB } from "../server/src/db/schema.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import type { Deps } from "../server/src/deps.js";
import { createAuthService } from "../server/src/modules/auth/auth.service.js";
import { organisationsRepository } from "../server/src/modules/directory/organisations.repository.js";
import { peopleRepository } from "../server/src/modules/directory/people.repository.js";
import { createAttachmentsService } from "../server/src/modules/events/attachments.service.js";
import { createEventsService } from "../server/src/modules/events/events.service.js";
import { createMinutesService } from "../server/src/modules/events/minutes.service.js";
import { accountabilityRepository } from "../server/src/modules/followup/accountability.repository.js";
import { createAccountabilityService, type AccountabilityQuery } from "../server/src/modules/followup/accountability.service.js";
import { todayIso } from "../server/src/modules/followup/followup-dates.js";
import { recommendationConditions } from "../server/src/modules/followup/recommendations.repository.js";
import { createRecommendationsService } from "../server/src/modules/followup/recommendations.service.js";
import { rebuildSearchIndex } from "../server/src/modules/search/search.indexer.js";
import type { Actor } from "../server/src/policies/index.js";
import type { LoadOptions } from "./directory.js";
import { actorByEmail } from "./events.js";
import { readDirectory } from "./events-generate.js";
import { explainQueries, formatReports, type ExplainCase, type QueryReport } from "./explain.js";
import { generateFollowup, type FollowupCounts } from "./followup-generate.js";
import { assertLocal, fmt, freshPostgres, label, load, log, mb, measure, seconds, startServer, stopServer, table, type Measure, type Target } from "./harness.js";

/** A coordinator of the OIC secretariat: reads every recommendation. */
export const FOLLOWUP_COORDINATOR = process.env.BENCH_FOLLOWUP_COORDINATOR || "coordinator@oic.rifada.test";
/** The admin of the Qatar mission (GCC): reads his mission's, members-only, public and GCC-shared recommendations, and those his mission is responsible for, assigned an action of, or invited to the meeting of. */
export const FOLLOWUP_ORG_ADMIN = process.env.BENCH_FOLLOWUP_ORG_ADMIN || "khalid.alkuwari@hajj-qa.rifada.test";
/** The season of the view (the last one that ended: most of its recommendations are open or done, many overdue). */
export const FOLLOWUP_SEASON = process.env.BENCH_FOLLOWUP_SEASON || "1447";
/** Timeline entries per page (the route's default). */
const TIMELINE_PAGE = 50;

export interface FollowupLoadOptions extends LoadOptions {
  /** Concurrent connections for the CSV export (a request streams the whole season). */
  exportConnections: number;
  /** Exports timed one after the other (after one unrecorded when warm-up is on): XLSX always, CSV when one takes over half the load window. */
  exportRequests: number;
}

type CallerKey = "coordinator" | "org admin";
const CALLERS: CallerKey[] = ["coordinator", "org admin"];

interface Endpoint {
  name: string;
  path: string;
  kind: "json" | "csv" | "xlsx";
}

export interface FollowupScaleResult {
  dialect: Dialect;
  scale: number;
  counts: FollowupCounts & { readableByOrgAdmin: number; responsibleOrgAdmin: number; documents: number };
  generateMs: number;
  indexMs: number;
  dbBytes: number;
  targets: { season: string; programme: string; programmeRecommendations: number; meeting: string; meetingRecommendations: number; organisation: string; recommendation: string; recommendationUpdates: number };
  /** aloneMs: one request on the idle server (the second of two, before the load). */
  http: Array<{ caller: CallerKey; name: string; path: string; app: Measure; aloneMs: number; answer: string; connections: number | "sequential" }>;
  sql: QueryReport[];
  loadAverage: { start: number; end: number };
  warnings: string[];
  stageMs: Record<string, number>;
}

/** The follow-up services as app.ts builds them, on `db`. */
function followupServices(db: Kysely<DB>, dialect: Dialect) {
  const deps: Deps = { db, dialect, config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) };
  const events = createEventsService(deps);
  const minutes = createMinutesService(deps, events, createAttachmentsService(deps, events));
  const recommendations = createRecommendationsService(deps, events, minutes);
  return { recommendations, accountability: createAccountabilityService(deps, recommendations) };
}

/** What each benchmarked request runs, as the routes call the services (a fresh actor per request: its groups are looked up each time). */
function followupCases(callers: Record<CallerKey, Actor>, queries: Array<{ name: string; query: AccountabilityQuery }>, recommendationId: string, dialect: Dialect): ExplainCase[] {
  const cases: ExplainCase[] = [];
  for (const caller of CALLERS) {
    const actor = () => ({ ...callers[caller], groupIds: undefined });
    for (const q of queries) {
      cases.push({ endpoint: `${caller}: ${q.name}`, run: (r) => followupServices(r.db, dialect).accountability.getAccountability(actor(), q.query) });
    }
    // The export's statements: the first batch of rows (and their responsibles); the file repeats them per 1,000 rows.
    cases.push({
      endpoint: `${caller}: export (1st batch)`,
      run: async (r) => {
        const seasonId = (await r.db.selectFrom("seasons").select("id").where("code", "=", FOLLOWUP_SEASON).executeTakeFirst())?.id ?? null;
        const rows = accountabilityRepository(r.db).exportRows(actor(), { seasonId }, todayIso());
        await rows.next();
        await rows.return(undefined);
      },
    });
    cases.push({ endpoint: `${caller}: timeline page`, run: (r) => followupServices(r.db, dialect).recommendations.listUpdates(actor(), recommendationId, { page: 1, pageSize: TIMELINE_PAGE }) });
  }
  return cases;
}

/** PostgreSQL counterpart of explainQueries: capture the cases' SQL, time each statement alone (median of `runs`), EXPLAIN (ANALYZE, COSTS OFF) it. */
async function explainPostgres(url: string, cases: ExplainCase[], runs = 5): Promise<QueryReport[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const captured: Array<{ endpoint: string; sql: string; parameters: unknown[] }> = [];
  let current = "";
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === "query") captured.push({ endpoint: current, sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  try {
    const repos = { people: peopleRepository(db), organisations: organisationsRepository(db), db };
    for (const c of cases) {
      current = c.endpoint;
      await c.run(repos);
    }
    const reports: QueryReport[] = [];
    for (const { endpoint, sql: text, parameters } of captured) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        rows = (await pool.query(text, parameters)).rowCount ?? 0;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const plan = (await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, costs off) ${text}`, parameters)).rows.map((r) => r["QUERY PLAN"]);
      reports.push({ endpoint, role: "", sql: text, parameters, medianMs: times[Math.floor(times.length / 2)], rows, plan });
    }
    return reports;
  } finally {
    await db.destroy();
  }
}

/** Name each captured statement by what it does. */
function nameStatements(reports: QueryReport[]): QueryReport[] {
  return reports.map((q) => {
    const s = q.sql;
    const role = /from "group_members"/.test(s) ? "caller's groups"
      : /from "seasons"/.test(s) && !/from "recommendations"/.test(s) ? "season"
      : /'proposed' then 1/.test(s) ? "totals"
      : /max\("recommendation_updates"\."created_at"\)/.test(s) ? "export rows"
      : /group by "recommendations"\."area_id"/.test(s) ? "by area"
      : /group by "organisations"\."id"/.test(s) ? "by organisation"
      : /order by "recommendations"\."due_on"/.test(s) ? "overdue list"
      : /"recommendation_updates"/.test(s) && /"recommendations"\."text_ar"/.test(s) && /limit/.test(s) && /cross join/.test(s) ? "timeline"
      : /^select count\(\*\) as "n" from "recommendations"$/.test(s.trim()) ? "count all"
      : /from "recommendation_responsibles" inner join "organisations"/.test(s) ? "responsibles"
      : /left join "users"/.test(s) && /"recommendation_updates"/.test(s) ? "updates page"
      : /count\(\*\) as "n" from "recommendation_updates"/.test(s) ? "updates count"
      : /from "recommendation_files"/.test(s) ? "files"
      : /from "actions"/.test(s) ? "actions of caller"
      : /from "event_invitations"/.test(s) ? "invitation of caller"
      : /left join "events" as "source_event"/.test(s) ? "recommendation"
      : q.role;
    return { ...q, role };
  });
}

/**
 * Two requests per endpoint, one after the other, before loading: must be 200; returns what came
 * back and how long the second took alone on the idle server (ms).
 */
async function probe(target: Target, endpoints: Endpoint[], headers: Record<string, string>): Promise<{ answers: Record<string, string>; ms: Record<string, number> }> {
  const seen: Record<string, string> = {};
  const ms: Record<string, number> = {};
  for (const e of endpoints) {
    const url = target.base + e.path;
    assertLocal(url);
    let res: Response | undefined;
    let bytes = Buffer.alloc(0);
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      res = await fetch(url, { headers, signal: AbortSignal.timeout(300_000) });
      bytes = Buffer.from(await res.arrayBuffer());
      ms[e.name] = performance.now() - started;
      if (res.status !== 200) break;
    }
    if (!res) continue;
    if (res.status !== 200) throw new Error(`GET ${e.path} answered ${res.status}: ${bytes.toString("utf8").slice(0, 300)}`);
    if (e.kind === "csv") {
      let lines = 0;
      for (const b of bytes) if (b === 10) lines++;
      seen[e.name] = `${lines - 1} rows, ${mb(bytes.length)}`;
    } else if (e.kind === "xlsx") {
      seen[e.name] = `${mb(bytes.length)}`;
    } else {
      const body = JSON.parse(bytes.toString("utf8")) as { totals?: { total: number; overdue: number }; overdue?: unknown[]; timeline?: unknown[]; byOrganisation?: unknown[]; total?: number; items?: unknown[] };
      seen[e.name] = body.totals
        ? `total ${body.totals.total}, overdue ${body.totals.overdue}; ${body.byOrganisation?.length ?? 0} orgs, ${body.overdue?.length ?? 0} overdue listed, ${body.timeline?.length ?? 0} timeline, ${mb(bytes.length)}`
        : `total ${body.total}, ${body.items?.length ?? 0} items`;
    }
  }
  return { answers: seen, ms };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wait until a cheap request (`url`) is answered within 200 ms again: the server keeps working on
 * the requests autocannon gave up on (harness.ts's settle, but surviving a keep-alive connection
 * the server dropped meanwhile — minutes of backlog at 100k — by retrying).
 */
async function settle(url: string, headers: Record<string, string>): Promise<void> {
  assertLocal(url);
  const started = performance.now();
  for (let failures = 0; performance.now() - started < 600_000;) {
    const t = performance.now();
    try {
      await fetch(url, { headers, signal: AbortSignal.timeout(300_000) }).then((res) => res.arrayBuffer());
    } catch (err) {
      if (++failures > 5) throw err;
      await sleep(1000);
      continue;
    }
    if (performance.now() - t < 200) break;
  }
  const ms = performance.now() - started;
  if (ms > 1000) log(`     (the server caught up in ${(ms / 1000).toFixed(1)} s)`);
}

/**
 * harness.ts's measure with this part's settle: warm up (unless one request alone took over a
 * second: the probe warmed it), wait for the server, load for `duration` seconds, wait again.
 */
export async function loadTest(url: string, headers: Record<string, string>, options: LoadOptions, aloneMs: number, settleUrl: string): Promise<Measure> {
  if (options.warmup > 0 && aloneMs <= 1000) {
    await load(url, headers, options.warmup, options.connections);
    await settle(settleUrl, headers);
  }
  const m = await measure(url, headers, { ...options, warmup: 0 });
  await settle(settleUrl, headers);
  return m;
}

/** `n` requests one after the other (after one unrecorded when `warmup`): a Measure of them. */
export async function sequential(url: string, headers: Record<string, string>, n: number, warmup: boolean): Promise<Measure> {
  assertLocal(url);
  const once = async () => {
    const t = performance.now();
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(300_000) });
    await res.arrayBuffer();
    return { ms: performance.now() - t, ok: res.status === 200 };
  };
  if (warmup) await once();
  const times: number[] = [];
  let non2xx = 0;
  for (let i = 0; i < n; i++) {
    const r = await once();
    times.push(r.ms);
    if (!r.ok) non2xx++;
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return { rps: n / (total / 1000), p50: times[Math.floor((n - 1) / 2)], p99: times[n - 1], mean: total / n, requests: n, non2xx, errors: 0, timeouts: 0 };
}

export async function runFollowupScale(dialect: Dialect, dir: string, serverUrl: string | null, scale: number, options: FollowupLoadOptions): Promise<FollowupScaleResult> {
  const file = path.join(dir, `followup-${label(scale)}.sqlite`);
  const pgdb = dialect === "postgres" ? await freshPostgres(serverUrl!, `followup_${label(scale)}`) : null;
  log(`\n== follow-up ${label(scale)} (${dialect}): ${scale} recommendations in ${pgdb ? pgdb.name : file}`);
  const stageMs: Record<string, number> = {};
  const stage = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await run();
    stageMs[name] = performance.now() - t;
    return out;
  };
  try {
    const database = pgdb ? createDatabase({ databaseUrl: pgdb.url }) : createDatabase({ sqliteFile: file });
    let counts: FollowupScaleResult["counts"];
    let generateMs: number;
    let indexMs: number;
    let dbBytes = 0;
    let targets: FollowupScaleResult["targets"];
    const callers = {} as Record<CallerKey, Actor>;
    const tokens = {} as Record<CallerKey, string>;
    try {
      await stage("migrate + seed", async () => {
        await migrateToLatest(database.db);
        await seedDemo(database.db);
      });
      const directory = await readDirectory(database.db);
      let lastLog = performance.now();
      const generated = await stage("generate", () => generateFollowup(pgdb ? { postgresUrl: pgdb.url } : { raw: database.sqlite! }, directory, { recommendations: scale, seed: 1449 }, (done) => {
        if (performance.now() - lastLog < 15_000) return;
        lastLog = performance.now();
        log(`   … written ${done}`);
      }));
      generateMs = generated.ms;
      const g = generated.counts;
      log(`   ${g.recommendations} recommendations (${g.fromMeetings} from ${g.meetings} meetings, ${g.inProgrammes} in ${g.programmes} programmes), ${g.updates} timeline entries (at most ${g.maxUpdates} on one), ${g.actions} actions, ${g.responsibles} responsibles, ${g.overdue} overdue; ${g.rows} rows in ${seconds(generateMs)} (${fmt(g.rows / (generateMs / 1000))} rows/s)`);

      // Recommendations are searchable: rebuild the index (and mark it current) so the server does not at start.
      let documents = 0;
      indexMs = await stage("search index", async () => {
        const t = performance.now();
        documents = await rebuildSearchIndex(database.db);
        return performance.now() - t;
      });
      log(`   search index rebuilt: ${documents} documents in ${seconds(indexMs)}`);

      const today = todayIso();
      await stage("targets + tokens", async () => {
        const db = database.db;
        for (const [key, email] of [["coordinator", FOLLOWUP_COORDINATOR], ["org admin", FOLLOWUP_ORG_ADMIN]] as const) callers[key] = await actorByEmail(db, email);
        const admin = callers["org admin"];
        const season = await db.selectFrom("seasons").select("id").where("code", "=", FOLLOWUP_SEASON).executeTakeFirstOrThrow();
        // The season's largest programme and the meeting that made the most of its recommendations.
        const programme = await db.selectFrom("recommendations").select((eb) => ["programmeId", eb.fn.countAll<number>().as("n")])
          .where("seasonId", "=", season.id).where("programmeId", "is not", null).groupBy("programmeId").orderBy("n", "desc").orderBy("programmeId").executeTakeFirstOrThrow();
        const meeting = await db.selectFrom("recommendations").select((eb) => ["sourceEventId", eb.fn.countAll<number>().as("n")])
          .where("seasonId", "=", season.id).where("sourceEventId", "is not", null).groupBy("sourceEventId").orderBy("n", "desc").orderBy("sourceEventId").executeTakeFirstOrThrow();
        // The longest timeline among the recommendations the admin's mission is responsible for (both callers read it).
        const longest = await db.selectFrom("recommendationUpdates")
          .innerJoin("recommendationResponsibles", "recommendationResponsibles.recommendationId", "recommendationUpdates.recommendationId")
          .select((eb) => ["recommendationUpdates.recommendationId", eb.fn.countAll<number>().as("n")])
          .where("recommendationResponsibles.organisationId", "=", admin.organisationId)
          .groupBy("recommendationUpdates.recommendationId").orderBy("n", "desc").orderBy("recommendationUpdates.recommendationId").executeTakeFirstOrThrow();
        targets = {
          season: FOLLOWUP_SEASON, programme: programme.programmeId!, programmeRecommendations: Number(programme.n), meeting: meeting.sourceEventId!, meetingRecommendations: Number(meeting.n),
          organisation: admin.organisationId, recommendation: longest.recommendationId, recommendationUpdates: Number(longest.n),
        };
        const auth = createAuthService({ db, dialect, config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) });
        for (const key of CALLERS) tokens[key] = (await auth.createToken(callers[key], { name: "benchmark" })).token;
        const readable = Number((await db.selectFrom("recommendations").where(recommendationConditions({ ...admin }, {}, today)).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
        const responsible = Number((await db.selectFrom("recommendationResponsibles").where("organisationId", "=", admin.organisationId).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
        counts = { ...g, readableByOrgAdmin: readable, responsibleOrgAdmin: responsible, documents };
        if (database.sqlite) database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
        else dbBytes = Number((await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0].n);
      });
      log(`   ${counts!.readableByOrgAdmin} recommendations readable by ${FOLLOWUP_ORG_ADMIN} (his mission responsible for ${counts!.responsibleOrgAdmin}); programme ${targets!.programmeRecommendations}, meeting ${targets!.meetingRecommendations} recommendations in ${FOLLOWUP_SEASON}; timeline of ${targets!.recommendationUpdates} entries`);
    } finally {
      await database.close();
    }
    if (!pgdb) dbBytes = fs.statSync(file).size;
    const t = targets!;

    const views: Array<{ name: string; query: AccountabilityQuery }> = [
      { name: "view: no filter", query: {} },
      { name: "view: season", query: { season: t.season } },
      { name: "view: season+programme", query: { season: t.season, programme: t.programme } },
      { name: "view: season+meeting", query: { season: t.season, event: t.meeting } },
      { name: "view: season+organisation", query: { season: t.season, organisation: t.organisation } },
    ];
    const sqlReports = await stage("sql", async () => {
      const cases = followupCases(callers, views, t.recommendation, dialect);
      return nameStatements(pgdb ? await explainPostgres(pgdb.url, cases) : await explainQueries(file, cases));
    });

    const qs = (query: Record<string, string | undefined>) => new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    const endpoints: Endpoint[] = [
      ...views.map((v) => ({ name: v.name, path: `/api/accountability${Object.keys(v.query).length ? `?${qs(v.query as Record<string, string>)}` : ""}`, kind: "json" as const })),
      { name: "export CSV (season)", path: `/api/accountability/export?${qs({ season: t.season, format: "csv" })}`, kind: "csv" },
      { name: "export XLSX (season)", path: `/api/accountability/export?${qs({ season: t.season, format: "xlsx" })}`, kind: "xlsx" },
      { name: "timeline page", path: `/api/recommendations/${t.recommendation}/updates?page=1&pageSize=${TIMELINE_PAGE}`, kind: "json" },
    ];
    const http: FollowupScaleResult["http"] = [];
    const loadStart = os.loadavg()[0];
    await stage("http", async () => {
      const target = await startServer("app", pgdb ? { BENCH_APP_DATABASE_URL: pgdb.url } : { BENCH_DB: file });
      try {
        for (const caller of CALLERS) {
          const headers = { authorization: `Bearer ${tokens[caller]}`, accept: "application/json, text/csv, */*" };
          const settleUrl = target.base + endpoints[endpoints.length - 1].path;
          const { answers, ms } = await probe(target, endpoints, headers);
          for (const e of endpoints) {
            // A CSV export whose connections, queued one behind the other, would take over half the window
            // would leave autocannon with little or nothing to count: timed one by one instead.
            const oneByOne = e.kind === "xlsx" || (e.kind === "csv" && ms[e.name] * options.exportConnections > (options.duration * 1000) / 2);
            const connections = oneByOne ? "sequential" as const : e.kind === "csv" ? options.exportConnections : options.connections;
            log(`   ${caller.padEnd(11)} ${e.name.padEnd(26)} ${connections === "sequential" ? `${options.exportRequests} sequential requests` : `${options.duration} s × ${connections} connections`} …`);
            const m = connections === "sequential"
              ? await sequential(target.base + e.path, headers, options.exportRequests, options.warmup > 0)
              : await loadTest(target.base + e.path, headers, { ...options, connections }, ms[e.name], settleUrl);
            http.push({ caller, name: e.name, path: e.path, app: m, aloneMs: ms[e.name], answer: answers[e.name], connections });
          }
        }
      } finally {
        await stopServer(target);
      }
    });
    const loadAverage = { start: loadStart, end: os.loadavg()[0] };
    const warnings: string[] = [];
    const busy = Math.max(loadAverage.start, loadAverage.end);
    const where = `follow-up ${label(scale)} (${dialect})`;
    if (busy > os.cpus().length + 1) warnings.push(`${where}: load average ${busy.toFixed(1)} on ${os.cpus().length} CPU(s) during the run — figures are pessimistic`);
    for (const h of http) {
      if (h.app.requests === 0) warnings.push(`${where} ${h.caller} ${h.name}: no answer within the ${options.duration} s window`);
      if (h.app.non2xx || h.app.errors) warnings.push(`${where} ${h.caller} ${h.name}: ${h.app.non2xx} non-2xx answers, ${h.app.errors} errors (${h.app.timeouts} timeouts) of ${h.app.requests}`);
    }
    return { dialect, scale, counts: counts!, generateMs, indexMs, dbBytes, targets: t, http, sql: sqlReports, loadAverage, warnings, stageMs };
  } finally {
    await pgdb?.drop();
  }
}

const PLANS_SHOWN = 3;

/** Requests × statements, median ms each. */
function sqlMatrix(reports: QueryReport[]): string {
  const requests: string[] = [];
  const roles: string[] = [];
  const cell = new Map<string, number>();
  for (const q of reports) {
    if (!requests.includes(q.endpoint)) requests.push(q.endpoint);
    if (!roles.includes(q.role)) roles.push(q.role);
    const key = `${q.endpoint}\u0000${q.role}`;
    cell.set(key, (cell.get(key) ?? 0) + q.medianMs);
  }
  const rows = requests.map((e) => {
    const [caller, request] = splitEndpoint(e);
    const values = roles.map((role) => cell.get(`${e}\u0000${role}`));
    const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    return [`  ${caller}`, request, ...values.map((v) => (v === undefined ? "" : fmt(v, v < 10 ? 1 : 0))), fmt(sum, sum < 10 ? 1 : 0)];
  });
  return table([["  caller", "request", ...roles, "sum"], ...rows], ["l", "l", ...roles.map(() => "r" as const), "r"]);
}

/**
 * Fold the subtrees of the caller's scope condition — the list of what is shared with his
 * organisation (responsible, actions, invitations) and his groups — into one line each
 * (SQLite: LIST SUBQUERY; PostgreSQL: SubPlan, with the time of its first node).
 */
function foldScope(plan: string[]): string[] {
  const indent = (line: string) => line.length - line.trimStart().length;
  const out: string[] = [];
  for (let i = 0; i < plan.length; i++) {
    const line = plan[i]!;
    if (!/^\s*(LIST SUBQUERY \d+|SubPlan \d+)$/.test(line)) {
      out.push(line);
      continue;
    }
    let j = i + 1;
    while (j < plan.length && indent(plan[j]!) > indent(line)) j++;
    const body = plan.slice(i + 1, j).join("\n");
    const shared = /COMPOUND QUERY|recommendation_responsibles_org_idx|actions_org_idx|event_invitations_org_idx/.test(body);
    if (shared || /group_members/.test(body)) {
      const time = /\(actual time=[^)]*\)/.exec(plan[i + 1] ?? "")?.[0] ?? "";
      out.push(`${line} — scope: ${shared ? "shared with the caller's organisation (responsible, actions, invitations)" : "the caller's groups"} ${time} [${j - i - 1} lines folded]`);
      i = j - 1;
    } else out.push(line);
  }
  return out;
}

/** "org admin: view: season" → ["org admin", "view: season"]. */
const splitEndpoint = (endpoint: string) => {
  const i = endpoint.indexOf(": ");
  return i < 0 ? ["", endpoint] : [endpoint.slice(0, i), endpoint.slice(i + 2)];
};

const pct = (n: number, of: number) => `${Math.round((100 * n) / Math.max(1, of))}`;

export function followupReport(results: FollowupScaleResult[], options: Pick<FollowupLoadOptions, "exportConnections" | "exportRequests" | "connections">): string {
  if (results.length === 0) return "";
  const out: string[] = [];
  out.push("Follow-up data (fresh database per scale: migrated, demo seed, generated meetings, programmes, recommendations with actions and timelines; then the search index rebuilt)");
  out.push(table([
    ["db", "scale", "recs", "timeline", "actions", "resp.", "meetings", "progr.", "% prop/appr/prog/done/drop", "overdue", "org admin reads", "generated in", "rows/s", "indexed in", "db size"],
    ...results.map((r) => {
      const c = r.counts;
      const s = c.byStatus;
      return [
        r.dialect, label(r.scale), String(c.recommendations), String(c.updates), String(c.actions), String(c.responsibles), String(c.meetings), String(c.programmes),
        [s.proposed, s.approved, s.in_progress, s.done, s.dropped].map((n) => pct(n, c.recommendations)).join("/"), String(c.overdue), String(c.readableByOrgAdmin),
        seconds(r.generateMs), fmt(c.rows / (r.generateMs / 1000)), seconds(r.indexMs), mb(r.dbBytes),
      ];
    }),
  ], ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"]));
  out.push("  rows/s: every row written (events, invitations, programmes… included) over the generation time; indexed in: rebuildSearchIndex (all types).");
  out.push("");
  const first = results[0].targets;
  out.push(`Follow-up HTTP (latency in ms; season ${first.season}; coordinator ${FOLLOWUP_COORDINATOR}, org admin ${FOLLOWUP_ORG_ADMIN}; ${options.connections} connections, CSV ${options.exportConnections}; "seq": ${options.exportRequests} requests one after the other)`);
  const rows: string[][] = [["db", "scale", "caller", "endpoint", "alone", "conn.", "req/s", "p50", "p99", "answer"]];
  for (const r of results) {
    for (const h of r.http) {
      const none = h.app.requests === 0;
      rows.push([r.dialect, label(r.scale), h.caller, h.name, fmt(h.aloneMs), h.connections === "sequential" ? "seq" : String(h.connections), none ? "0" : fmt(h.app.rps, h.app.rps < 10 ? 1 : 0), none ? "-" : fmt(h.app.p50), none ? "-" : fmt(h.app.p99), h.answer]);
    }
  }
  out.push(table(rows, ["l", "l", "l", "l", "r", "r", "r", "r", "r", "l"]));
  out.push("  season+programme: the season's largest programme; season+meeting: the meeting with most recommendations; season+organisation: the org admin's mission;");
  out.push("  alone: one request on the idle server (ms). Under load (a closed loop: each connection sends again once answered) latency is about connections ÷ req/s;");
  out.push("  0 and - : no answer within the window (each request queued behind the others for longer than the window).");
  out.push("  timeline page: the longest timeline of a recommendation the mission is responsible for (first page). seq: p50 the median, p99 the slowest;");
  out.push("  the CSV export is timed one by one too when its connections' requests, one after the other, would take over half the load window.");
  const explained = results.filter((r) => r.sql.length > 0);
  if (explained.length > 0) {
    out.push("");
    out.push("Follow-up SQL (each statement of the services run alone, median ms, by request and statement; sum: the request's SQL run serially)");
    for (const r of explained) {
      out.push(`${r.dialect} ${label(r.scale)}:`);
      out.push(sqlMatrix(r.sql));
      // The slowest statements' plans, each distinct plan once.
      const seen = new Set<string>();
      const slow = [...r.sql].filter((q) => q.medianMs > 20).sort((a, b) => b.medianMs - a.medianMs).filter((q) => {
        const key = q.plan.join("\n").replace(/\(actual [^)]*\)|Execution Time: .*|Planning Time: .*|Rows Removed by [^:]*: \d+|Heap Blocks: .*|rows=\d+|loops=\d+|Buckets: .*|Memory Usage: .*|Sort Method: .*/g, "");
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }).slice(0, PLANS_SHOWN);
      if (slow.length > 0) {
        out.push(`  plans of the ${slow.length} slowest (distinct plans; the caller's scope condition folded):`);
        out.push(formatReports(slow.map((q) => ({ ...q, plan: foldScope(q.plan) })), true));
      }
    }
  }
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) out.push("", "Warnings (follow-up):", ...warnings.map((w) => `  ! ${w}`));
  return out.join("\n");
}
