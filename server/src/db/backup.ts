import fs from "node:fs";
import path from "node:path";
import type SqliteDatabase from "better-sqlite3";

/**
 * Copy a live SQLite database with SQLite's online backup API (consistent even
 * while the server writes). Returns the number of pages copied.
 */
export async function backupSqlite(db: SqliteDatabase.Database, target: string): Promise<number> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const result = await db.backup(target);
  return result.totalPages;
}
