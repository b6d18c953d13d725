import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import { loadConfig, type Config } from "../config.js";
import type { Database, Dialect } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { DEFAULT_DEMO_PASSWORD, seedDemo } from "../db/seed/seed.js";
import { freshDatabase } from "./dialects.js";

export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

/** Demo logins by the role they play in the tests. */
export const LOGINS = {
  oicCoordinator: "coordinator@oic.rifada.test",
  ministryCoordinator: "coordinator@moh-sa.rifada.test",
  kuwaitAdmin: "mishari.alrashidan@hajj-kw.rifada.test",
  qatarAdmin: "khalid.alkuwari@hajj-qa.rifada.test",
  qatarMember: "mohammed.alnuaimi@hajj-qa.rifada.test",
  indonesiaMember: "siti.rahmawati@hajj-id.rifada.test",
  ministryTrainer: "noura.alzahrani@moh-sa.rifada.test",
  providerParticipant: "bilal.qureshi@sp-field.rifada.test",
} as const;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  dialect: Dialect;
  routes: Array<{ method: string; url: string; config: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** A real app on a fresh, migrated and seeded database of `dialect`. */
export async function buildTestApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await freshDatabase(dialect);
  await migrateToLatest(database.db);
  // The demo events stay out: tests create the situations they check.
  await seedDemo(database.db, undefined, { events: false });
  return buildAppOn(database, overrides);
}

/** Another app (think: a second process) on an existing database. */
export async function buildAppOn(database: Database, overrides: Partial<Config> = {}): Promise<TestApp> {
  const dialect = database.dialect;
  const config = loadConfig({ PUBLIC_URL: "http://rifada.test" } as NodeJS.ProcessEnv, { webDir: null, ...overrides });
  const routes: TestApp["routes"] = [];
  const app = await buildApp({
    config,
    database,
    onRoute: (r) => {
      for (const method of Array.isArray(r.method) ? r.method : [r.method]) {
        routes.push({ method, url: r.url, config: (r.config ?? {}) as Record<string, unknown> });
      }
    },
  });
  await app.ready();
  return {
    app,
    database,
    dialect,
    routes,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser-like client: session cookie plus CSRF header on writes. */
export interface Client {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "rifada_session");
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `rifada_session=${cookie.value}`;
}

/** Sign in through the API and return a client acting as that user. */
export async function login(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  const csrf = response.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request(method, url, body, headers = {}) {
      return app.inject({
        method: method as "GET",
        url,
        payload: body as object | undefined,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrf }), ...headers },
      });
    },
  };
}

/** Look up an organisation's id by code (as a coordinator sees it). */
export async function orgId(t: TestApp, code: string): Promise<string> {
  const row = await t.database.db.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Many users at once (straight into the database), each with a bearer token:
 * for load and concurrency tests. Returns their tokens in creation order.
 */
export async function bulkUsers(t: TestApp, count: number, options: { organisationCode: string; role?: string; prefix?: string }): Promise<Array<{ id: string; token: string }>> {
  const { createHash, randomBytes, randomUUID } = await import("node:crypto");
  const organisationId = await orgId(t, options.organisationCode);
  const now = new Date().toISOString();
  const users = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), token: `rfd_${randomBytes(24).toString("base64url")}`, i }));
  const prefix = options.prefix ?? randomBytes(4).toString("hex");
  for (let start = 0; start < users.length; start += 200) {
    const chunk = users.slice(start, start + 200);
    await t.database.db.insertInto("users").values(chunk.map((u) => ({
      id: u.id, email: `${prefix}-${u.i}@load.rifada.test`, name: `Delegate ${u.i}`, passwordHash: null, role: options.role ?? "participant",
      organisationId, personId: null, locale: u.i % 2 ? "ar" : "en", digits: "latn", disabledAt: null, passwordChangedAt: null, createdAt: now, updatedAt: now,
    }))).execute();
    await t.database.db.insertInto("apiTokens").values(chunk.map((u) => ({
      id: randomUUID(), userId: u.id, name: "load", tokenHash: createHash("sha256").update(u.token).digest("hex"), prefix: u.token.slice(0, 10),
      createdAt: now, lastUsedAt: null, expiresAt: null, revokedAt: null,
    }))).execute();
  }
  return users.map(({ id, token }) => ({ id, token }));
}
