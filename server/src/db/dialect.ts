import { sql } from "kysely";
import type { Executor } from "../modules/admin/audit.repository.js";
import type { Dialect } from "./database.js";

/**
 * Serialise writers of one row inside a transaction. PostgreSQL needs a row lock
 * (SELECT … FOR UPDATE); SQLite has already taken the database write lock with
 * BEGIN IMMEDIATE (see database.ts), so there is nothing more to do.
 */
export async function lockRow(tx: Executor, dialect: Dialect, table: "events" | "library_entries" | "recommendations" | "proposals" | "cooperation_programmes", id: string): Promise<void> {
  if (dialect === "postgres") await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(tx);
}
