import pg from "pg";
import { randomBytes } from "node:crypto";
import { createDatabase, type Database, type Dialect } from "../db/database.js";

const url = process.env.TEST_DATABASE_URL || (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "");

async function postgresReachable(): Promise<boolean> {
  if (!url) return false;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function detect(): Promise<Dialect[]> {
  if (await postgresReachable()) return ["sqlite", "postgres"];
  const why = url ? `TEST_DATABASE_URL (${url}) is not reachable` : "TEST_DATABASE_URL is not set";
  if (process.env.CI === "true") throw new Error(`PostgreSQL integration tests cannot run under CI: ${why}.`);
  if (!(globalThis as { __rifadaPgWarned?: boolean }).__rifadaPgWarned) {
    (globalThis as { __rifadaPgWarned?: boolean }).__rifadaPgWarned = true;
    console.warn(
      `\n!!! SKIPPING the PostgreSQL half of the integration tests: ${why}.\n` +
        "!!! Enable it with: TEST_DATABASE_URL=$(.ci/start-postgres.sh) npm test\n",
    );
  }
  return ["sqlite"];
}

/** The dialects this run tests on: SQLite always, PostgreSQL where reachable (required under CI=true). */
export const DIALECTS: Dialect[] = await detect();

/**
 * A fresh, empty database of the given dialect: in-memory SQLite, or a new
 * PostgreSQL database that is dropped again on close.
 */
export async function freshDatabase(dialect: Dialect, options: { sqliteFile?: string } = {}): Promise<Database> {
  if (dialect === "sqlite") return createDatabase({ sqliteFile: options.sqliteFile ?? ":memory:" });
  const name = `rifada_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = createDatabase({ databaseUrl: target.toString() });
  const close = database.close;
  database.close = async () => {
    await close();
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    await again.query(`drop database if exists ${name} with (force)`);
    await again.end();
  };
  return database;
}
