import type { Kysely } from "kysely";

// Frozen: this file must not import application code.

/**
 * Retries for the mail sender: a pending message is due when `next_attempt_at`
 * is null or not after now. The sender also sets it a few minutes ahead while it
 * sends (a lease), so a crashed sender's messages become due again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("next_attempt_at", "text").execute();
  await db.schema.createIndex("outbox_due_idx").on("outbox").columns(["status", "next_attempt_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_due_idx").execute();
  await db.schema.alterTable("outbox").dropColumn("next_attempt_at").execute();
}
