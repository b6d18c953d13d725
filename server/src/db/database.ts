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

/** How often a long-lived SQLite connection refreshes the planner's statistics. */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * Refresh SQLite's planner statistics (sqlite_stat1) where they are missing or stale: PRAGMA optimize
 * runs ANALYZE only on the tables that need it (never analyzed, an index without statistics, or
 * grown or shrunk 25-fold since), under SQLite's own analysis limit, so it is usually a no-op and
 * at worst a second or two on a large database. Without statistics SQLite guesses from the
 * indexes alone and can pick a poor one (bench/README.md, follow-up part: the overdue list of a
 * meeting walked the due-date index, 165 ms, instead of the meeting's, 0.1 ms). `allTables` checks
 * every table, not only those this connection has queried: SQLite advises it when a long-lived
 * connection opens (https://sqlite.org/pragma.html#pragma_optimize). PostgreSQL needs nothing of
 * the kind: autovacuum analyzes tables as they change.
 */
export function optimizeSqlite(raw: SqliteDatabase.Database, allTables = false): void {
  raw.pragma(allTables ? "optimize = 0x10002" : "optimize");
}

/** How much of a SQLite file is read through a memory map (1 GiB). */
const SQLITE_MMAP_BYTES = 1024 * 1024 * 1024;

/** Open SQLite with WAL, foreign keys and a busy timeout, and its planner statistics up to date. */
export function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 10000");
  raw.pragma("synchronous = NORMAL");
  // Read the file through a memory map rather than a read() call per page: a report that visits
  // rows all over a large database (a programme of 100k trainees) spends most of its time in those
  // calls otherwise (bench/README.md, training part). Address space only; the OS shares the pages.
  raw.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  optimizeSqlite(raw, true);
  return raw;
}

/** The SQLite handle behind each Kysely instance createDatabase made (for optimizeStatistics). */
const sqliteHandles = new WeakMap<Kysely<any>, SqliteDatabase.Database>();

/**
 * After a schema change (migrations: a new index has no statistics yet), refresh SQLite's planner
 * statistics of every table that needs it; nothing on PostgreSQL or on a Kysely instance not made
 * by createDatabase.
 */
export function optimizeStatistics(db: Kysely<any>): void {
  const raw = sqliteHandles.get(db);
  if (raw) optimizeSqlite(raw, true);
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
  sqliteHandles.set(db, raw);
  // Statistics are an optimisation: a refresh is skipped inside a transaction of the app's (it would
  // join it) and a failed one (the database busy past the timeout) waits for the next.
  const refresh = () => {
    if (!raw.open || raw.inTransaction) return;
    try {
      optimizeSqlite(raw);
    } catch {
      // the next run (or the one on close) tries again
    }
  };
  const timer = setInterval(refresh, OPTIMIZE_EVERY_MS);
  timer.unref();
  return {
    db,
    dialect: "sqlite",
    sqlite: raw,
    close: async () => {
      clearInterval(timer);
      // SQLite advises a PRAGMA optimize before closing a connection: what it learnt of the queries run is lost otherwise.
      refresh();
      await db.destroy();
    },
  };
}
