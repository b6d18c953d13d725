import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

export type Executor = Kysely<DB> | Transaction<DB>;

export interface AuditEntryInput {
  actorId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: Record<string, unknown> | null;
}

/** Append one entry (the table refuses updates and deletes). */
export async function insertAudit(db: Executor, entry: AuditEntryInput, at: string): Promise<void> {
  await db
    .insertInto("auditLog")
    .values({
      at,
      actorId: entry.actorId,
      organisationId: entry.organisationId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
    })
    .execute();
}
