/**
 * The registration burst: on a fresh database, `workshops` open workshops with
 * `seats` places in total and `users` distinct users (of every demo
 * organisation, each with a bearer token, inserted in bulk). Every user sends
 * one POST /api/events/:id/registration (user i → workshop i mod workshops) at
 * `connections` concurrent requests; afterwards the database must show exactly
 * the seats confirmed, the rest waitlisted, one registration per user, first
 * come first served.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Kysely } from "kysely";
import { createDatabase, type Database, type Dialect } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import type { DB } from "../server/src/db/schema.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { hashSecret, newSecret } from "../server/src/lib/tokens.js";
import { API_TOKEN_PREFIX } from "../server/src/modules/auth/auth.service.js";
import { SEASONS } from "./event-words.js";
import { EVENT_COLUMNS, eventRow, missingSeasons, readDirectory, USER_COLUMNS, userName, uuid } from "./events-generate.js";
import { rng } from "./generate.js";
import { assertLocal, fmt, freshPostgres, label, load, log, seconds, startServer, stopServer, table, type Target } from "./harness.js";
import { push, tableRows, writePostgres, writeSqlite } from "./rows.js";

export interface BurstOptions {
  users: number;
  seats: number;
  workshops: number;
  connections: number;
  warmup: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BurstResult {
  dialect: Dialect;
  users: number;
  seats: number;
  workshops: number;
  connections: number;
  setupMs: number;
  /** Wall time of the burst, first request sent to last answer. */
  ms: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** HTTP status (or network error code) → count. */
  statuses: Record<string, number>;
  /** myRegistration.status of the 200 answers → count. */
  answered: Record<string, number>;
  confirmed: number;
  waitlisted: number;
  checks: Check[];
}

const DAY = 86_400_000;

/** Places per workshop: the seats split as evenly as possible. */
export function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

// ---------------------------------------------------------------- data

async function setup(database: Database, url: string | null, o: BurstOptions) {
  const { db } = database;
  await migrateToLatest(db);
  await seedDemo(db, undefined, { events: false });
  const dir = await readDirectory(db);
  const r = rng(1448);
  const now = new Date();
  const iso = now.toISOString();
  const seasons = missingSeasons(r, dir, iso);
  const users = tableRows("users", USER_COLUMNS);
  const tokens = tableRows("api_tokens", "id, user_id, name, token_hash, prefix, created_at, last_used_at, expires_at, revoked_at");
  const events = tableRows("events", EVENT_COLUMNS);

  const host = dir.orgs.find((x) => x.code === "moh-sa") ?? dir.orgs[0];
  const capacities = split(o.seats, o.workshops);
  const workshops: Array<{ id: string; capacity: number }> = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const [w, capacity] of capacities.entries()) {
    const day = today + (30 + w) * DAY;
    const startsAt = new Date(day + 7 * 3_600_000).toISOString(); // 10:00 in Riyadh
    const season = SEASONS.find(([, from, to]) => startsAt.slice(0, 10) >= from && startsAt.slice(0, 10) <= to) ?? SEASONS[SEASONS.length - 1];
    const id = uuid(r);
    workshops.push({ id, capacity });
    push(events, eventRow({
      id, season_id: dir.seasons.get(String(season[0]))!, kind: "workshop", mode: "virtual", status: "published",
      title_ar: `ورشة عمل أساس لتأهيل مقدمي الخدمات - المجموعة ${w + 1}`, title_en: `Asas workshop for service providers (group ${w + 1})`,
      description_ar: null, description_en: null, host_organisation_id: host.id, chair_person_id: null, venue_ar: null, venue_en: null,
      join_url: `https://meet.rifada.test/asas-${w + 1}`, time_zone: "Asia/Riyadh", starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString(),
      registration: "open", capacity, previous_event_id: null, visibility: "members", share_group_id: null, check_in_secret: newSecret(),
      created_by: null, archived_at: null, created_at: iso, updated_at: iso,
    }, host, String(season[0])));
  }

  // One more user than the burst: the warm-up caller, who registers for nothing.
  const callers: Array<{ token: string; workshop: string }> = [];
  for (let i = 0; i <= o.users; i++) {
    const org = dir.orgs[i % dir.orgs.length];
    const { name, locale } = userName(r, org.country);
    const id = uuid(r);
    push(users, {
      id, email: `delegate${i}@${org.code}.rifada.test`, name, password_hash: null, role: i % 3 === 0 ? "member" : "participant", organisation_id: org.id, person_id: null,
      locale, digits: locale === "ar" ? "arab" : "latn", disabled_at: null, password_changed_at: null, created_at: iso, updated_at: iso,
    });
    const token = newSecret(API_TOKEN_PREFIX);
    push(tokens, { id: uuid(r), user_id: id, name: "bench", token_hash: hashSecret(token), prefix: token.slice(0, 10), created_at: iso, last_used_at: null, expires_at: null, revoked_at: null });
    callers.push({ token, workshop: workshops[i % workshops.length].id });
  }
  const tables = [seasons, events, users, tokens];
  if (url) await writePostgres(url, tables);
  else writeSqlite(database.sqlite!, tables);
  const warmup = callers.pop()!;
  return { workshops, callers, warmup };
}

// ---------------------------------------------------------------- load

interface Fired {
  ms: number;
  latencies: number[];
  statuses: Record<string, number>;
  answered: Record<string, number>;
}

/** One POST per caller, `connections` at a time over keep-alive sockets; latencies in ms. */
async function fire(base: string, callers: Array<{ token: string; workshop: string }>, connections: number): Promise<Fired> {
  assertLocal(base);
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const answered: Record<string, number> = {};
  const count = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  const post = (p: string, token: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ hostname, port, method: "POST", path: p, agent, headers: { authorization: `Bearer ${token}`, accept: "application/json", "content-length": "0" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.setTimeout(60_000, () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
      req.on("error", reject);
      req.end();
    });
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= callers.length) return;
      const t0 = performance.now();
      try {
        const { status, body } = await post(`/api/events/${callers[i].workshop}/registration`, callers[i].token);
        latencies.push(performance.now() - t0);
        count(statuses, String(status));
        if (status === 200) count(answered, (JSON.parse(body) as { myRegistration?: { status?: string } }).myRegistration?.status ?? "none");
      } catch (err) {
        count(statuses, (err as { code?: string }).code ?? "error");
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(connections, callers.length) }, worker));
  const ms = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { ms, latencies, statuses, answered };
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);

// ---------------------------------------------------------------- checks

async function verify(db: Kysely<DB>, workshops: Array<{ id: string; capacity: number }>, o: BurstOptions, fired: Fired) {
  const ids = workshops.map((w) => w.id);
  // User i goes to workshop i mod workshops.
  const requested = split(o.users, o.workshops);
  const rows = await db
    .selectFrom("registrations")
    .select((eb) => ["eventId", "status", eb.fn.countAll<number>().as("n"), eb.fn.min("sequence").as("minSeq"), eb.fn.max("sequence").as("maxSeq")])
    .where("eventId", "in", ids)
    .groupBy(["eventId", "status"])
    .execute();
  const stat = (id: string, status: string) => rows.find((x) => x.eventId === id && x.status === status);
  const n = (id: string, status: string) => Number(stat(id, status)?.n ?? 0);
  const sequences = await db
    .selectFrom("registrations")
    .select((eb) => ["eventId", eb.fn.countAll<number>().as("n"), eb.fn.count<number>("sequence").distinct().as("distinct"), eb.fn.max("sequence").as("max")])
    .where("eventId", "in", ids)
    .groupBy("eventId")
    .execute();
  const twice = await db.selectFrom("registrations").select("userId").where("eventId", "in", ids).groupBy("userId").having((eb) => eb.fn.countAll(), ">", 1).execute();
  const distinctUsers = await db.selectFrom("registrations").select((eb) => eb.fn.count<number>("userId").distinct().as("n")).where("eventId", "in", ids).executeTakeFirstOrThrow();
  const mail = await db.selectFrom("outbox").select((eb) => ["kind", eb.fn.countAll<number>().as("n")]).groupBy("kind").execute();
  const mails = (kind: string) => Number(mail.find((m) => m.kind === kind)?.n ?? 0);

  const expected = workshops.map((w, i) => Math.min(w.capacity, requested[i]));
  const expectedTotal = expected.reduce((a, b) => a + b, 0);
  const confirmed = ids.reduce((s, id) => s + n(id, "confirmed"), 0);
  const waitlisted = ids.reduce((s, id) => s + n(id, "waitlisted"), 0);
  const cancelled = ids.reduce((s, id) => s + n(id, "cancelled"), 0);
  const total = sequences.reduce((s, x) => s + Number(x.n), 0);
  const ok200 = fired.statuses["200"] ?? 0;
  const wrong = workshops.map((w, i) => ({ i, got: n(w.id, "confirmed"), want: expected[i] })).filter((x) => x.got !== x.want);
  const unfair = workshops.filter((w) => {
    const c = stat(w.id, "confirmed");
    const l = stat(w.id, "waitlisted");
    return c && l && Number(c.maxSeq) > Number(l.minSeq);
  });
  const gaps = sequences.filter((x) => Number(x.distinct) !== Number(x.n) || Number(x.max) !== Number(x.n));
  const checks: Check[] = [
    { name: "every request answered 200", ok: ok200 === o.users, detail: `${ok200} of ${o.users}` },
    { name: "confirmed per workshop = its seats", ok: wrong.length === 0, detail: wrong.length ? wrong.map((x) => `#${x.i + 1}: ${x.got} (want ${x.want})`).join(", ") : `${expected.join("/")} across ${o.workshops} workshops` },
    { name: `confirmed in total = ${expectedTotal}`, ok: confirmed === expectedTotal, detail: String(confirmed) },
    { name: `waitlisted = ${o.users - expectedTotal}`, ok: waitlisted === o.users - expectedTotal && cancelled === 0, detail: `${waitlisted}${cancelled ? `, ${cancelled} cancelled` : ""}` },
    { name: "one registration per user", ok: total === o.users && Number(distinctUsers.n) === o.users && twice.length === 0, detail: `${total} registrations, ${distinctUsers.n} distinct users, ${twice.length} users twice` },
    { name: "first come, first served", ok: unfair.length === 0 && gaps.length === 0, detail: `${unfair.length} workshops with a waitlisted arrival before a confirmed one; ${gaps.length} with gaps or repeats in the sequence` },
    { name: "answers agree with the database", ok: (fired.answered.confirmed ?? 0) === confirmed && (fired.answered.waitlisted ?? 0) === waitlisted, detail: `answered confirmed ${fired.answered.confirmed ?? 0}, waitlisted ${fired.answered.waitlisted ?? 0}` },
    { name: "one email each in the outbox", ok: mails("registration_confirmed") === confirmed && mails("registration_waitlisted") === waitlisted, detail: `${mails("registration_confirmed")} confirmed, ${mails("registration_waitlisted")} waitlisted` },
  ];
  return { checks, confirmed, waitlisted };
}

// ---------------------------------------------------------------- run

/** Run the burst on a fresh database: SQLite in `dir`, or PostgreSQL in the server of `serverUrl`. */
export async function runBurst(dialect: Dialect, dir: string, serverUrl: string | null, o: BurstOptions): Promise<BurstResult> {
  const started = performance.now();
  const file = path.join(dir, "burst.sqlite");
  const pgdb = dialect === "postgres" ? await freshPostgres(serverUrl!, "burst") : null;
  log(`\n== burst (${dialect}): ${o.users} users → ${o.workshops} workshops, ${o.seats} seats${pgdb ? ` in ${pgdb.name}` : ` in ${file}`}`);
  try {
    const open = () => (pgdb ? createDatabase({ databaseUrl: pgdb.url }) : createDatabase({ sqliteFile: file }));
    let database = open();
    let data: Awaited<ReturnType<typeof setup>>;
    try {
      data = await setup(database, pgdb?.url ?? null, o);
      database.sqlite?.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      await database.close();
    }
    const setupMs = performance.now() - started;
    log(`   ${o.users + 1} users with tokens and ${o.workshops} workshops in ${seconds(setupMs)}`);

    let fired: Fired;
    const target: Target = await startServer("app", pgdb ? { BENCH_APP_DATABASE_URL: pgdb.url } : { BENCH_DB: file });
    try {
      const headers = { authorization: `Bearer ${data.warmup.token}`, accept: "application/json" };
      if (o.warmup > 0) await load(`${target.base}/api/events/${data.workshops[0].id}`, headers, o.warmup, Math.min(o.connections, 20));
      log(`   ${o.users} POST /api/events/:id/registration, ${o.connections} at a time …`);
      fired = await fire(target.base, data.callers, o.connections);
    } finally {
      await stopServer(target);
    }

    database = open();
    try {
      const { checks, confirmed, waitlisted } = await verify(database.db, data.workshops, o, fired);
      for (const c of checks) log(`   ${c.ok ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`);
      return {
        dialect, users: o.users, seats: o.seats, workshops: o.workshops, connections: o.connections, setupMs,
        ms: fired.ms, rps: (fired.latencies.length / fired.ms) * 1000,
        p50: quantile(fired.latencies, 0.5), p90: quantile(fired.latencies, 0.9), p99: quantile(fired.latencies, 0.99), max: fired.latencies[fired.latencies.length - 1] ?? NaN,
        statuses: fired.statuses, answered: fired.answered, confirmed, waitlisted, checks,
      };
    } finally {
      await database.close();
    }
  } finally {
    await pgdb?.drop();
    if (!pgdb && process.env.BENCH_KEEP !== "1") for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}

export function burstReport(results: BurstResult[]): string {
  if (results.length === 0) return "";
  const first = results[0];
  const out: string[] = [];
  out.push(`Registration burst (${label(first.users)} distinct users, one POST /api/events/:id/registration each, ${first.workshops} open workshops, ${label(first.seats)} seats; ${first.connections} concurrent requests; latency in ms)`);
  out.push(table([
    ["db", "requests", "time", "req/s", "p50", "p90", "p99", "max", "statuses", "confirmed", "waitlisted", "setup"],
    ...results.map((b) => [
      b.dialect, String(b.users), seconds(b.ms), fmt(b.rps), fmt(b.p50), fmt(b.p90), fmt(b.p99), fmt(b.max),
      Object.entries(b.statuses).map(([k, v]) => `${k}×${v}`).join(" "), String(b.confirmed), String(b.waitlisted), seconds(b.setupMs),
    ]),
  ], ["l", "r", "r", "r", "r", "r", "r", "r", "l", "r", "r", "r"]));
  for (const b of results) {
    out.push(`Checks (${b.dialect}):`);
    for (const c of b.checks) out.push(`  ${c.ok ? "PASS" : "FAIL"} ${c.name}: ${c.detail}`);
  }
  return out.join("\n");
}
