/**
 * Bulk inserts for generated benchmark data, on either database: rows are
 * arrays in column order, written table by table (in the order given, so
 * foreign keys hold) in one transaction — SQLite through prepared statements,
 * PostgreSQL through multi-row INSERTs.
 */
import type SqliteDatabase from "better-sqlite3";
import pg from "pg";

export interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** Append `values` (an object keyed by column) to `t`, in `t.columns` order. */
export function push(t: TableRows, values: Record<string, unknown>): void {
  t.rows.push(t.columns.map((c) => {
    if (!(c in values)) throw new Error(`${t.table}: no value for ${c}`);
    return values[c];
  }));
}

export function tableRows(table: string, columns: string): TableRows {
  return { table, columns: columns.split(",").map((c) => c.trim()), rows: [] };
}

/** Insert every table's rows into SQLite in one transaction. */
export function writeSqlite(raw: SqliteDatabase.Database, tables: TableRows[]): void {
  // Random (UUID) keys land all over the indexes: with SQLite's default 2 MB page cache,
  // a bulk load of 100k events spends most of its time re-reading pages.
  // The generators write consistent rows (parents first): skip the foreign-key lookups meanwhile.
  const cacheSize = raw.pragma("cache_size", { simple: true }) as number;
  const foreignKeys = raw.pragma("foreign_keys", { simple: true }) as number;
  raw.pragma("cache_size = -524288");
  raw.pragma("foreign_keys = OFF");
  try {
    insertAll(raw, tables);
  } finally {
    raw.pragma(`cache_size = ${cacheSize}`);
    raw.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}

function insertAll(raw: SqliteDatabase.Database, tables: TableRows[]): void {
  raw.transaction(() => {
    for (const t of tables) {
      if (t.rows.length === 0) continue;
      const stmt = raw.prepare(`insert into ${t.table} (${t.columns.join(", ")}) values (${t.columns.map(() => "?").join(", ")})`);
      for (const row of t.rows) stmt.run(...row);
    }
  })();
}

/** Insert every table's rows into PostgreSQL in one transaction, then VACUUM ANALYZE the tables. */
export async function writePostgres(url: string, tables: TableRows[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    for (const t of tables) {
      // At most ~60,000 parameters per statement (the protocol's limit is 65,535).
      const chunk = Math.max(1, Math.min(2000, Math.floor(60_000 / t.columns.length)));
      for (let start = 0; start < t.rows.length; start += chunk) {
        const rows = t.rows.slice(start, start + chunk);
        const values: unknown[] = [];
        const tuples = rows.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(", ")})`);
        await client.query(`insert into ${t.table} (${t.columns.join(", ")}) values ${tuples.join(", ")}`, values);
      }
    }
    await client.query("commit");
    // Vacuumed and analysed, as autovacuum soon would after a bulk load (plans and index-only scans depend on it).
    for (const t of new Set(tables.map((x) => x.table))) await client.query(`vacuum analyze ${t}`);
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
