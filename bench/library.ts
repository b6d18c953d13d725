/**
 * The library-search part of `npm run bench`: for each library scale and database
 * (SQLite; PostgreSQL too when BENCH_DATABASE_URL is set), a fresh database (migrate,
 * demo seed, generated library entries: bench/library-generate.ts), then
 *   1. indexing: the app's own `indexRecords(tx, "library", ids)`, 500 entries per
 *      transaction, timed (entries/s);
 *   2. the index's size on disk: SQLite — the FTS5 shadow tables and search_documents
 *      with its indexes (dbstat); PostgreSQL — the GIN index and search_documents;
 *   3. the search's SQL per query class, each statement timed alone and explained;
 *   4. the app in a child process, loaded with autocannon one query class after another
 *      (GET /api/search) with the API token of a member of a GCC mission, so every
 *      query applies the sharing scopes (own organisation, members, public, GCC group).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import pino from "pino";
import type { SearchType } from "../common/library.js";
import { loadConfig } from "../server/src/config.js";
import { createDatabase, type Dialect } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import type { DB } from "../server/src/db/schema.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import type { Deps } from "../server/src/deps.js";
import { createAuthService } from "../server/src/modules/auth/auth.service.js";
import { ensureSearchIndex, indexRecords, markSearchIndexCurrent } from "../server/src/modules/search/search.indexer.js";
import { actorByEmail } from "./events.js";
import { readableCondition } from "../server/src/modules/search/search.repository.js";
import { createSearchService, type SearchQuery } from "../server/src/modules/search/search.service.js";
import { SOURCE_IDS } from "../server/src/modules/search/search.sources.js";
import type { Actor } from "../server/src/policies/index.js";
import { probe, type LoadOptions } from "./directory.js";
import { readDirectory } from "./events-generate.js";
import { explainQueries, formatReports, type ExplainCase, type QueryReport } from "./explain.js";
import { fmt, freshPostgres, label, log, mb, measure, seconds, startServer, stopServer, table, type Measure } from "./harness.js";
import { generateLibrary } from "./library-generate.js";

/** A member of the Qatar mission (GCC): sees her own organisation's entries, members-only and public ones, and those shared with the GCC offices. */
export const LIBRARY_USER = process.env.BENCH_LIBRARY_USER || "mohammed.alnuaimi@hajj-qa.rifada.test";
/** Entries per indexing transaction (as a bulk import through the services would). */
export const INDEX_BATCH = 500;

export interface QueryClass {
  name: string;
  q: string;
  filters?: Pick<SearchQuery, "type" | "category">;
}

export const LIBRARY_QUERIES: QueryClass[] = [
  { name: "rare Arabic word", q: "الكلوي" },
  { name: "common Arabic word", q: "الحجاج" },
  { name: "prefix, no hamza", q: "وبالاسعافات الحجاج" },
  { name: "English, stemmed", q: "trained volunteers" },
  { name: "facet filter", q: "الإجهاد الحراري", filters: { type: "library", category: "health" } },
];
const LIMIT = 20;

const pathOf = (c: QueryClass) => {
  const params = new URLSearchParams({ q: c.q, limit: String(LIMIT), ...c.filters });
  return `/api/search?${params.toString()}`;
};

export interface LibraryScaleResult {
  dialect: Dialect;
  scale: number;
  counts: { entries: number; archived: number; tags: number; ar: number; en: number; both: number; wordsPerEntry: number; documents: number; readable: number };
  generateMs: number;
  /** indexRecords over the library entries, INDEX_BATCH per transaction. */
  indexMs: number;
  /** The other types (the demo events, organisations, people…), indexed after the library, not in `indexMs`. */
  otherDocuments: number;
  /** PostgreSQL: VACUUM ANALYZE search_documents after indexing (flushes the GIN pending list), not in `indexMs`. */
  vacuumMs: number | null;
  size: { index: number; documents: number; database: number; how: string; detail: Record<string, number> };
  queries: Array<{ name: string; path: string; app: Measure; answer: string }>;
  sql: QueryReport[];
  loadAverage: { start: number; end: number };
  warnings: string[];
  stageMs: Record<string, number>;
}

/** Index `ids` of `type` with the app's indexer, `batch` per transaction. */
async function indexAll(db: Kysely<DB>, type: SearchType, ids: string[], progress?: (done: number) => void): Promise<void> {
  for (let i = 0; i < ids.length; i += INDEX_BATCH) {
    const batch = ids.slice(i, i + INDEX_BATCH);
    await db.transaction().execute((tx) => indexRecords(tx, type, batch));
    progress?.(Math.min(ids.length, i + INDEX_BATCH));
  }
}

/** Every live id of a type (the indexer's own paging). */
async function allIds(db: Kysely<DB>, type: SearchType): Promise<string[]> {
  const out: string[] = [];
  for (let after = ""; ;) {
    const ids = await SOURCE_IDS[type](db, after, 5000);
    if (ids.length === 0) return out;
    out.push(...ids);
    after = ids[ids.length - 1]!;
  }
}

/** What the SQLite index takes on disk: dbstat per b-tree (FTS5 shadow tables; search_documents and its indexes). */
function sqliteSizes(raw: import("better-sqlite3").Database): LibraryScaleResult["size"] {
  raw.pragma("wal_checkpoint(TRUNCATE)");
  const pageSize = raw.pragma("page_size", { simple: true }) as number;
  const database = (raw.pragma("page_count", { simple: true }) as number) * pageSize;
  let rows: Array<{ name: string; bytes: number }>;
  try {
    rows = raw.prepare("select name, sum(pgsize) as bytes from dbstat group by name").all() as Array<{ name: string; bytes: number }>;
  } catch {
    return { index: NaN, documents: NaN, database, how: "file size (dbstat unavailable)", detail: {} };
  }
  const ofDocuments = new Set(["search_documents", ...(raw.prepare("select name from sqlite_schema where type = 'index' and tbl_name = 'search_documents'").all() as Array<{ name: string }>).map((r) => r.name)]);
  const detail: Record<string, number> = {};
  let index = 0;
  let documents = 0;
  for (const r of rows) {
    if (r.name.startsWith("search_fts")) index += r.bytes;
    else if (ofDocuments.has(r.name)) documents += r.bytes;
    else continue;
    detail[r.name] = r.bytes;
  }
  return { index, documents, database, how: "dbstat", detail };
}

async function postgresSizes(db: Kysely<DB>): Promise<LibraryScaleResult["size"]> {
  const { rows } = await sql<{ total: string; gin: string; heap: string; toast: string; database: string }>`
    select pg_total_relation_size('search_documents') as total, pg_relation_size('search_documents_tsv_idx') as gin,
      pg_relation_size('search_documents') as heap, coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast,
      pg_database_size(current_database()) as database
    from pg_class c where c.oid = 'search_documents'::regclass`.execute(db);
  const r = rows[0];
  const n = (v: string) => Number(v);
  return {
    index: n(r.gin),
    documents: n(r.total) - n(r.gin),
    database: n(r.database),
    how: "pg_total_relation_size",
    detail: { search_documents_tsv_idx: n(r.gin), "search_documents (heap)": n(r.heap), "search_documents (toast)": n(r.toast), "search_documents (b-tree indexes)": n(r.total) - n(r.gin) - n(r.heap) - n(r.toast) },
  };
}

/** Name each captured statement by what it does (the search issues them in this order). */
function nameStatements(reports: QueryReport[]): QueryReport[] {
  return reports.map((q) => {
    const s = q.sql;
    const role = /bm25\(|ts_rank/.test(s) ? "hits"
      : /count\(\*\) as n/.test(s) ? "facets"
      : /from "group_members"/.test(s) ? "caller's groups"
      : /from "organisations"/.test(s) ? "labels: organisations"
      : /from "countries"/.test(s) ? "labels: countries"
      : /from "seasons"/.test(s) ? "labels: seasons"
      : q.role;
    return { ...q, role };
  });
}

function searchCases(actor: Actor): ExplainCase[] {
  return LIBRARY_QUERIES.map((c) => ({
    endpoint: c.name,
    // The service as the route calls it (a fresh actor: the caller's groups are looked up per request).
    run: (r) => createSearchService({ db: r.db, dialect: "sqlite", config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) } as Deps)
      .search({ ...actor, groupIds: undefined }, actor.locale, { q: c.q, limit: LIMIT, ...c.filters }),
  }));
}

/** PostgreSQL counterpart of explainQueries: capture the search's SQL, time each statement alone (median of `runs`), EXPLAIN (ANALYZE, COSTS OFF) it. */
async function explainPostgres(url: string, actor: Actor, runs = 5): Promise<QueryReport[]> {
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
    const service = createSearchService({ db, dialect: "postgres", config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) } as Deps);
    for (const c of LIBRARY_QUERIES) {
      current = c.name;
      await service.search({ ...actor, groupIds: undefined }, actor.locale, { q: c.q, limit: LIMIT, ...c.filters });
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

export async function runLibraryScale(dialect: Dialect, dir: string, serverUrl: string | null, scale: number, options: LoadOptions): Promise<LibraryScaleResult> {
  const file = path.join(dir, `library-${label(scale)}.sqlite`);
  const pgdb = dialect === "postgres" ? await freshPostgres(serverUrl!, `library_${label(scale)}`) : null;
  log(`\n== library ${label(scale)} (${dialect}): ${scale} entries in ${pgdb ? pgdb.name : file}`);
  const stageMs: Record<string, number> = {};
  const stage = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await run();
    stageMs[name] = performance.now() - t;
    return out;
  };
  try {
    const database = pgdb ? createDatabase({ databaseUrl: pgdb.url }) : createDatabase({ sqliteFile: file });
    let token: string;
    let actor: Actor;
    let counts: LibraryScaleResult["counts"];
    let generateMs: number;
    let indexMs: number;
    let vacuumMs: number | null = null;
    let otherDocuments: number;
    let size: LibraryScaleResult["size"];
    try {
      await stage("migrate + seed", async () => {
        await migrateToLatest(database.db);
        await seedDemo(database.db);
      });
      const directory = await readDirectory(database.db);
      let lastLog = performance.now();
      const every = (what: string) => (done: number) => {
        if (performance.now() - lastLog < 15_000) return;
        lastLog = performance.now();
        log(`   … ${what} ${done}`);
      };
      const generated = await stage("generate", () => generateLibrary(pgdb ? { postgresUrl: pgdb.url } : { raw: database.sqlite! }, directory, { entries: scale, seed: 1448 }, every("written")));
      generateMs = generated.ms;
      const g = generated.counts;
      log(`   ${g.entries} entries (${g.ar} Arabic, ${g.en} English, ${g.both} bilingual; ${g.archived} archived), ${g.tags} tags, ${Math.round(g.words / g.entries)} words each, in ${seconds(generateMs)}`);

      indexMs = await stage("index library", async () => {
        const t = performance.now();
        await indexAll(database.db, "library", generated.ids, every("indexed"));
        return performance.now() - t;
      });
      log(`   indexed in ${seconds(indexMs)} (${fmt(g.entries / (indexMs / 1000))} entries/s, ${INDEX_BATCH} per transaction)`);
      otherDocuments = await stage("index other types", async () => {
        let n = 0;
        for (const type of (Object.keys(SOURCE_IDS) as SearchType[]).filter((t) => t !== "library")) {
          const ids = await allIds(database.db, type);
          await indexAll(database.db, type, ids);
          n += ids.length;
        }
        // Mark the index current, as rebuildSearchIndex does, so the server does not rebuild it at start.
        await markSearchIndexCurrent(database.db);
        return n;
      });
      const rebuilt = await ensureSearchIndex(database.db);
      if (rebuilt !== null) log(`   ! ensureSearchIndex rebuilt the index (${rebuilt} documents): the mark's key changed in search.indexer.ts`);
      if (pgdb) {
        // As autovacuum soon would after a bulk load: flushes the GIN pending list and gathers statistics.
        vacuumMs = await stage("vacuum analyze", async () => {
          const t = performance.now();
          await sql`vacuum analyze search_documents`.execute(database.db);
          return performance.now() - t;
        });
        log(`   vacuum analyze search_documents: ${seconds(vacuumMs)}`);
      }
      size = await stage("sizes", async () => (database.sqlite ? sqliteSizes(database.sqlite) : postgresSizes(database.db)));
      log(`   index ${mb(size.index)}, search_documents ${mb(size.documents)}, database ${mb(size.database)}`);

      actor = await actorByEmail(database.db, LIBRARY_USER);
      const auth = createAuthService({ db: database.db, dialect, config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) });
      token = (await auth.createToken(actor, { name: "benchmark" })).token;
      const documents = Number((await database.db.selectFrom("searchDocuments").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      // The library entries this caller may read (the scope every query applies).
      const readable = Number((await database.db.selectFrom("searchDocuments").select((eb) => eb.fn.countAll<number>().as("n")).where("docType", "=", "library").where(readableCondition(actor)).executeTakeFirstOrThrow()).n);
      counts = { entries: g.entries, archived: g.archived, tags: g.tags, ar: g.ar, en: g.en, both: g.both, wordsPerEntry: Math.round(g.words / g.entries), documents, readable };
      log(`   ${documents} documents in the index; ${readable} library entries readable by ${LIBRARY_USER}`);
    } finally {
      await database.close();
    }

    const sqlReports = await stage("sql", async () => nameStatements(pgdb ? await explainPostgres(pgdb.url, actor) : await explainQueries(file, searchCases(actor))));

    const endpoints = LIBRARY_QUERIES.map((c) => ({ name: c.name, path: pathOf(c) }));
    const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
    const results: Record<string, Measure> = {};
    const loadStart = os.loadavg()[0];
    let answers: Record<string, string> = {};
    await stage("http", async () => {
      const target = await startServer("app", pgdb ? { BENCH_APP_DATABASE_URL: pgdb.url } : { BENCH_DB: file });
      try {
        answers = await probe(target, endpoints, headers);
        for (const e of endpoints) {
          log(`   app      ${e.name.padEnd(22)} ${options.duration} s × ${options.connections} connections …`);
          results[e.name] = await measure(target.base + e.path, headers, { ...options, settleUrl: target.base + endpoints[0].path });
        }
      } finally {
        await stopServer(target);
      }
    });
    const loadAverage = { start: loadStart, end: os.loadavg()[0] };
    const warnings: string[] = [];
    const busy = Math.max(loadAverage.start, loadAverage.end);
    if (busy > os.cpus().length + 1) warnings.push(`library ${label(scale)} (${dialect}): load average ${busy.toFixed(1)} on ${os.cpus().length} CPU(s) during the run — figures are pessimistic`);
    for (const e of endpoints) {
      const m = results[e.name];
      if (m.requests === 0) warnings.push(`library ${label(scale)} (${dialect}) ${e.name}: no answer within the ${options.duration} s window`);
      if (m.non2xx || m.errors) warnings.push(`library ${label(scale)} (${dialect}) ${e.name}: ${m.non2xx} non-2xx answers, ${m.errors} errors (${m.timeouts} timeouts) of ${m.requests}`);
    }
    if (!pgdb) size.database = fs.statSync(file).size;
    return {
      dialect, scale, counts, generateMs, indexMs, otherDocuments, vacuumMs, size,
      queries: endpoints.map((e) => ({ ...e, app: results[e.name], answer: answers[e.name] })),
      sql: sqlReports, loadAverage, warnings, stageMs,
    };
  } finally {
    await pgdb?.drop();
  }
}

/** A PostgreSQL plan without the branches that never ran (the scope condition's subplans for other record types). */
function withoutIdleBranches(plan: string[]): string[] {
  const indent = (line: string) => line.length - line.trimStart().length;
  const out: string[] = [];
  for (let i = 0; i < plan.length; i++) {
    const line = plan[i]!;
    const next = plan[i + 1];
    const idle = line.includes("(never executed)") || (/^\s*SubPlan \d+$/.test(line) && next !== undefined && next.includes("(never executed)"));
    if (!idle) {
      out.push(line);
      continue;
    }
    const depth = indent(line);
    while (i + 1 < plan.length && indent(plan[i + 1]!) > depth) i++;
  }
  return out;
}

export function libraryReport(results: LibraryScaleResult[]): string {
  if (results.length === 0) return "";
  const out: string[] = [];
  out.push(`Library search: indexing and index size (fresh database per scale: migrated, demo seed, generated entries; indexRecords, ${INDEX_BATCH} entries per transaction)`);
  out.push(table([
    ["db", "scale", "entries", "ar/en/both", "words/entry", "readable", "generated in", "indexed in", "entries/s", "index MB", "documents MB", "db size"],
    ...results.map((r) => [
      r.dialect, label(r.scale), String(r.counts.entries), `${r.counts.ar}/${r.counts.en}/${r.counts.both}`, String(r.counts.wordsPerEntry), String(r.counts.readable), seconds(r.generateMs),
      seconds(r.indexMs), fmt(r.counts.entries / (r.indexMs / 1000)), fmt(r.size.index / 1048576, 1), fmt(r.size.documents / 1048576, 1), mb(r.size.database),
    ]),
  ], ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"]));
  out.push("  readable: library entries the caller may read (archived entries are not indexed).");
  out.push("  index MB: SQLite — the FTS5 shadow tables (search_fts_*); PostgreSQL — the GIN index on tsv. documents MB: search_documents with its other indexes");
  out.push("  (and, on PostgreSQL, its TOAST and the stored tsvector). PostgreSQL figures are after VACUUM ANALYZE search_documents (not in the indexing time).");
  out.push("");
  out.push(`Library search HTTP (GET /api/search, limit ${LIMIT}; caller ${LIBRARY_USER}, a member of a GCC mission; latency in ms)`);
  const rows: string[][] = [["db", "scale", "query class", "q", "req/s", "p50", "p99", "answer"]];
  for (const r of results) {
    for (const q of r.queries) {
      const c = LIBRARY_QUERIES.find((x) => x.name === q.name)!;
      const none = q.app.requests === 0;
      const shown = c.filters ? `${c.q} + ${Object.entries(c.filters).map(([k, v]) => `${k}=${v}`).join("&")}` : c.q;
      rows.push([r.dialect, label(r.scale), q.name, shown, none ? "0" : fmt(q.app.rps), none ? "-" : fmt(q.app.p50), none ? "-" : fmt(q.app.p99), q.answer]);
    }
  }
  out.push(table(rows, ["l", "l", "l", "l", "r", "r", "r", "l"]));
  const explained = results.filter((r) => r.sql.length > 0);
  if (explained.length > 0) {
    out.push("");
    out.push("Library search SQL (the search service's statements per query class, median of one-at-a-time executions; plans shown for statements over 10 ms)");
    for (const r of explained) {
      out.push(`${r.dialect} ${label(r.scale)}:`);
      out.push(formatReports(r.sql, false));
      const slow = r.sql.filter((q) => q.medianMs > 10);
      if (slow.length > 0) {
        out.push("  plans:");
        // SQLite plans repeat from one query class to the next: print each distinct plan once.
        const seen = new Map<string, string>();
        for (const q of slow) {
          const name = `${q.endpoint} (${q.role})`;
          const key = q.plan.join("\n").replace(/\(actual [^)]*\)|Execution Time: .*|Planning Time: .*|Rows Removed by Filter: \d+|Heap Blocks: .*|rows=\d+/g, "");
          const same = seen.get(key);
          if (same) {
            out.push(`${formatReports([q], false)}  — same plan as ${same}`);
            continue;
          }
          seen.set(key, name);
          out.push(formatReports([{ ...q, plan: withoutIdleBranches(q.plan) }], true));
        }
      }
    }
  }
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) out.push("", "Warnings (library):", ...warnings.map((w) => `  ! ${w}`));
  return out.join("\n");
}
