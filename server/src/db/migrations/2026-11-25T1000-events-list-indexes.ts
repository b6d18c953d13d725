import { sql, type Kysely } from "kysely";

// Frozen: this file must not import application code.

/**
 * Indexes for the event list at scale (bench/README.md, events part; 100k events):
 * - events_list_idx: the list's order (starts_at, id) over live events, so PostgreSQL
 *   walks the index for a page instead of sorting every visible event
 *   (GET /api/events at 100k: 280 ms → 6 ms for the page's rows);
 * - events_scope_idx: the columns of the list's default condition (live, visibility,
 *   drafts, host, shared group, invitations by id), so its total is counted from the
 *   index alone (SQLite ~400 ms → ~35 ms; PostgreSQL 126 ms → 82 ms, index-only once
 *   vacuumed). A condition on another column (q, season) reads the table again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("events_list_idx").on("events").columns(["starts_at", "id"]).where(sql.ref("archived_at"), "is", null).execute();
  await db.schema.createIndex("events_scope_idx").on("events").columns(["archived_at", "visibility", "status", "host_organisation_id", "share_group_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("events_scope_idx").execute();
  await db.schema.dropIndex("events_list_idx").execute();
}
