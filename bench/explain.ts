/**
 * The SQL the app really runs for each benchmarked endpoint (captured from the
 * app's own repositories through Kysely's query log), timed one at a time on
 * the benchmark database, with SQLite's EXPLAIN QUERY PLAN.
 *
 * Run alone: npx tsx bench/explain.ts <file.sqlite> [email]
 */
import SqliteDatabase from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import type { Digits, Locale, Role } from "../common/roles.js";
import type { DB } from "../server/src/db/schema.js";
import { organisationsRepository } from "../server/src/modules/directory/organisations.repository.js";
import { peopleRepository } from "../server/src/modules/directory/people.repository.js";
import type { Actor } from "../server/src/policies/index.js";

export interface QueryReport {
  /** Which endpoint issues it, and which of its queries (items, count, row). */
  endpoint: string;
  role: string;
  sql: string;
  parameters: unknown[];
  /** Median wall time of one execution, in ms (warm cache, no concurrency). */
  medianMs: number;
  rows: number;
  plan: string[];
}

export interface ExplainCase {
  endpoint: string;
  /** `db`: a Kysely instance on the benchmark database, for other modules' repositories. */
  run(repos: { people: ReturnType<typeof peopleRepository>; organisations: ReturnType<typeof organisationsRepository>; db: Kysely<DB> }): Promise<unknown>;
}

/** The actor a bearer token of `email` would be. */
export function actorFor(raw: SqliteDatabase.Database, email: string): Actor {
  const u = raw.prepare("select id, email, name, role, organisation_id as organisationId, person_id as personId, locale, digits from users where email = ?").get(email) as
    | { id: string; email: string; name: string; role: string; organisationId: string; personId: string | null; locale: string; digits: string }
    | undefined;
  if (!u) throw new Error(`no user ${email}`);
  return {
    userId: u.id, email: u.email, name: u.name, role: u.role as Role, organisationId: u.organisationId, personId: u.personId,
    locale: u.locale as Locale, digits: u.digits as Digits, via: "token", sessionId: null, csrfToken: null,
  };
}

/** The benchmark's endpoints as repository calls, for `actor` (sorting as the app does for the actor's locale). */
export function benchCases(actor: Actor, queries: { people: string; organisations: string; personId: string }): ExplainCase[] {
  const sort = actor.locale === "ar" ? "name_ar" : "name_en";
  return [
    { endpoint: "people list", run: (r) => r.people.search(actor, { page: 1, pageSize: 25, sort }) },
    { endpoint: "people search", run: (r) => r.people.search(actor, { q: queries.people, page: 1, pageSize: 25, sort }) },
    { endpoint: "organisations search", run: (r) => r.organisations.search(actor, { q: queries.organisations, page: 1, pageSize: 25, sort }) },
    { endpoint: "person by id", run: (r) => r.people.findById(queries.personId) },
  ];
}

function planLines(raw: SqliteDatabase.Database, sql: string, params: unknown[]): string[] {
  const rows = raw.prepare(`explain query plan ${sql}`).all(...(params as never[])) as Array<{ id: number; parent: number; detail: string }>;
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const d = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, d);
    return `${"  ".repeat(d)}${row.detail}`;
  });
}

/** Capture, time (median of `runs`) and explain the app's queries for `cases` on the database `file`. */
export async function explainQueries(file: string, cases: ExplainCase[], runs = 7): Promise<QueryReport[]> {
  const raw = new SqliteDatabase(file, { readonly: true });
  const captured: Array<{ endpoint: string; sql: string; parameters: unknown[] }> = [];
  let current = "";
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: raw }),
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
    const roles = ["items", "count"];
    const seen = new Map<string, number>();
    return captured.map(({ endpoint, sql, parameters }) => {
      const n = seen.get(endpoint) ?? 0;
      seen.set(endpoint, n + 1);
      const stmt = raw.prepare(sql);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        rows = stmt.all(...(parameters as never[])).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const role = endpoint.endsWith(" by id") ? "row" : (roles[n] ?? `query ${n + 1}`);
      return { endpoint, role, sql, parameters, medianMs: times[Math.floor(times.length / 2)], rows, plan: planLines(raw, sql, parameters) };
    });
  } finally {
    await db.destroy();
  }
}

/** Plain-text rendering: one block per query. */
export function formatReports(reports: QueryReport[], withPlans: boolean): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`  ${`${r.endpoint} (${r.role})`.padEnd(34)} ${r.medianMs.toFixed(2).padStart(9)} ms  ${String(r.rows).padStart(5)} row(s)`);
    if (withPlans) for (const line of r.plan) out.push(`      ${line}`);
  }
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, email = "siti.rahmawati@hajj-id.rifada.test"] = process.argv.slice(2);
  if (!file) {
    console.error("usage: npx tsx bench/explain.ts <file.sqlite> [email]");
    process.exit(2);
  }
  const raw = new SqliteDatabase(file, { readonly: true });
  const actor = actorFor(raw, email);
  const person = raw.prepare("select id from people where visibility = 'public' and archived_at is null order by id limit 1").get() as { id: string };
  raw.close();
  const reports = await explainQueries(file, benchCases(actor, { people: "عبدالله", organisations: "مكة", personId: person.id }));
  console.log(formatReports(reports, true));
  for (const r of reports) console.log(`\n-- ${r.endpoint} (${r.role})\n${r.sql}\n-- ${JSON.stringify(r.parameters)}`);
}
