import type { Kysely, Selectable } from "kysely";
import type { DB, OutboxTable } from "../../db/schema.js";

/** The fields of an outbox row the sender needs. */
export type DueMessage = Pick<Selectable<OutboxTable>, "id" | "toEmail" | "subject" | "body" | "locale" | "attempts" | "nextAttemptAt" | "attachments">;

/** Outbox queries for the mail sender (Kysely only). */
export function mailRepository(db: Kysely<DB>) {
  return {
    /** Pending messages due at `now` (no next attempt set, or not after now), oldest first. */
    findDue(now: string, limit: number): Promise<DueMessage[]> {
      return db
        .selectFrom("outbox")
        .select(["id", "toEmail", "subject", "body", "locale", "attempts", "nextAttemptAt", "attachments"])
        .where("status", "=", "pending")
        .where((eb) => eb.or([eb("nextAttemptAt", "is", null), eb("nextAttemptAt", "<=", now)]))
        .orderBy("createdAt")
        .orderBy("id")
        .limit(limit)
        .execute();
    },

    /**
     * Take a lease on a message: compare-and-set its `next_attempt_at` from the
     * value read (`seen`) to `leaseUntil`. Of several processes that read the same
     * row, exactly one changes it; the others get false and must not send.
     */
    async claim(id: string, seen: string | null, leaseUntil: string): Promise<boolean> {
      const result = await db
        .updateTable("outbox")
        .set({ nextAttemptAt: leaseUntil })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .where((eb) => (seen === null ? eb("nextAttemptAt", "is", null) : eb("nextAttemptAt", "=", seen)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The message has left: record it even if the lease ran out meanwhile. */
    async markSent(id: string, at: string): Promise<void> {
      await db.updateTable("outbox").set({ status: "sent", sentAt: at, nextAttemptAt: null }).where("id", "=", id).execute();
    },

    /** Record a failed attempt, if this sender still holds the lease `lease`. */
    async markAttemptFailed(
      id: string,
      lease: string,
      change: { attempts: number; lastError: string; status: "pending" | "failed"; nextAttemptAt: string | null },
    ): Promise<void> {
      await db
        .updateTable("outbox")
        .set(change)
        .where("id", "=", id)
        .where("status", "=", "pending")
        .where("nextAttemptAt", "=", lease)
        .execute();
    },
  };
}
