import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from "kysely";
import type { DB } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** SQLite only: the raw handle, for the online backup API. */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN,
 * which upgrades to a write lock only at the first write and can then fail
 * with SQLITE_BUSY when another process holds it. BEGIN IMMEDIATE takes the
 * write lock up front, where busy_timeout makes it wait instead of fail.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused,
 * so keep the most recent ones (the set of distinct SQL texts is small).
 */
function withStatementCache(raw: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
    } else {
      stmt = raw.prepare(source);
      if (cache.size >= 1000) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === "prepare") return prepare;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Open SQLite with WAL, foreign keys and a busy timeout. */
export function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 10000");
  raw.pragma("synchronous = NORMAL");
  return raw;
}

// pg returns int8 (count(*)) as strings by default; counts here are small.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Connect to PostgreSQL when `databaseUrl` is given, else to the SQLite file
 * `sqliteFile` (default `<dataDir>/rifada.sqlite`).
 */
export function createDatabase(options: { databaseUrl?: string | null; sqliteFile?: string; onIdleError?: (err: Error) => void }): Database {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client can be cut off (server restart, admin command); the pool drops it and
    // opens a new one on demand. Without a listener, that error would crash the process.
    pool.on("error", (err) => options.onIdleError?.(err));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: "postgres", sqlite: null, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? ":memory:";
  const raw = openSqlite(file);
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }), plugins });
  return { db, dialect: "sqlite", sqlite: raw, close: () => db.destroy() };
}
