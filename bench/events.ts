/**
 * The events part of `npm run bench`, list and page: for each scale (and each
 * database: SQLite, and PostgreSQL when BENCH_DATABASE_URL is set), a fresh
 * database (migrate, demo seed, generated events), an API token for a demo
 * member, the app's SQL timed and explained (SQLite), then the app in a child
 * process loaded with autocannon: the event list, a search, a season filter
 * and one event's page. No baseline server (see README).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import pino from "pino";
import type { Digits, Locale, Role } from "../common/roles.js";
import { loadConfig } from "../server/src/config.js";
import { createDatabase, type Dialect } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import type { DB } from "../server/src/db/schema.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { createAuthService } from "../server/src/modules/auth/auth.service.js";
import { eventsRepository } from "../server/src/modules/events/events.repository.js";
import type { Actor } from "../server/src/policies/index.js";
import { MEMBER, probe, type LoadOptions } from "./directory.js";
import { buildEvents, readDirectory } from "./events-generate.js";
import { explainQueries, formatReports, type ExplainCase, type QueryReport } from "./explain.js";
import { fmt, freshPostgres, label, log, mb, measure, seconds, startServer, stopServer, table, type Measure } from "./harness.js";
import { writePostgres, writeSqlite } from "./rows.js";

export const EVENT_QUERY = process.env.BENCH_EVENT_QUERY || "أساس";
export const EVENT_SEASON = process.env.BENCH_EVENT_SEASON || "1446";

export interface EventScaleResult {
  dialect: Dialect;
  scale: number;
  /** Rows in the database after generation (demo seed included). */
  counts: { events: number; invitations: number; registrations: number; users: number };
  generateMs: number;
  dbBytes: number;
  endpoints: Array<{ name: string; path: string; app: Measure; answer: string }>;
  queries: QueryReport[];
  loadAverage: { start: number; end: number };
  warnings: string[];
}

/** The actor a bearer token of `email` would be. */
export async function actorByEmail(db: Kysely<DB>, email: string): Promise<Actor> {
  const u = await db.selectFrom("users").select(["id", "email", "name", "role", "organisationId", "personId", "locale", "digits"]).where("email", "=", email).executeTakeFirst();
  if (!u) throw new Error(`no user ${email}`);
  return {
    userId: u.id, email: u.email, name: u.name, role: u.role as Role, organisationId: u.organisationId, personId: u.personId,
    locale: u.locale as Locale, digits: u.digits as Digits, via: "token", sessionId: null, csrfToken: null,
  };
}

async function countRows(db: Kysely<DB>) {
  const n = async (t: "events" | "eventInvitations" | "registrations" | "users") => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return { events: await n("events"), invitations: await n("eventInvitations"), registrations: await n("registrations"), users: await n("users") };
}

export async function runEventScale(dialect: Dialect, dir: string, serverUrl: string | null, scale: number, options: LoadOptions): Promise<EventScaleResult> {
  const file = path.join(dir, `events-${label(scale)}.sqlite`);
  const pgdb = dialect === "postgres" ? await freshPostgres(serverUrl!, `events_${label(scale)}`) : null;
  log(`\n== events ${label(scale)} (${dialect}): generating ${scale} events in ${pgdb ? pgdb.name : file}`);
  try {
    const database = pgdb ? createDatabase({ databaseUrl: pgdb.url }) : createDatabase({ sqliteFile: file });
    let token: string;
    let actor: Actor;
    let eventId: string;
    let generateMs: number;
    let counts: EventScaleResult["counts"];
    let dbBytes: number;
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db);
      const started = performance.now();
      const data = buildEvents(await readDirectory(database.db), { events: scale, seed: 1447 });
      if (pgdb) await writePostgres(pgdb.url, data.tables);
      else writeSqlite(database.sqlite!, data.tables);
      generateMs = performance.now() - started;
      log(`   ${data.counts.events} events, ${data.counts.invitations} invitations, ${data.counts.registrations} registrations, ${data.counts.attendees} attendees in ${seconds(generateMs)}`);
      actor = await actorByEmail(database.db, MEMBER);
      const auth = createAuthService({ db: database.db, dialect, config: loadConfig({} as NodeJS.ProcessEnv, { webDir: null }), log: pino({ level: "silent" }) });
      token = (await auth.createToken(actor, { name: "benchmark" })).token;
      // A published open workshop of another organisation, visible to every member, with registrations if any.
      const event = await database.db
        .selectFrom("events")
        .select("events.id")
        .where("visibility", "=", "members").where("registration", "=", "open").where("status", "=", "published").where("archivedAt", "is", null)
        .where("hostOrganisationId", "<>", actor.organisationId)
        .where((eb) => eb.exists(eb.selectFrom("registrations").select("registrations.id").whereRef("registrations.eventId", "=", "events.id")))
        .orderBy("events.id")
        .executeTakeFirst();
      if (!event) throw new Error("no event to fetch by id");
      eventId = event.id;
      counts = await countRows(database.db);
      if (database.sqlite) {
        database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
        dbBytes = 0;
      } else {
        const { rows } = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(database.db);
        dbBytes = Number(rows[0].n);
      }
    } finally {
      await database.close();
    }
    if (!pgdb) dbBytes = fs.statSync(file).size;

    const filter = { page: 1, pageSize: 25 };
    const cases: ExplainCase[] = [
      { endpoint: "event list", run: (r) => eventsRepository(r.db).search(actor, filter, new Date().toISOString()) },
      { endpoint: "event search", run: (r) => eventsRepository(r.db).search(actor, { ...filter, q: EVENT_QUERY }, new Date().toISOString()) },
      { endpoint: "season filter", run: (r) => eventsRepository(r.db).search(actor, { ...filter, season: EVENT_SEASON }, new Date().toISOString()) },
      { endpoint: "event by id", run: (r) => eventsRepository(r.db).findById(eventId) },
    ];
    const queries = pgdb ? [] : await explainQueries(file, cases);

    const endpoints = [
      { name: "event list", path: "/api/events?page=1&pageSize=25" },
      { name: "event search", path: `/api/events?q=${encodeURIComponent(EVENT_QUERY)}` },
      { name: "season filter", path: `/api/events?season=${encodeURIComponent(EVENT_SEASON)}` },
      { name: "event by id", path: `/api/events/${eventId}` },
    ];
    const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
    const results: Record<string, Measure> = {};
    const loadStart = os.loadavg()[0];
    let answers: Record<string, string>;
    const target = await startServer("app", pgdb ? { BENCH_APP_DATABASE_URL: pgdb.url } : { BENCH_DB: file });
    try {
      answers = await probe(target, endpoints, headers);
      for (const e of endpoints) {
        log(`   app      ${e.name.padEnd(22)} ${options.duration} s × ${options.connections} connections …`);
        results[e.name] = await measure(target.base + e.path, headers, { ...options, settleUrl: `${target.base}/api/events/${eventId}` });
      }
    } finally {
      await stopServer(target);
    }

    const loadAverage = { start: loadStart, end: os.loadavg()[0] };
    const warnings: string[] = [];
    const busy = Math.max(loadAverage.start, loadAverage.end);
    if (busy > os.cpus().length + 1) warnings.push(`events ${label(scale)} (${dialect}): load average ${busy.toFixed(1)} on ${os.cpus().length} CPU(s) during the run — figures are pessimistic`);
    for (const e of endpoints) {
      const m = results[e.name];
      if (m.requests === 0) warnings.push(`events ${label(scale)} (${dialect}) ${e.name}: no answer within the ${options.duration} s window (each request took longer than the window under load)`);
      if (m.non2xx || m.errors) warnings.push(`events ${label(scale)} (${dialect}) ${e.name}: ${m.non2xx} non-2xx answers, ${m.errors} errors (${m.timeouts} timeouts) of ${m.requests}`);
    }
    return {
      dialect, scale, counts, generateMs, dbBytes,
      endpoints: endpoints.map((e) => ({ ...e, app: results[e.name], answer: answers[e.name] })),
      queries, loadAverage, warnings,
    };
  } finally {
    await pgdb?.drop();
  }
}

export function eventsReport(results: EventScaleResult[]): string {
  if (results.length === 0) return "";
  const out: string[] = [];
  out.push("Events data (fresh database per scale: migrated, demo seed, generated events of seasons 1440–1447)");
  out.push(table([
    ["db", "scale", "events", "invitations", "registrations", "users", "generated in", "db size"],
    ...results.map((r) => [r.dialect, label(r.scale), String(r.counts.events), String(r.counts.invitations), String(r.counts.registrations), String(r.counts.users), seconds(r.generateMs), mb(r.dbBytes)]),
  ], ["l", "l", "r", "r", "r", "r", "r", "r"]));
  out.push("");
  out.push(`Events HTTP (the Rifada server; no baseline; latency in ms; search q=${EVENT_QUERY}, season=${EVENT_SEASON})`);
  const rows: string[][] = [["db", "scale", "endpoint", "req/s", "p50", "p99", "answer"]];
  for (const r of results) {
    for (const e of r.endpoints) {
      const none = e.app.requests === 0;
      rows.push([r.dialect, label(r.scale), e.name, none ? "0" : fmt(e.app.rps), none ? "-" : fmt(e.app.p50), none ? "-" : fmt(e.app.p99), e.answer]);
    }
  }
  out.push(table(rows, ["l", "l", "l", "r", "r", "r", "l"]));
  const explained = results.filter((r) => r.queries.length > 0);
  if (explained.length > 0) {
    out.push("");
    out.push("Events SQL (SQLite; the repository's queries, median of one-at-a-time executions; plans shown for queries over 10 ms)");
    for (const r of explained) {
      out.push(`${label(r.scale)}:`);
      out.push(formatReports(r.queries, false));
      const slow = r.queries.filter((q) => q.medianMs > 10);
      if (slow.length > 0) {
        out.push("  plans:");
        out.push(formatReports(slow, true));
      }
    }
  }
  return out.join("\n");
}
